#pragma once

#include "importreport.h"

#include "domain/decimal.h"
#include "domain/result.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace vantage::core {

// The Maven Analytics "CRM Sales Opportunities" files, validated against each other.
struct CrmAgent
{
    qint64 line = 0;
    QString name;
    QString manager;
    QString office;
};

struct CrmAccount
{
    qint64 line = 0;
    QString name;
    QString sector;
    int yearEstablished = 0;
    std::optional<Decimal> revenueMillions;
    std::optional<qint64> employees;
    QString location;
    QString subsidiaryOf;
};

struct CrmProduct
{
    qint64 line = 0;
    QString name;
    QString series;
    qint64 priceMinor = 0;
};

struct CrmOpportunity
{
    qint64 line = 0;
    QString id;
    QString agent;
    QString product; // canonical name from products.csv
    QString account; // empty for some open deals
    QString stage;   // Prospecting, Engaging, Won, Lost
    QDate engageDate;
    QDate closeDate;
    qint64 closeValueMinor = 0;
};

struct CrmData
{
    std::vector<CrmAgent> agents;
    std::vector<CrmAccount> accounts;
    std::vector<CrmProduct> products;
    std::vector<CrmOpportunity> opportunities;
};

class CrmSource
{
public:
    static QStringList fileNames();
    // Reads the four files from directory; rows that break a rule are reported and left out.
    static Result<CrmData> read(const QString &directory, ImportReport &report);
};

} // namespace vantage::core
