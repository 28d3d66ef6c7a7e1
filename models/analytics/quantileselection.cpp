#include "quantileselection.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace vantage::core {

namespace {

// Puts the order statistics of the given ranks (ascending, distinct, within [first, last)) at
// their sorted positions, as a sort would but stopping where nothing is asked: nth_element on
// the rank nearest the middle of the range, then each side with its own ranks. A rank at either
// end of its range is the least or greatest value there, found by one scan.
void selectRanks(std::vector<double> &values, std::span<const std::size_t> ranks, std::size_t first, std::size_t last)
{
    if (ranks.empty())
        return;
    const auto at = [&](std::size_t i) { return values.begin() + long(i); };
    const auto distance = [middle = first + (last - first) / 2](std::size_t rank) {
        return std::max(rank, middle) - std::min(rank, middle);
    };
    std::size_t pick = 0;
    for (std::size_t i = 1; i < ranks.size(); ++i)
        if (distance(ranks[i]) < distance(ranks[pick]))
            pick = i;
    const std::size_t rank = ranks[pick];
    if (rank == first)
        std::iter_swap(at(first), std::min_element(at(first), at(last)));
    else if (rank + 1 == last)
        std::iter_swap(at(rank), std::max_element(at(first), at(last)));
    else
        std::nth_element(at(first), at(rank), at(last));
    selectRanks(values, ranks.first(pick), first, rank);
    selectRanks(values, ranks.subspan(pick + 1), rank + 1, last);
}

constexpr std::size_t kSample = 128;

// The order statistics at ranks that all lie in the lower (upper = false) or upper tail, into
// found: one branch-free pass copies every value up to (from) a cut read off a sample of the
// values, and the ranks are selected among the copies, which are the smallest (largest) values.
// False, with nothing found, when the ranks are not in a tail or the cut copied too few: the
// caller selects in the whole range then. Exact either way.
bool fromTail(const std::vector<double> &values, std::span<const std::size_t> ranks, bool upper,
              std::vector<double> &scratch, std::span<double> found)
{
    const std::size_t n = values.size();
    std::array<std::size_t, 8> local{};  // the ranks among the copies
    if (ranks.empty() || ranks.size() > local.size() || n < 8 * kSample)
        return false;
    const std::size_t needed = upper ? n - ranks.front() : ranks.back() + 1;
    // The sample's rank of the cut: where the needed share falls, three standard deviations of
    // the sample's count further in, so the cut rarely copies too few.
    const double share = double(needed) / double(n);
    const auto cutRank = std::size_t(std::ceil(share * kSample + 3.0 * std::sqrt(kSample * share * (1.0 - share)))) + 1;
    if (cutRank >= kSample / 2)
        return false;
    std::array<double, kSample> sample{};
    for (std::size_t i = 0; i < kSample; ++i)
        sample[i] = values[i * n / kSample];
    const auto cutAt = upper ? sample.end() - 1 - long(cutRank) : sample.begin() + long(cutRank);
    std::nth_element(sample.begin(), cutAt, sample.end());
    const double cut = *cutAt;
    scratch.resize(n);
    std::size_t count = 0;
    for (const double value : values) {
        scratch[count] = value;
        count += upper ? value >= cut : value <= cut;
    }
    if (count < needed)
        return false;
    scratch.resize(count);
    // The copies are the `count` least (greatest) values, so a rank keeps its order among them.
    for (std::size_t i = 0; i < ranks.size(); ++i)
        local[i] = upper ? ranks[i] - (n - count) : ranks[i];
    const std::span<const std::size_t> localRanks(local.data(), ranks.size());
    selectRanks(scratch, localRanks, 0, count);
    for (std::size_t i = 0; i < ranks.size(); ++i)
        found[i] = scratch[local[i]];
    return true;
}

} // namespace

void selectedQuantiles(std::vector<double> &values, std::span<const double> probabilities, std::span<double> out,
                       std::vector<double> &scratch)
{
    const std::size_t n = values.size();
    if (n == 0) {
        std::fill(out.begin(), out.end(), std::nan(""));
        return;
    }
    std::vector<std::size_t> ranks;  // each quantile's two neighbouring order statistics
    for (const double probability : probabilities) {
        const auto below = std::size_t(std::floor(probability * double(n - 1)));
        for (const std::size_t rank : {below, std::min(below + 1, n - 1)})
            if (ranks.empty() || ranks.back() < rank)
                ranks.push_back(rank);
    }
    std::vector<double> found(ranks.size());
    const auto half = std::size_t(std::lower_bound(ranks.begin(), ranks.end(), n / 2) - ranks.begin());
    const std::span<const std::size_t> lower(ranks.data(), half);
    const std::span<const std::size_t> higher(ranks.data() + half, ranks.size() - half);
    const bool lowerFound = lower.empty() || fromTail(values, lower, false, scratch, std::span(found).first(half));
    const bool higherFound = higher.empty() || fromTail(values, higher, true, scratch, std::span(found).subspan(half));
    if (!lowerFound || !higherFound) {
        selectRanks(values, ranks, 0, n);
        for (std::size_t i = 0; i < ranks.size(); ++i)
            found[i] = values[ranks[i]];
    }
    const auto valueAt = [&](std::size_t rank) {
        return found[std::size_t(std::lower_bound(ranks.begin(), ranks.end(), rank) - ranks.begin())];
    };
    for (std::size_t i = 0; i < probabilities.size(); ++i) {  // sortedQuantile's interpolation
        const double position = probabilities[i] * double(n - 1);
        const auto below = std::size_t(std::floor(position));
        const double low = valueAt(below);
        out[i] = low + (position - double(below)) * (valueAt(std::min(below + 1, n - 1)) - low);
    }
}

} // namespace vantage::core
