#pragma once

#include <Eigen/Dense>

namespace vantage::core {

struct LogisticFit
{
    Eigen::VectorXd weights;
    double intercept = 0;
    bool converged = false;
    int iterations = 0;

    double logOdds(const Eigen::Ref<const Eigen::VectorXd> &x) const { return intercept + weights.dot(x); }
};

// Maximum-likelihood logistic regression with an L2 penalty ½·ridge·‖w‖² on the weights (not the
// intercept), by Newton's method (iteratively reweighted least squares). Rows of x are samples.
// Inputs should be on comparable scales for the penalty to mean the same for each.
LogisticFit fitLogistic(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, double ridge, int maxIterations = 50);

} // namespace vantage::core
