#include "risksnapshot.h"

#include "domain/namedid.h"

#include <QCoreApplication>

#include <array>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::RiskSnapshot)
};

constexpr std::array<const char *, 5> kStatusCodes{"open", "contacted", "plan_agreed", "escalated", "resolved"};

} // namespace

QString isoWeekOf(const QDate &day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

QDate mondayOf(const QDate &day)
{
    return day.addDays(1 - day.dayOfWeek());
}

QString followUpStatusCode(FollowUpStatus status)
{
    return QString::fromLatin1(kStatusCodes[std::size_t(status)]);
}

std::optional<FollowUpStatus> followUpStatusFromCode(const QString &code)
{
    for (std::size_t i = 0; i < kStatusCodes.size(); ++i)
        if (code == QLatin1String(kStatusCodes[i]))
            return FollowUpStatus(i);
    return std::nullopt;
}

QString followUpStatusLabel(FollowUpStatus status)
{
    switch (status) {
    case FollowUpStatus::Open: return Tr::tr("To do");
    case FollowUpStatus::Contacted: return Tr::tr("Contacted");
    case FollowUpStatus::PlanAgreed: return Tr::tr("Plan agreed");
    case FollowUpStatus::Escalated: return Tr::tr("Escalated");
    case FollowUpStatus::Resolved: return Tr::tr("Resolved");
    }
    return {};
}

QString riskSnapshotId(const QString &regionId, const QString &isoWeek)
{
    return namedId(QStringLiteral("risk_snapshot|%1|%2").arg(regionId, isoWeek));
}

QString riskEntryId(const QString &snapshotId, int rank)
{
    return namedId(QStringLiteral("risk_snapshot_entry|%1|%2").arg(snapshotId).arg(rank));
}

QString riskFollowUpId(const QString &entryId)
{
    return namedId(QStringLiteral("risk_follow_up|%1").arg(entryId));
}

} // namespace vantage::core
