#pragma once

#include "domain/result.h"
#include "riskmodel.h"

#include <functional>

namespace vantage::core {

// One open deal's score and the factors that raise it most against a typical deal.
struct RiskScore
{
    RiskRow row;
    double probability = 0;
    std::vector<std::pair<RiskFactor, double>> reasons;  // top three, log-odds added, largest first
};

// Every deal open at the as-of cut, riskiest first, with the model that scored them.
struct RiskAssessment
{
    QDate asOf;
    RiskModel model;
    std::vector<RiskScore> ranked;
    double learnedWeight = 0;       // the opportunity model's
    double orderLearnedWeight = 0;  // the order model's
    int trainingWeeks = 0;
    int trainingRows = 0;
};

struct RiskRunControl
{
    std::function<bool()> cancelled;                    // nullable; checked between weeks
    std::function<void(int done, int total)> progress;  // nullable
};

// The reasons shown with a score: factors adding at least this much log-odds, at most three.
constexpr double kRiskReasonThreshold = 0.05;
constexpr int kRiskReasonCount = 3;

std::vector<std::pair<RiskFactor, double>> topRiskReasons(const std::vector<double> &contributions);

// Ranks deals by risk, riskiest first; ties by amount, then id, so a list is reproducible.
void rankRiskScores(std::vector<RiskScore> &scores);

// Trains on every Monday whose four-week outcome is complete before asOf, then scores the deals
// open at 00:00 UTC of asOf. Deterministic: the same history and date give the same list.
Result<RiskAssessment> assessRisk(const RiskHistory &history, const QDate &asOf, const RiskModelOptions &options = {},
                                  const RiskRunControl &control = {});

// Scores one week's rows with a trained model (the rows move into the scores).
std::vector<RiskScore> scoreRiskWeek(RiskWeek week, const RiskModel &model);

} // namespace vantage::core
