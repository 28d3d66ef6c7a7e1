#pragma once

#include <QSet>
#include <QString>

namespace vantage::server {

// The regions a user may see and change. Rows without a region (reference data) are visible to
// everyone but changed only by administrators.
struct RegionScope
{
    bool allRegions = false; // directors and administrators
    QSet<QString> regions;

    bool contains(const QString &regionId) const { return allRegions || regions.contains(regionId); }
    bool canSee(const QString &regionId) const { return regionId.isEmpty() || contains(regionId); }
};

// Who is calling, established from a verified access token and the database (never from the body).
struct Session
{
    QString userId;
    QString clientId;
    QString login;
    QString role;
    int scopeEpoch = 0;
    RegionScope scope;
    QString address;

    bool isAdmin() const { return role == QLatin1String("admin"); }
};

} // namespace vantage::server
