#include "logisticregression.h"

#include <cmath>

namespace vantage::core {

LogisticFit fitLogistic(const Eigen::MatrixXd &x, const Eigen::VectorXd &y, double ridge, int maxIterations)
{
    const Eigen::Index n = x.rows();
    const Eigen::Index k = x.cols();
    // Column 0 of the design is the intercept.
    Eigen::MatrixXd design(n, k + 1);
    design.col(0).setOnes();
    design.rightCols(k) = x;
    Eigen::VectorXd beta = Eigen::VectorXd::Zero(k + 1);
    const double mean = n > 0 ? y.mean() : 0.5;
    beta(0) = std::log(std::clamp(mean, 1e-6, 1 - 1e-6) / (1 - std::clamp(mean, 1e-6, 1 - 1e-6)));
    Eigen::VectorXd penalty = Eigen::VectorXd::Constant(k + 1, ridge);
    penalty(0) = 0;

    LogisticFit fit;
    for (fit.iterations = 1; fit.iterations <= maxIterations; ++fit.iterations) {
        const Eigen::VectorXd p = ((-(design * beta)).array().exp() + 1.0).inverse().matrix();
        const Eigen::VectorXd w = (p.array() * (1.0 - p.array())).max(1e-10).matrix();
        Eigen::VectorXd gradient = design.transpose() * (y - p) - penalty.cwiseProduct(beta);
        Eigen::MatrixXd hessian = design.transpose() * w.asDiagonal() * design;
        hessian.diagonal() += penalty;
        hessian.diagonal().array() += 1e-9;  // keeps a constant column solvable
        const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
        beta += step;
        if (!step.allFinite()) {
            beta.setZero();
            break;
        }
        if (step.cwiseAbs().maxCoeff() < 1e-8) {
            fit.converged = true;
            break;
        }
    }
    fit.intercept = beta(0);
    fit.weights = beta.tail(k);
    return fit;
}

} // namespace vantage::core
