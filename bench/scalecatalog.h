#pragma once

#include <QString>

#include <vector>

namespace vantage::bench {

// The reference rows written first, kept in memory so orders and opportunities can point at them.
struct ScaleCatalog
{
    struct Territory
    {
        QString id;
        int region = 0;
        int state = 0; // index into the region's states
    };
    struct Account
    {
        QString id;
        QString name;
        QString ref; // source_ref, also the key of the customer's payment habit
        int region = 0;
        int territory = 0;
        QString state;
        QString city;
        QString postalCode;
    };
    struct Product
    {
        QString id;
        QString name;
        qint64 listPriceMinor = 0;
        int marginBp = 0; // gross margin before discount, in basis points
    };

    std::vector<QString> regionIds;
    std::vector<Territory> territories;
    std::vector<Account> accounts;
    std::vector<std::vector<int>> accountsByRegion;
    std::vector<Product> products;          // office catalogue, sold on orders
    std::vector<Product> hardware;          // sold through opportunities
    std::vector<double> hardwareWeights;    // how often each hardware product is the subject of a deal
    std::vector<std::vector<QString>> repsByRegion;
};

} // namespace vantage::bench
