#pragma once

#include <QString>

namespace vantage::bench {

class DeterministicRandom;

// Plausible names for generated people, companies and products, drawn from short word lists.
// Names repeat now and then, as they do in real customer files; rows are told apart by id.
class NamePool
{
public:
    static QString person(DeterministicRandom &random);
    static QString company(DeterministicRandom &random);
    static QString product(DeterministicRandom &random, const QString &subCategory);
};

} // namespace vantage::bench
