#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace vantage::bench {

struct StateShape
{
    QString name;
    QString code;
    QStringList cities;
};

struct RegionShape
{
    QString code;
    QString name;
    double orderShare = 0.0; // share of customers (and so of orders) in the region
    std::vector<StateShape> states;
};

// The four sales regions of the demo (Superstore's US regions), their shares of customers and a
// few states and cities each, so that generated rows look like the demo's.
const std::vector<RegionShape> &salesRegions();

} // namespace vantage::bench
