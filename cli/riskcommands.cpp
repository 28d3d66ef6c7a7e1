#include "riskcommands.h"

#include "clioutput.h"

#include "analytics/funnelalertrules.h"
#include "analytics/riskbacktest.h"
#include "exporting/csvwriter.h"
#include "exporting/risklistsheet.h"
#include "storage/connection.h"
#include "storage/funnelalertrepository.h"
#include "storage/riskrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>

namespace vantage::cli {
namespace {

using namespace vantage::core;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::cli::RiskCommands)
};

bool dateOption(const QCommandLineParser &parser, const QString &name, QDate &date)
{
    if (!parser.isSet(name))
        return true;
    date = QDate::fromString(parser.value(name), Qt::ISODate);
    if (!date.isValid()) {
        CliOutput::err() << Tr::tr("error: --%1 needs a date in the form YYYY-MM-DD").arg(name) << Qt::endl;
        return false;
    }
    return true;
}

// The database's history, read through a read-only connection; nullopt after printing the error.
std::optional<RiskHistory> loadHistory(const QCommandLineParser &parser)
{
    const QString db = CliOutput::requiredDb(parser);
    if (db.isEmpty())
        return std::nullopt;
    if (!QFileInfo::exists(db)) {
        CliOutput::fail(QCoreApplication::translate("vantage::cli::CliCommands", "The database file %1 does not exist.").arg(db));
        return std::nullopt;
    }
    ScopedConnection connection(db, QStringLiteral("cli-risk"), ConnectionMode::ReadOnly);
    if (!connection.ok()) {
        CliOutput::fail(connection.error().message);
        return std::nullopt;
    }
    auto history = RiskRepository(connection.database()).load();
    if (!history) {
        CliOutput::fail(history.error().message);
        return std::nullopt;
    }
    return std::move(history.value());
}

// --region by code ("EAST") or id; "" = every region. False after printing the error.
bool regionOption(const QCommandLineParser &parser, const RiskHistory &history, QString &regionId)
{
    const QString wanted = parser.value(QStringLiteral("region"));
    if (wanted.isEmpty())
        return true;
    for (auto it = history.regionCodes.cbegin(); it != history.regionCodes.cend(); ++it)
        if (it.key() == wanted || it.value().compare(wanted, Qt::CaseInsensitive) == 0)
            regionId = it.key();
    if (regionId.isEmpty()) {
        QStringList codes = history.regionCodes.values();
        codes.sort();
        CliOutput::err() << Tr::tr("error: no region \"%1\"; regions: %2").arg(wanted, codes.join(QStringLiteral(", ")))
                         << Qt::endl;
        return false;
    }
    return true;
}

// The history and the --region asked for; exitCode says why not (1 unreadable, 2 wrong usage).
struct Scope
{
    RiskHistory history;
    QString regionId;
};

std::optional<Scope> scopeOf(const QCommandLineParser &parser, int &exitCode)
{
    exitCode = 1;
    auto history = loadHistory(parser);
    if (!history)
        return std::nullopt;
    Scope scope{std::move(*history), {}};
    exitCode = 2;
    if (!regionOption(parser, scope.history, scope.regionId))
        return std::nullopt;
    exitCode = 0;
    return scope;
}

// Nullopt after printing the error.
std::optional<FunnelAlertSetup> loadFunnelSetup(const QString &db)
{
    ScopedConnection connection(db, QStringLiteral("cli-funnel"), ConnectionMode::ReadOnly);
    if (!connection.ok()) {
        CliOutput::fail(connection.error().message);
        return std::nullopt;
    }
    auto setup = FunnelAlertRepository(connection.database()).setup();
    if (!setup) {
        CliOutput::fail(setup.error().message);
        return std::nullopt;
    }
    return std::move(setup.value());
}

QString funnelAlertLine(const RaisedFunnelAlert &raised, const RiskHistory &history, bool ownRules)
{
    QString line = funnelAlertText(raised.alert, history.regionNames, history.productNames);
    if (ownRules)
        line = Tr::tr("%1 (rule: %2)").arg(line, raised.ruleName);
    if (raised.status == FunnelAlertStatus::Acknowledged)
        return Tr::tr("[acknowledged] %1").arg(line);
    if (raised.status == FunnelAlertStatus::Muted)
        return Tr::tr("[muted] %1").arg(line);
    return line;
}

QString fixed(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("–");
}

} // namespace

void RiskCommands::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("region"), Tr::tr("Risk: only this region (code or id)."), Tr::tr("REGION")});
    parser.addOption({QStringLiteral("top"), Tr::tr("Risk: deals per region (default 10; 0 = the whole open pipeline)."),
                      Tr::tr("N")});
    parser.addOption({QStringLiteral("from"), Tr::tr("Risk backtest: first Monday to replay."), Tr::tr("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("to"), Tr::tr("Risk backtest: last Monday to replay."), Tr::tr("YYYY-MM-DD")});
    parser.addOption({QStringLiteral("all"), Tr::tr("Funnel alerts: also the muted ones.")});
}

int RiskCommands::risk(const QCommandLineParser &parser)
{
    QDate asOf;
    const QString output = parser.value(QStringLiteral("output"));
    if (!parser.isSet(QStringLiteral("as-of")) || !dateOption(parser, QStringLiteral("as-of"), asOf) || output.isEmpty()) {
        CliOutput::err() << Tr::tr("error: risk needs --db FILE --as-of YYYY-MM-DD --output FILE") << Qt::endl;
        return 2;
    }
    bool ok = true;
    const int top = parser.isSet(QStringLiteral("top")) ? parser.value(QStringLiteral("top")).toInt(&ok) : 10;
    if (!ok || top < 0) {
        CliOutput::err() << Tr::tr("error: --top needs a whole number of at least 0") << Qt::endl;
        return 2;
    }
    int exitCode = 0;
    const auto scope = scopeOf(parser, exitCode);
    if (!scope)
        return exitCode;
    const RiskHistory *history = &scope->history;
    const QString &regionId = scope->regionId;
    auto assessment = assessRisk(*history, asOf);
    if (!assessment)
        return CliOutput::fail(assessment.error().message);
    std::vector<RiskListEntry> entries;
    QStringList regions = regionId.isEmpty() ? history->regionCodes.keys() : QStringList{regionId};
    std::sort(regions.begin(), regions.end(),
              [&](const QString &a, const QString &b) { return history->regionCodes.value(a) < history->regionCodes.value(b); });
    for (const QString &region : regions) {
        auto list = riskListEntries(assessment.value(), *history, region, top, {}, {});
        entries.insert(entries.end(), list.begin(), list.end());
    }
    if (Status written = CsvWriter::write(output, riskListSheet(entries, history->regionNames)); !written)
        return CliOutput::fail(written.error().message);
    const RiskAssessment &a = assessment.value();
    CliOutput::err() << Tr::tr("%1 open deals scored, %2 listed; model trained on %3 deal-weeks from %4 Mondays "
                               "(learned weight %5%)")
                            .arg(a.ranked.size()).arg(entries.size()).arg(a.trainingRows).arg(a.trainingWeeks)
                            .arg(qRound(a.learnedWeight * 100))
                     << Qt::endl;
    return 0;
}

int RiskCommands::backtest(const QCommandLineParser &parser)
{
    QDate from(1900, 1, 1);
    QDate to(9999, 12, 31);
    if (!dateOption(parser, QStringLiteral("from"), from) || !dateOption(parser, QStringLiteral("to"), to))
        return 2;
    const auto history = loadHistory(parser);
    if (!history)
        return 1;
    QElapsedTimer timer;
    timer.start();
    RiskRunControl control;
    control.progress = [](int done, int total) { CliOutput::progress(done, total, Tr::tr("Replaying Mondays")); };
    auto report = runRiskBacktest(*history, from, to, control);
    if (!report)
        return CliOutput::fail(report.error().message);
    const RiskBacktestReport &r = report.value();
    QTextStream &out = CliOutput::out();
    out << Tr::tr("Mondays: %1 (%2 … %3), region lists: %4, deal-weeks scored: %5, lost or slipped within four "
                  "weeks: %6% (lost: %7%)")
               .arg(r.weeks.size()).arg(r.weeks.front().monday.toString(Qt::ISODate), r.weeks.back().monday.toString(Qt::ISODate))
               .arg(r.lists).arg(r.scoredRows).arg(fixed(r.baseRate * 100, 1), fixed(r.lostRate * 100, 1))
        << Qt::endl;
    out << Tr::tr("Of them order-weeks: %1, late or cancelled: %2%").arg(r.orderRows).arg(fixed(r.orderBaseRate * 100, 1))
        << Qt::endl << Qt::endl;
    out << Tr::tr("| ranking | precision of the ten | lift | AUC | AUC, losses alone | AUC, orders alone | Brier |")
        << Qt::endl << "|---|---|---|---|---|---|---|" << Qt::endl;
    for (const RiskStrategyResult &s : r.strategies)
        out << "| " << s.name << " | " << fixed(s.precisionAtTen, 3) << " | " << fixed(s.lift, 2) << " | "
            << fixed(s.auc, 3) << " | " << fixed(s.aucLost, 3) << " | " << fixed(s.aucOrders, 3) << " | "
            << fixed(s.brier, 4) << " |" << Qt::endl;
    out << Qt::endl << Tr::tr("seconds: %1").arg(fixed(double(timer.nsecsElapsed()) / 1e9, 1)) << Qt::endl;
    return 0;
}

// The alerts of the stored rules (the built-in one without any), mutes judged on the --as-of day.
int RiskCommands::funnelAlerts(const QCommandLineParser &parser)
{
    QDate asOf;
    if (!parser.isSet(QStringLiteral("as-of")) || !dateOption(parser, QStringLiteral("as-of"), asOf)) {
        CliOutput::err() << Tr::tr("error: funnel-alerts needs --db FILE --as-of YYYY-MM-DD") << Qt::endl;
        return 2;
    }
    int exitCode = 0;
    const auto scope = scopeOf(parser, exitCode);
    if (!scope)
        return exitCode;
    const auto setup = loadFunnelSetup(parser.value(QStringLiteral("db")));
    if (!setup)
        return 1;
    std::vector<RaisedFunnelAlert> alerts = raiseFunnelAlerts(scope->history, asOf, setup->rules);
    applyFunnelAlertStates(alerts, setup->states, asOf);
    const bool all = parser.isSet(QStringLiteral("all"));
    int shown = 0;
    int hidden = 0;
    for (const RaisedFunnelAlert &raised : alerts) {
        if (!scope->regionId.isEmpty() && raised.alert.regionId != scope->regionId)
            continue;
        if (raised.status == FunnelAlertStatus::Muted && !all) {
            ++hidden;
            continue;
        }
        CliOutput::out() << funnelAlertLine(raised, scope->history, !setup->rules.empty()) << Qt::endl;
        ++shown;
    }
    QString summary = Tr::tr("%1 funnel alerts for the weeks before %2").arg(shown).arg(asOf.toString(Qt::ISODate));
    if (hidden > 0)
        summary = Tr::tr("%1; %2 muted (--all shows them)").arg(summary).arg(hidden);
    CliOutput::err() << summary << Qt::endl;
    return 0;
}

} // namespace vantage::cli
