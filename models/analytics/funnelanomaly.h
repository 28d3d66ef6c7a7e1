#pragma once

#include "riskhistory.h"

#include <QDate>
#include <QHash>
#include <QString>

#include <vector>

namespace vantage::core {

struct FunnelAlertOptions
{
    int baselineWeeks = 12;  // the trailing baseline: the weeks just before the recent window
    int recentWeeks = 2;     // 1–4 complete weeks just before the cut
    double sigma = 3.0;      // control limits at ± sigma standard errors of the recent window
    int minimumDeals = 10;   // fewer stage exits in either window: the scope is not tested
    // > 0: the baseline is the same weeks of up to this many earlier quarters (13 weeks apart), as
    // deep as the history goes, so a quarter's own rhythm is not an anomaly; the trailing weeks
    // when the history reaches back less than two quarters or those weeks hold too few exits.
    int seasonalQuarters = 0;
};

enum class FunnelMetric { ConversionDrop, ConversionRise, CycleLonger, CycleShorter };

// One stage of one scope whose recent weeks fell outside the control limits of its own baseline.
struct FunnelAlert
{
    FunnelMetric metric = FunnelMetric::ConversionDrop;
    QString stageCode;
    QString stageName;             // as stored (shown for a company's own stages)
    QString regionId;              // "" = all regions
    QString productId;             // "" = all products
    double baseline = 0;           // share converted (0–1) or mean days in the stage
    double recent = 0;
    double zScore = 0;             // (recent − baseline) ÷ standard error of the recent window
    QDate since;                   // the first Monday of the recent window
    int recentWeeks = 0;
    int baselineWeeks = 0;
    int baselineQuarters = 0;      // > 0: the baseline was the same weeks of that many earlier quarters
    int recentDeals = 0;           // stage exits tested in each window
    int baselineDeals = 0;
    std::vector<QString> drivingDealIds;

    friend bool operator==(const FunnelAlert &, const FunnelAlert &) = default;
};

// Weekly stage-to-stage conversion and time in stage per region × product, per region and for
// everyone, from the stage exits before riskCutoffMs(asOf) only; each weekly window is the seven
// days ending at a cut, so with a Monday they are calendar weeks. The recent window is tested
// against the baseline just before it:
//  - conversion (p-chart): of the deals that left an open stage, the share that went to a later
//    open stage or a won stage rather than a lost one (moves back to an earlier stage are not
//    counted). p̄ = pooled baseline share, z = (p − p̄) ÷ √(p̄(1 − p̄) ÷ n_recent).
//  - time in stage (X̄-chart with the baseline's spread, not Welch): days from entering the stage
//    to leaving it, z = (mean_recent − mean_baseline) ÷ (sd_baseline ÷ √n_recent).
// An alert when |z| > sigma. A wider scope (a region, everyone) alerts only when it also moves
// without the narrower scopes that alerted, so one product's drop is reported once, where it is.
// Sorted by |z|, largest first.
std::vector<FunnelAlert> funnelAlerts(const RiskHistory &history, const QDate &asOf,
                                      const FunnelAlertOptions &options = {});

// One translated sentence: what moved, by how much, since when, against what (and for a drop how
// many deals were lost). Names missing from the maps are shown as their ids.
QString funnelAlertText(const FunnelAlert &alert, const QHash<QString, QString> &regionNames,
                        const QHash<QString, QString> &productNames);

} // namespace vantage::core
