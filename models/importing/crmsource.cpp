#include "crmsource.h"

#include "csvreader.h"
#include "rowchecker.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>

namespace vantage::core {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::CrmSource)
};

const QString kTeams = QStringLiteral("sales_teams.csv");
const QString kAccounts = QStringLiteral("accounts.csv");
const QString kProducts = QStringLiteral("products.csv");
const QString kPipeline = QStringLiteral("sales_pipeline.csv");

// Reads every record of file, handing each to parseRow with a RowChecker; counts rows read.
template<typename Parse>
Status readFile(const QString &directory, const QString &file, const QStringList &columns, ImportReport &report,
                Parse parseRow)
{
    CsvReader reader(QDir(directory).filePath(file));
    if (auto opened = reader.open(); !opened)
        return opened;
    auto indexes = reader.columnIndexes(columns);
    if (!indexes)
        return indexes.error();
    CsvRecord record;
    QString problem;
    qint64 read = 0;
    while (reader.next(record, &problem)) {
        ++read;
        if (!problem.isEmpty()) {
            report.add({ImportIssue::Severity::RowSkipped, file, record.line, QString(), problem});
            continue;
        }
        RowChecker row(report, file, record.line, record.fields, indexes.value());
        row.expectFieldCount(static_cast<int>(reader.header().size()));
        parseRow(row, record.line);
    }
    report.rowsRead[file] = read;
    return {};
}

// The pipeline spells one product differently from products.csv.
QString canonicalProduct(const QString &name)
{
    return name == QLatin1String("GTXPro") ? QStringLiteral("GTX Pro") : name;
}

Status readTeams(const QString &dir, ImportReport &report, CrmData &data)
{
    return readFile(dir, kTeams, {QStringLiteral("sales_agent"), QStringLiteral("manager"), QStringLiteral("regional_office")},
                    report, [&](RowChecker &row, qint64 line) {
        CrmAgent a{line, row.text(QStringLiteral("sales_agent")), row.text(QStringLiteral("manager")),
                   row.text(QStringLiteral("regional_office"))};
        if (row.ok())
            data.agents.push_back(a);
    });
}

Status readAccounts(const QString &dir, ImportReport &report, CrmData &data)
{
    const QStringList columns{QStringLiteral("account"), QStringLiteral("sector"), QStringLiteral("year_established"),
                              QStringLiteral("revenue"), QStringLiteral("employees"), QStringLiteral("office_location"),
                              QStringLiteral("subsidiary_of")};
    return readFile(dir, kAccounts, columns, report, [&](RowChecker &row, qint64 line) {
        CrmAccount a;
        a.line = line;
        a.name = row.text(QStringLiteral("account"));
        a.sector = row.text(QStringLiteral("sector"), false);
        a.yearEstablished = static_cast<int>(row.integer(QStringLiteral("year_established"), 1800, 2100).value_or(0));
        a.revenueMillions = row.decimal(QStringLiteral("revenue"), false);
        a.employees = row.integer(QStringLiteral("employees"), 0, 10000000, false);
        a.location = row.text(QStringLiteral("office_location"), false);
        a.subsidiaryOf = row.text(QStringLiteral("subsidiary_of"), false);
        if (row.ok())
            data.accounts.push_back(a);
    });
}

Status readProducts(const QString &dir, ImportReport &report, CrmData &data)
{
    return readFile(dir, kProducts, {QStringLiteral("product"), QStringLiteral("series"), QStringLiteral("sales_price")},
                    report, [&](RowChecker &row, qint64 line) {
        CrmProduct p{line, row.text(QStringLiteral("product")), row.text(QStringLiteral("series")), 0};
        const auto price = row.decimal(QStringLiteral("sales_price"));
        if (price) {
            auto minor = price->scaledTo(2);
            if (!minor || minor.value() < 0)
                row.fail(QStringLiteral("sales_price"), Tr::tr("the price must be a non-negative amount"));
            else
                p.priceMinor = minor.value();
        }
        if (row.ok())
            data.products.push_back(p);
    });
}

void checkOpportunityRules(RowChecker &row, CrmOpportunity &o, const QSet<QString> &agents,
                           const QSet<QString> &products, const QSet<QString> &accounts)
{
    static const QSet<QString> stages{QStringLiteral("Prospecting"), QStringLiteral("Engaging"),
                                      QStringLiteral("Won"), QStringLiteral("Lost")};
    const bool closed = o.stage == QLatin1String("Won") || o.stage == QLatin1String("Lost");
    if (!stages.contains(o.stage))
        row.fail(QStringLiteral("deal_stage"), Tr::tr("unknown stage \"%1\"").arg(o.stage));
    else if (!agents.contains(o.agent))
        row.fail(QStringLiteral("sales_agent"), Tr::tr("\"%1\" is not in sales_teams.csv").arg(o.agent));
    else if (!products.contains(o.product))
        row.fail(QStringLiteral("product"), Tr::tr("\"%1\" is not in products.csv").arg(o.product));
    else if (!o.account.isEmpty() && !accounts.contains(o.account))
        row.fail(QStringLiteral("account"), Tr::tr("\"%1\" is not in accounts.csv").arg(o.account));
    else if (o.account.isEmpty() && closed)
        row.fail(QStringLiteral("account"), Tr::tr("a won or lost opportunity needs an account"));
    else if (!o.engageDate.isValid() && o.stage != QLatin1String("Prospecting"))
        row.fail(QStringLiteral("engage_date"), Tr::tr("an opportunity past prospecting needs an engage date"));
    else if (closed && !o.closeDate.isValid())
        row.fail(QStringLiteral("close_date"), Tr::tr("a won or lost opportunity needs a close date"));
    else if (closed && o.closeDate < o.engageDate)
        row.fail(QStringLiteral("close_date"), Tr::tr("the close date is before the engage date"));
}

Status readPipeline(const QString &dir, ImportReport &report, CrmData &data)
{
    QSet<QString> agents, products, accounts, seen;
    for (const auto &a : data.agents) agents.insert(a.name);
    for (const auto &p : data.products) products.insert(p.name);
    for (const auto &a : data.accounts) accounts.insert(a.name);
    const QStringList columns{QStringLiteral("opportunity_id"), QStringLiteral("sales_agent"), QStringLiteral("product"),
                              QStringLiteral("account"), QStringLiteral("deal_stage"), QStringLiteral("engage_date"),
                              QStringLiteral("close_date"), QStringLiteral("close_value")};
    return readFile(dir, kPipeline, columns, report, [&](RowChecker &row, qint64 line) {
        CrmOpportunity o;
        o.line = line;
        o.id = row.text(QStringLiteral("opportunity_id"));
        o.agent = row.text(QStringLiteral("sales_agent"));
        o.product = canonicalProduct(row.text(QStringLiteral("product")));
        o.account = row.text(QStringLiteral("account"), false);
        o.stage = row.text(QStringLiteral("deal_stage"));
        o.engageDate = row.date(QStringLiteral("engage_date"), false);
        o.closeDate = row.date(QStringLiteral("close_date"), false);
        if (const auto value = row.decimal(QStringLiteral("close_value"), false)) {
            auto minor = value->scaledTo(2);
            if (!minor || minor.value() < 0)
                row.fail(QStringLiteral("close_value"), Tr::tr("the close value must be a non-negative amount"));
            else
                o.closeValueMinor = minor.value();
        }
        if (row.ok() && seen.contains(o.id))
            row.fail(QStringLiteral("opportunity_id"), Tr::tr("the id %1 appears twice").arg(o.id));
        if (row.ok())
            checkOpportunityRules(row, o, agents, products, accounts);
        if (row.ok()) {
            seen.insert(o.id);
            data.opportunities.push_back(o);
        }
    });
}

} // namespace

QStringList CrmSource::fileNames()
{
    return {kTeams, kAccounts, kProducts, kPipeline};
}

Result<CrmData> CrmSource::read(const QString &directory, ImportReport &report)
{
    CrmData data;
    if (auto s = readTeams(directory, report, data); !s)
        return s.error();
    if (auto s = readAccounts(directory, report, data); !s)
        return s.error();
    if (auto s = readProducts(directory, report, data); !s)
        return s.error();
    if (auto s = readPipeline(directory, report, data); !s)
        return s.error();
    return data;
}

} // namespace vantage::core
