#include "funnelalertrule.h"

#include "domain/enumcodes.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <array>

namespace vantage::core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::FunnelAlertRule)
};

constexpr std::array<const char *, 4> kMetricCodes{"conversion_drop", "conversion_rise", "cycle_longer", "cycle_shorter"};

QString recipientProblem(const QStringList &recipients)
{
    for (const QString &recipient : recipients)
        if (!isRecipient(recipient))
            return Tr::tr("“%1” is neither an e-mail address nor a Vantage user.").arg(recipient);
    return {};
}

} // namespace

QString funnelMetricCode(std::optional<FunnelMetric> metric)
{
    return metric ? enumCode(kMetricCodes, *metric) : QStringLiteral("any");
}

std::optional<FunnelMetric> funnelMetricFromCode(const QString &code)
{
    return enumFromCode<FunnelMetric>(kMetricCodes, code);
}

bool isFunnelMetricCode(const QString &code)
{
    return code == QLatin1String("any") || funnelMetricFromCode(code).has_value();
}

QString funnelMetricLabel(std::optional<FunnelMetric> metric)
{
    if (!metric)
        return Tr::tr("Any change");
    switch (*metric) {
    case FunnelMetric::ConversionDrop: return Tr::tr("Conversion drops");
    case FunnelMetric::ConversionRise: return Tr::tr("Conversion rises");
    case FunnelMetric::CycleLonger: return Tr::tr("Time in stage gets longer");
    case FunnelMetric::CycleShorter: return Tr::tr("Time in stage gets shorter");
    }
    return {};
}

FunnelAlertOptions FunnelAlertRule::options() const
{
    return {baselineWeeks, recentWeeks, sigmaCenti / 100.0, minimumDeals, seasonalQuarters};
}

bool FunnelAlertRule::covers(const FunnelAlert &alert) const
{
    return (!metric || alert.metric == *metric) && (regionId.isEmpty() || alert.regionId == regionId)
        && (productId.isEmpty() || alert.productId == productId);
}

FunnelAlertRule builtInFunnelAlertRule()
{
    FunnelAlertRule rule;
    rule.name = Tr::tr("Built-in: any change at 3 sigma");
    return rule;
}

std::vector<FunnelRuleProblem> funnelRuleProblems(const FunnelAlertRule &rule)
{
    std::vector<FunnelRuleProblem> problems;
    const auto check = [&problems](bool ok, FunnelRuleField field, const QString &message) {
        if (!ok)
            problems.push_back({field, message});
    };
    check(!rule.name.trimmed().isEmpty(), FunnelRuleField::Name, Tr::tr("Give the rule a name."));
    check(rule.sigmaCenti >= 150 && rule.sigmaCenti <= 600, FunnelRuleField::Sigma,
          Tr::tr("Sensitivity must be between %1 and %2 sigma.")
              .arg(QLocale().toString(1.5, 'f', 1), QLocale().toString(6)));
    check(rule.minimumDeals >= 3 && rule.minimumDeals <= 500, FunnelRuleField::MinimumDeals,
          Tr::tr("Minimum deals must be a whole number from 3 to 500."));
    check(rule.recentWeeks >= 1 && rule.recentWeeks <= 4, FunnelRuleField::RecentWeeks,
          Tr::tr("Recent weeks must be a whole number from 1 to 4."));
    check(rule.baselineWeeks >= 4 && rule.baselineWeeks <= 52, FunnelRuleField::BaselineWeeks,
          Tr::tr("Baseline weeks must be a whole number from 4 to 52."));
    check(rule.seasonalQuarters >= 0 && rule.seasonalQuarters <= 8, FunnelRuleField::SeasonalQuarters,
          Tr::tr("Earlier quarters must be a whole number from 0 to 8."));
    const QString recipients = recipientProblem(rule.recipients);
    check(recipients.isEmpty(), FunnelRuleField::Recipients, recipients);
    return problems;
}

bool isEmailAddress(const QString &text)
{
    // Printable ASCII without spaces, commas, angle brackets or quotes: safe in an SMTP command and
    // a mail header as it is.
    static const QRegularExpression email(QStringLiteral(R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$)"));
    return email.match(text).hasMatch();
}

bool isRecipient(const QString &text)
{
    static const QRegularExpression userId(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return isEmailAddress(text) || userId.match(text).hasMatch();
}

QStringList splitRecipients(const QString &text)
{
    QStringList parts;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    return parts;
}

} // namespace vantage::core
