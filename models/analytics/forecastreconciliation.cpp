#include "forecastreconciliation.h"

#include <Eigen/Dense>

namespace vantage::core {

ForecastReconciliation::ForecastReconciliation(const std::vector<std::vector<int>> &summing)
{
    const auto nodes = Eigen::Index(summing.size());
    const auto leaves = nodes == 0 ? Eigen::Index(0) : Eigen::Index(summing.front().size());
    Eigen::MatrixXd s(nodes, leaves);
    Eigen::VectorXd inverseWeights(nodes);
    for (Eigen::Index i = 0; i < nodes; ++i) {
        double count = 0.0;
        for (Eigen::Index j = 0; j < leaves; ++j) {
            s(i, j) = summing[std::size_t(i)][std::size_t(j)];
            count += s(i, j);
        }
        inverseWeights(i) = count > 0.0 ? 1.0 / count : 0.0;
    }
    const Eigen::MatrixXd stw = s.transpose() * inverseWeights.asDiagonal();
    const Eigen::MatrixXd gram = stw * s;
    const Eigen::MatrixXd projection = s * gram.ldlt().solve(stw);
    m_projection.assign(std::size_t(nodes), std::vector<double>(std::size_t(nodes)));
    for (Eigen::Index i = 0; i < nodes; ++i)
        for (Eigen::Index j = 0; j < nodes; ++j)
            m_projection[std::size_t(i)][std::size_t(j)] = projection(i, j);
}

std::vector<double> ForecastReconciliation::reconcile(const std::vector<double> &base) const
{
    std::vector<double> coherent(base.size(), 0.0);
    for (std::size_t i = 0; i < m_projection.size(); ++i)
        for (std::size_t j = 0; j < base.size(); ++j)
            coherent[i] += m_projection[i][j] * base[j];
    return coherent;
}

} // namespace vantage::core
