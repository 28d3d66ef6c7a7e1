#include "salesgeography.h"

namespace vantage::bench {
namespace {

StateShape state(const char *name, const char *code, std::initializer_list<const char *> cities)
{
    StateShape s{QString::fromLatin1(name), QString::fromLatin1(code), {}};
    for (const char *city : cities)
        s.cities << QString::fromLatin1(city);
    return s;
}

} // namespace

const std::vector<RegionShape> &salesRegions()
{
    // Shares from the demo database: West 32 %, East 28 %, Central 23 %, South 16 % of orders.
    static const std::vector<RegionShape> regions{
        {QStringLiteral("west"), QStringLiteral("West"), 0.32,
         {state("California", "CA", {"Los Angeles", "San Francisco", "San Diego", "Sacramento"}),
          state("Washington", "WA", {"Seattle", "Spokane", "Tacoma"}),
          state("Arizona", "AZ", {"Phoenix", "Tucson", "Mesa"}),
          state("Colorado", "CO", {"Denver", "Aurora", "Boulder"}),
          state("Oregon", "OR", {"Portland", "Salem", "Eugene"})}},
        {QStringLiteral("east"), QStringLiteral("East"), 0.28,
         {state("New York", "NY", {"New York City", "Buffalo", "Rochester"}),
          state("Pennsylvania", "PA", {"Philadelphia", "Pittsburgh", "Allentown"}),
          state("Ohio", "OH", {"Columbus", "Cleveland", "Cincinnati"}),
          state("Massachusetts", "MA", {"Boston", "Worcester", "Springfield"}),
          state("New Jersey", "NJ", {"Newark", "Jersey City", "Trenton"})}},
        {QStringLiteral("central"), QStringLiteral("Central"), 0.23,
         {state("Texas", "TX", {"Houston", "Dallas", "San Antonio", "Austin"}),
          state("Illinois", "IL", {"Chicago", "Springfield", "Peoria"}),
          state("Michigan", "MI", {"Detroit", "Grand Rapids", "Lansing"}),
          state("Minnesota", "MN", {"Minneapolis", "Saint Paul", "Rochester"}),
          state("Wisconsin", "WI", {"Milwaukee", "Madison", "Green Bay"})}},
        {QStringLiteral("south"), QStringLiteral("South"), 0.16,
         {state("Florida", "FL", {"Jacksonville", "Miami", "Tampa", "Orlando"}),
          state("Virginia", "VA", {"Virginia Beach", "Richmond", "Arlington"}),
          state("North Carolina", "NC", {"Charlotte", "Raleigh", "Greensboro"}),
          state("Georgia", "GA", {"Atlanta", "Columbus", "Savannah"}),
          state("Tennessee", "TN", {"Nashville", "Memphis", "Knoxville"})}},
    };
    return regions;
}

} // namespace vantage::bench
