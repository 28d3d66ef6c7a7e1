#pragma once

#include <vector>

namespace vantage::core {

// Makes forecasts of a hierarchy coherent: the parts add up to their totals. Weighted least
// squares with structural weights (Athanasopoulos, Hyndman, Kourentzes & Petropoulos 2017):
// ỹ = S (S′Λ⁻¹S)⁻¹ S′Λ⁻¹ ŷ with Λ = diag(number of bottom series under each node), so a node
// built from many series moves less than a single series. Needs no residual covariance, which
// short business series cannot estimate.
class ForecastReconciliation
{
public:
    // summing[node][leaf] is 1 when the leaf belongs to the node (the summing matrix S, one row
    // per node, leaves included as their own rows).
    explicit ForecastReconciliation(const std::vector<std::vector<int>> &summing);

    // base[node] is one forecast value per node; returns the coherent values, one per node.
    std::vector<double> reconcile(const std::vector<double> &base) const;

private:
    std::vector<std::vector<double>> m_projection;  // S (S′Λ⁻¹S)⁻¹ S′Λ⁻¹, nodes × nodes
};

} // namespace vantage::core
