#pragma once

#include "laptop.h"
#include "localtables.h"
#include "recordedmutation.h"

#include "domain/result.h"

#include <QJsonObject>

#include <functional>
#include <map>
#include <random>
#include <vector>

namespace vantage::test {

// Random offline changes a sales team makes, from one seed: records and documents created, fields
// of accounts and opportunities edited (guarded ones included), quotes and contracts edited line by
// line, sent and deleted, rows deleted, and managers moving rows between regions. Edits go through
// the app's RecordEditor; what each one meant is recorded for the reference model. Most edits hit a
// small set of "hot" rows, so laptops offline at the same time collide.
class Workload
{
public:
    struct Regions
    {
        QString east;
        QString west;
    };

    Workload(quint64 seed, Regions regions, std::vector<RecordedMutation> &log);

    // false, with the reason, when a change did not produce exactly one outbox entry.
    bool editOffline(Laptop &laptop, int count, QString *error);
    int changes() const { return static_cast<int>(m_log.size()); }
    const std::map<QString, int> &changesByKind() const { return m_kinds; }

private:
    enum class Step { Done, NotApplicable, Failed };
    struct Change
    {
        QString kind;
        RecordedMutation mutation;
        std::function<core::Status()> edit;
    };

    Step oneChange(Laptop &laptop, QString *error);
    Step createAccount(Laptop &laptop, Change &change);
    Step createOpportunity(Laptop &laptop, Change &change);
    Step editFields(Laptop &laptop, const QString &entity, Change &change);
    Step deleteRow(Laptop &laptop, const QString &entity, Change &change);
    Step createDocument(Laptop &laptop, const QString &entity, Change &change);
    Step editDocument(Laptop &laptop, const QString &entity, Change &change);
    Step sendQuote(Laptop &laptop, Change &change);
    Step moveRow(Laptop &laptop, Change &change);
    Step record(Laptop &laptop, Change &change, QString *error);

    void saveDocumentChange(Laptop &laptop, Change &change, const QString &region, const QJsonObject &fields,
                            const std::vector<RecordedLine> &lines);
    std::vector<RecordedLine> editedLines(const QString &entity, std::vector<RecordedLine> lines);
    QJsonObject newLine(const QString &entity, int number);
    QJsonValue freshValue(Laptop &laptop, const QString &entity, const QString &field, const QJsonValue &current);
    std::optional<TableRow> pickRow(Laptop &laptop, const QString &entity, const QString &where = {}, const QVariantList &values = {});
    QString pickRegion(const Laptop &laptop);
    QString currencyOf(const QString &region) const;
    QString date(int offset) const;

    quint64 next() { return m_random(); }
    int below(int n) { return n <= 0 ? 0 : static_cast<int>(m_random() % static_cast<quint64>(n)); }
    bool chance(double p) { return static_cast<double>(m_random() >> 11) * 0x1.0p-53 < p; }

    std::mt19937_64 m_random;
    Regions m_regions;
    std::vector<RecordedMutation> &m_log;
    std::map<QString, int> m_kinds;
    int m_serial = 0;
};

} // namespace vantage::test
