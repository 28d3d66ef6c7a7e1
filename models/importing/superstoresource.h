#pragma once

#include "importreport.h"

#include "domain/result.h"

#include <QDate>
#include <QString>

#include <vector>

namespace vantage::core {

// One validated order line of the Tableau "Sample - Superstore" file, money in cents.
struct SuperstoreLine
{
    qint64 line = 0;
    qint64 rowId = 0;
    QString orderId;
    QDate orderDate;
    QDate shipDate;
    QString shipMode;
    QString customerId;
    QString customerName;
    QString segment;
    QString country;
    QString city;
    QString state;
    QString postalCode;
    QString region;
    QString productId;
    QString category;
    QString subCategory;
    QString productName;
    qint64 salesMinor = 0;  // net of discount
    qint64 quantity = 0;
    qint64 discountBp = 0;  // basis points: 0.2 → 2000
    qint64 profitMinor = 0;
};

// Reads and validates superstore.csv; bad rows are reported and left out.
class SuperstoreSource
{
public:
    static QString fileName() { return QStringLiteral("superstore.csv"); }
    static Result<std::vector<SuperstoreLine>> read(const QString &path, ImportReport &report);
};

} // namespace vantage::core
