#pragma once

#include <QJsonObject>
#include <QString>

namespace vantage::core {

// A synced row by its fields, with an id its maker chose (derived from a name, the same on every
// machine that makes it).
struct NamedRow
{
    QString entity;
    QString id;
    QString regionId;
    QJsonObject fields;
};

} // namespace vantage::core
