// Client and a real vantage-server process (SQLite, or PostgreSQL when VANTAGE_TEST_BACKEND=postgres):
// sign-in, the first download, edits in both directions, merges, guarded fields, delete beats edit,
// document conflicts and their resolution, region changes and revocation.
#include "syncfixture.h"

#include "protocol/entitycatalog.h"
#include "sync/conflictlines.h"
#include "sync/outbox.h"
#include "sync/recordeditor.h"
#include "sync/refusedchange.h"
#include "sync/syncstate.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace vantage;
using test::TestClient;
using sync::HttpReply;

namespace {

core::ChildRow quoteLine(const QString &id, int no, int quantity, const QString &description = QStringLiteral("服务器机柜"))
{
    return {QStringLiteral("quote_line"), id, {{QStringLiteral("line_no"), no}, {QStringLiteral("description"), description},
                                               {QStringLiteral("quantity"), quantity}, {QStringLiteral("unit_price_minor"), 880000},
                                               {QStringLiteral("amount_minor"), 880000 * quantity}}, false};
}

// A draft quote of the laptop's user for a new account.
QJsonObject quoteHeader(TestClient &laptop, const QString &currency = QStringLiteral("CNY"))
{
    return {{QStringLiteral("account_id"), core::Uuid7Generator::generate()},
            {QStringLiteral("owner_id"), sync::SyncState(laptop.db()).value(sync::SyncState::kUserId).value()},
            {QStringLiteral("status"), QStringLiteral("draft")}, {QStringLiteral("currency"), currency},
            {QStringLiteral("created_at"), qint64(1795000000000)}};
}

// The one open conflict on a document, as the laptop's user sees it listed.
QJsonObject conflictOn(TestClient &laptop, const QString &document)
{
    auto listed = laptop.engine().conflicts();
    if (!listed)
        qFatal("no conflict list: %s", qPrintable(listed.error().message));
    QJsonObject found;
    for (const QJsonValue &conflict : listed.value())
        if (conflict[QStringLiteral("rowId")].toString() == document) {
            if (!found.isEmpty())
                qFatal("two open conflicts on %s", qPrintable(document));
            found = conflict.toObject();
        }
    return found;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wrongPasswordIsRefused();
    void firstSyncBringsOnlyOwnRegions();
    void editsTravelBothWays();
    void concurrentFieldEditsMerge();
    void concurrentGuardedEditIsRejected();
    void writesOutsideTheRegionAreRejected();
    void deleteBeatsEdit();
    void documentConflictIsResolvedByAPerson();
    void documentLinesAreMergedLineByLine();
    void staleResolutionIsRefused();
    void linesOfAnotherDocumentAreRefused();
    void regionRemovalEvictsRows();
    void interruptedFirstDownloadGoesOn();
    void revokedDeviceIsWiped();

private:
    std::unique_ptr<TestClient> client(const QString &login);
    QString newOpportunity(TestClient &owner, const QString &region, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<test::ServerProcess> m_server;
    test::Company m_company;
    int m_clients = 0;
};

std::unique_ptr<TestClient> TestSyncEngine::client(const QString &login)
{
    auto made = std::make_unique<TestClient>(m_dir.filePath(QStringLiteral("client-%1.sqlite").arg(++m_clients)), m_server->url());
    auto session = made->engine().login(login, QString::fromLatin1(test::kTestPassword), login + QStringLiteral("-laptop"));
    if (!session)
        qFatal("login %s failed: %s", qPrintable(login), qPrintable(session.error().message));
    auto synced = made->sync();
    if (!synced)
        qFatal("first sync of %s failed: %s", qPrintable(login), qPrintable(synced.error().message));
    return made;
}

QString TestSyncEngine::newOpportunity(TestClient &owner, const QString &region, const QString &name)
{
    const QString ownerId = sync::SyncState(owner.db()).value(sync::SyncState::kUserId).value();
    auto id = sync::RecordEditor(owner.db()).create(QStringLiteral("opportunity"), region,
        {{QStringLiteral("name"), name}, {QStringLiteral("owner_id"), ownerId}, {QStringLiteral("stage_code"), QStringLiteral("prospecting")},
         {QStringLiteral("amount_minor"), 1250000}, {QStringLiteral("currency"), QStringLiteral("CNY")},
         {QStringLiteral("expected_close_on"), QStringLiteral("2026-12-20")}, {QStringLiteral("created_at"), qint64(1795000000000)}});
    if (!id)
        qFatal("create failed: %s", qPrintable(id.error().message));
    return id.value();
}

void TestSyncEngine::initTestCase()
{
    VANTAGE_SKIP_WITHOUT_POSTGRES();
    m_server = std::make_unique<test::ServerProcess>(test::newServerDatabase(m_dir));
    QVERIFY(test::setUpCompany(*m_server, m_dir.filePath(QStringLiteral("admin.sqlite")), m_company));
}

void TestSyncEngine::wrongPasswordIsRefused()
{
    TestClient laptop(m_dir.filePath(QStringLiteral("wrong.sqlite")), m_server->url());
    auto session = laptop.engine().login(QStringLiteral("rep.east"), QStringLiteral("not the password"), QString());
    QVERIFY(!session.ok());
    QCOMPARE(session.error().code, core::ErrorCode::Unauthorized);
    QVERIFY(session.error().message.contains(QStringLiteral("password")));
    auto unknown = laptop.engine().login(QStringLiteral("nobody"), QStringLiteral("whatever"), QString());
    QCOMPARE(unknown.error().message, session.error().message); // no hint which logins exist
}

void TestSyncEngine::firstSyncBringsOnlyOwnRegions()
{
    auto admin = client(QStringLiteral("admin"));
    const sync::RecordEditor editor(admin->db());
    for (const auto &[region, name] : {std::pair{m_company.east, "华东贸易有限公司"}, std::pair{m_company.west, "Lion City Trading"}})
        QVERIFY(editor.create(QStringLiteral("account"), region, {{QStringLiteral("kind"), QStringLiteral("dealer")},
                                                                  {QStringLiteral("name"), QString::fromUtf8(name)},
                                                                  {QStringLiteral("created_at"), qint64(1795000000000)}}).ok());
    QVERIFY(admin->sync().ok());
    auto east = client(QStringLiteral("rep.east"));
    QCOMPARE(east->count(QStringLiteral("SELECT count(*) FROM account")), 1);
    QCOMPARE(core::Sql(east->db()).scalar(QStringLiteral("SELECT name FROM account")).value().toString(), QStringLiteral("华东贸易有限公司"));
    QCOMPARE(east->count(QStringLiteral("SELECT count(*) FROM region")), 2);          // reference data is global
    QCOMPARE(east->count(QStringLiteral("SELECT count(*) FROM pipeline_stage")), 3);
    auto director = client(QStringLiteral("director"));
    QCOMPARE(director->count(QStringLiteral("SELECT count(*) FROM account")), 2);  // all regions
}

void TestSyncEngine::editsTravelBothWays()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QString id = newOpportunity(*rep, m_company.east, QStringLiteral("Round trip"));
    auto pushed = rep->sync();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().pushed, 1);
    QCOMPARE(sync::Outbox(rep->db()).count(QStringLiteral("pending")).value(), 0);
    QVERIFY(manager->sync().ok());
    QCOMPARE(core::Sql(manager->db()).scalar(QStringLiteral("SELECT amount_minor FROM opportunity WHERE id = ?"), {id}).value().toLongLong(),
             1250000);
    QVERIFY(sync::RecordEditor(manager->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("name"), QStringLiteral("Renamed by the manager")}}).ok());
    QVERIFY(manager->sync().ok());
    QVERIFY(rep->sync().ok());
    QCOMPARE(core::Sql(rep->db()).scalar(QStringLiteral("SELECT name FROM opportunity WHERE id = ?"), {id}).value().toString(),
             QStringLiteral("Renamed by the manager"));
    QCOMPARE(rep->count(QStringLiteral("SELECT version FROM opportunity WHERE id = ?"), {id}), 2);
}

void TestSyncEngine::concurrentFieldEditsMerge()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QString id = newOpportunity(*rep, m_company.east, QStringLiteral("Merge me"));
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    // Offline on both laptops: different fields, and the same (not guarded) field.
    QVERIFY(sync::RecordEditor(rep->db()).update(QStringLiteral("opportunity"), id,
        {{QStringLiteral("expected_close_on"), QStringLiteral("2027-01-15")}, {QStringLiteral("name"), QStringLiteral("Rep's name")}}).ok());
    QVERIFY(sync::RecordEditor(manager->db()).update(QStringLiteral("opportunity"), id,
        {{QStringLiteral("closed_on"), QStringLiteral("2027-02-01")}, {QStringLiteral("name"), QStringLiteral("Manager's name")}}).ok());
    QVERIFY(rep->sync().ok());
    auto second = manager->sync();
    QVERIFY(second.ok());
    QCOMPARE(second.value().rejected, 0);
    QVERIFY(rep->sync().ok());
    for (TestClient *laptop : {rep.get(), manager.get()}) {
        auto row = core::Sql(laptop->db()).query(QStringLiteral("SELECT name, expected_close_on, closed_on FROM opportunity WHERE id = ?"), {id});
        QVERIFY(row.ok() && row.value().next());
        QCOMPARE(row.value().value(0).toString(), QStringLiteral("Manager's name")); // last to reach the server
        QCOMPARE(row.value().value(1).toString(), QStringLiteral("2027-01-15"));
        QCOMPARE(row.value().value(2).toString(), QStringLiteral("2027-02-01"));
    }
}

void TestSyncEngine::concurrentGuardedEditIsRejected()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QString id = newOpportunity(*rep, m_company.east, QStringLiteral("Guarded"));
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    QVERIFY(sync::RecordEditor(rep->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 990000}}).ok());
    QVERIFY(sync::RecordEditor(manager->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 1500000}}).ok());
    QVERIFY(rep->sync().ok());
    auto second = manager->sync();
    QVERIFY(second.ok());
    QCOMPARE(second.value().rejected, 1);
    auto refused = sync::Outbox(manager->db()).entries(QStringLiteral("rejected"));
    QVERIFY(refused.ok());
    QCOMPARE(refused.value().size(), size_t(1));
    QCOMPARE(refused.value().front().resultCode, QStringLiteral("guarded_field"));
    QCOMPARE(refused.value().front().resultField, QStringLiteral("amount_minor")); // named by the server, not read from its English
    QVERIFY(sync::refusalText(refused.value().front()).startsWith(QStringLiteral("Someone else changed amount on the server")));
    // The manager's value is kept in the refused entry for them to fix; the row shows the server's.
    QCOMPARE(refused.value().front().mutation.set.value(QStringLiteral("amount_minor")).toInteger(), 1500000);
    QCOMPARE(manager->count(QStringLiteral("SELECT amount_minor FROM opportunity WHERE id = ?"), {id}), 990000);

    // Keeping the server's value settles it: nothing is sent, the entry leaves.
    const qint64 mid = refused.value().front().mutation.mid;
    QVERIFY(sync::RecordEditor(manager->db()).replaceRefused(mid, {{QStringLiteral("amount_minor"), 990000}}).ok());
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
    // A second refusal, corrected: sent on top of the server's value, so the server takes it.
    QVERIFY(sync::RecordEditor(rep->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 880000}}).ok());
    QVERIFY(sync::RecordEditor(manager->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 1600000}}).ok());
    QVERIFY(rep->sync().ok());
    QCOMPARE(manager->sync().value().rejected, 1);
    const qint64 again = sync::Outbox(manager->db()).entries(QStringLiteral("rejected")).value().front().mutation.mid;
    QVERIFY(!sync::RecordEditor(manager->db()).replaceRefused(again, {{QStringLiteral("amount_minor"), QStringLiteral("lots")}}));
    QVERIFY(sync::RecordEditor(manager->db()).replaceRefused(again, {{QStringLiteral("amount_minor"), 1250000}}).ok());
    auto corrected = manager->sync();
    QVERIFY(corrected.ok());
    QCOMPARE(corrected.value().rejected, 0);
    QVERIFY(rep->sync().ok());
    QCOMPARE(rep->count(QStringLiteral("SELECT amount_minor FROM opportunity WHERE id = ?"), {id}), 1250000);
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

void TestSyncEngine::writesOutsideTheRegionAreRejected()
{
    auto rep = client(QStringLiteral("rep.east"));
    const QString id = newOpportunity(*rep, m_company.west, QStringLiteral("Not mine"));
    auto result = rep->sync();
    QVERIFY(result.ok());
    QCOMPARE(result.value().rejected, 1);
    QCOMPARE(sync::Outbox(rep->db()).entries(QStringLiteral("rejected")).value().front().resultCode, QStringLiteral("out_of_scope"));
    auto director = client(QStringLiteral("director"));
    QCOMPARE(director->count(QStringLiteral("SELECT count(*) FROM opportunity WHERE id = ?"), {id}), 0);
    // Moved to the rep's own region, the new record is sent whole and created.
    const qint64 mid = sync::Outbox(rep->db()).entries(QStringLiteral("rejected")).value().front().mutation.mid;
    auto change = sync::readRefusedChange(rep->db(), mid);
    QVERIFY(change);
    QVERIFY(change.value().correctable());
    QCOMPARE(change.value().fields().front(), QStringLiteral("region_id"));
    QJsonObject fields;
    for (const QString &field : change.value().fields())
        fields.insert(field, change.value().refusedValue(field));
    fields.insert(QStringLiteral("region_id"), m_company.east);
    QVERIFY(sync::RecordEditor(rep->db()).replaceRefused(mid, fields).ok());
    auto resent = rep->sync();
    QVERIFY(resent.ok());
    QCOMPARE(resent.value().rejected, 0);
    QVERIFY(director->sync().ok());
    QCOMPARE(director->count(QStringLiteral("SELECT count(*) FROM opportunity WHERE id = ? AND region_id = ? AND name = 'Not mine'"),
                             {id, m_company.east}), 1);
}

void TestSyncEngine::deleteBeatsEdit()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QString id = newOpportunity(*rep, m_company.east, QStringLiteral("Doomed"));
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    QVERIFY(sync::RecordEditor(rep->db()).remove(QStringLiteral("opportunity"), id).ok());
    QVERIFY(sync::RecordEditor(manager->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("name"), QStringLiteral("Too late")}}).ok());
    QVERIFY(rep->sync().ok());
    auto second = manager->sync();
    QVERIFY(second.ok());
    QCOMPARE(second.value().rejected, 1);
    QCOMPARE(sync::Outbox(manager->db()).entries(QStringLiteral("rejected")).value().back().resultCode, QStringLiteral("deleted"));
    QCOMPARE(manager->count(QStringLiteral("SELECT deleted FROM opportunity WHERE id = ?"), {id}), 1);
}

void TestSyncEngine::documentConflictIsResolvedByAPerson()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QString repId = sync::SyncState(rep->db()).value(sync::SyncState::kUserId).value();
    const auto line = [](const QString &id, int no, int quantity) { return quoteLine(id, no, quantity); };
    const QString line1 = core::Uuid7Generator::generate(), line2 = core::Uuid7Generator::generate();
    const QJsonObject header{{QStringLiteral("account_id"), core::Uuid7Generator::generate()}, {QStringLiteral("owner_id"), repId},
                             {QStringLiteral("status"), QStringLiteral("draft")}, {QStringLiteral("currency"), QStringLiteral("CNY")},
                             {QStringLiteral("created_at"), qint64(1795000000000)}};
    auto quote = sync::RecordEditor(rep->db()).saveDocument(QStringLiteral("quote"), QString(), m_company.east, header,
                                                            {line(line1, 1, 2), line(line2, 2, 1)});
    QVERIFY(quote.ok());
    QVERIFY(rep->sync().ok());
    const QString number = core::Sql(rep->db()).scalar(QStringLiteral("SELECT quote_no FROM quote WHERE id = ?"), {quote.value()}).value().toString();
    QVERIFY2(number.startsWith(QStringLiteral("Q-")), qPrintable(number)); // the server numbers documents
    QVERIFY(manager->sync().ok());
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM quote_line WHERE quote_id = ? AND deleted = 0"), {quote.value()}), 2);

    // Both change the quote offline: the rep drops a line, the manager edits the notes.
    QVERIFY(sync::RecordEditor(rep->db()).saveDocument(QStringLiteral("quote"), quote.value(), m_company.east, header, {line(line1, 1, 3)}).ok());
    QVERIFY(sync::RecordEditor(manager->db()).saveDocument(QStringLiteral("quote"), quote.value(), m_company.east,
        {{QStringLiteral("notes"), QStringLiteral("交货期 30 天")}}, {line(line1, 1, 2), line(line2, 2, 1)}).ok());
    QVERIFY(rep->sync().ok());
    auto second = manager->sync();
    QVERIFY(second.ok());
    QCOMPARE(second.value().conflicts, 1);
    QCOMPARE(sync::Outbox(manager->db()).count(QStringLiteral("conflict")).value(), 1);

    // A person resolves it on the server (the conflicts page does this): keep the manager's copy.
    sync::SyncTransport transport(m_server->url());
    transport.setAccessToken(manager->engine().session().accessToken);
    const QJsonArray conflicts = QJsonDocument::fromJson(transport.get(QStringLiteral("/v1/conflicts")).body).object()
                                     .value(QStringLiteral("conflicts")).toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0][QStringLiteral("rowId")].toString(), quote.value());
    QJsonObject merged = header;
    merged.insert(QStringLiteral("notes"), QStringLiteral("交货期 30 天"));
    QJsonObject kept = line(line1, 1, 3).fields;
    kept.insert(QStringLiteral("quote_id"), quote.value()); // lines are checked as completely as when pushed
    const QJsonObject resolution{{QStringLiteral("choice"), QStringLiteral("merged")}, {QStringLiteral("row"), merged},
                                 {QStringLiteral("children"), QJsonArray{QJsonObject{{QStringLiteral("entity"), QStringLiteral("quote_line")},
                                                                                      {QStringLiteral("id"), line1},
                                                                                      {QStringLiteral("fields"), kept}}}}};
    const HttpReply resolved = transport.post(QStringLiteral("/v1/conflicts/%1/resolve").arg(conflicts[0][QStringLiteral("id")].toString()),
                                              QJsonDocument(resolution).toJson());
    QCOMPARE(resolved.status, 200);
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    for (TestClient *laptop : {rep.get(), manager.get()}) {
        QCOMPARE(core::Sql(laptop->db()).scalar(QStringLiteral("SELECT notes FROM quote WHERE id = ?"), {quote.value()}).value().toString(),
                 QStringLiteral("交货期 30 天"));
        QCOMPARE(laptop->count(QStringLiteral("SELECT count(*) FROM quote_line WHERE quote_id = ? AND deleted = 0"), {quote.value()}), 1);
        QCOMPARE(laptop->count(QStringLiteral("SELECT quantity FROM quote_line WHERE id = ?"), {line1}), 3);
    }
}

// The server changed line A and deleted line B while this laptop changed line C and added line D.
// The conflict lists both sides' lines; resolved line by line (A from the server, B dropped, C and D
// from the laptop), the other laptop gets exactly that set, numbered 1…3.
void TestSyncEngine::documentLinesAreMergedLineByLine()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QJsonObject header = quoteHeader(*rep);
    const QString a = core::Uuid7Generator::generate(), b = core::Uuid7Generator::generate(), c = core::Uuid7Generator::generate(),
                  d = core::Uuid7Generator::generate();
    const auto save = [&](TestClient &laptop, const QString &id, const std::vector<core::ChildRow> &lines) {
        return sync::RecordEditor(laptop.db()).saveDocument(QStringLiteral("quote"), id, m_company.east, header, lines);
    };
    auto quote = save(*rep, QString(), {quoteLine(a, 1, 1, QStringLiteral("A")), quoteLine(b, 2, 1, QStringLiteral("B")),
                                        quoteLine(c, 3, 1, QStringLiteral("C"))});
    QVERIFY(quote.ok());
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    QVERIFY(save(*rep, quote.value(), {quoteLine(a, 1, 5, QStringLiteral("A")), quoteLine(c, 2, 1, QStringLiteral("C"))}).ok());
    QVERIFY(rep->sync().ok());
    QVERIFY(save(*manager, quote.value(), {quoteLine(a, 1, 1, QStringLiteral("A")), quoteLine(b, 2, 1, QStringLiteral("B")),
                                           quoteLine(c, 3, 7, QStringLiteral("C")), quoteLine(d, 4, 2, QStringLiteral("D"))}).ok());
    QCOMPARE(manager->sync().value().conflicts, 1);

    const QJsonObject conflict = conflictOn(*manager, quote.value());
    const QJsonArray serverLines = conflict[QStringLiteral("server")][QStringLiteral("children")].toArray();
    QCOMPARE(serverLines.size(), 2); // the server's lines as they are now, beside the laptop's four
    QCOMPARE(conflict[QStringLiteral("client")][QStringLiteral("children")].toArray().size(), 4);
    const sync::ConflictLines lines(conflict);
    QStringList order, states;
    for (const sync::ConflictLine &line : lines.lines()) {
        order << line.mine.value_or(line.server.value_or(QJsonObject())).value(QStringLiteral("description")).toString();
        states << QString::fromLatin1(line.server ? "S" : "-") + QString::fromLatin1(line.mine ? "M" : "-")
                      + QString::fromLatin1(line.differs() ? "*" : "=");
    }
    QCOMPARE(order, (QStringList{QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")}));
    QCOMPARE(states, (QStringList{QStringLiteral("SM*"), QStringLiteral("-M*"), QStringLiteral("SM*"), QStringLiteral("-M*")}));
    // A: the server's; B: dropped (the server's delete stands); C: mine; D: kept.
    const std::vector<core::ChildRow> merged = lines.merged({false, false, true, true});
    QJsonObject row = conflict[QStringLiteral("server")][QStringLiteral("row")].toObject();
    row.insert(QStringLiteral("notes"), QStringLiteral("merged line by line"));
    QVERIFY(manager->engine().resolveConflict(conflict[QStringLiteral("id")].toString(), conflict[QStringLiteral("mid")].toInteger(),
                                              {{QStringLiteral("choice"), QStringLiteral("merged")}, {QStringLiteral("row"), row},
                                               {QStringLiteral("children"), core::childrenJson(merged)}}).ok());
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    for (TestClient *laptop : {rep.get(), manager.get()}) {
        auto q = core::Sql(laptop->db()).query(QStringLiteral("SELECT id, line_no, quantity FROM quote_line WHERE quote_id = ? AND deleted = 0 "
                                                              "ORDER BY line_no"), {quote.value()});
        QVERIFY(q.ok());
        const QHash<QString, QString> names{{a, QStringLiteral("A")}, {c, QStringLiteral("C")}, {d, QStringLiteral("D")}};
        QStringList got;
        while (q.value().next())
            got << QStringLiteral("%1:%2×%3").arg(q.value().value(1).toInt()).arg(names.value(q.value().value(0).toString(), QStringLiteral("?")))
                       .arg(q.value().value(2).toInt());
        QCOMPARE(got, (QStringList{QStringLiteral("1:A×5"), QStringLiteral("2:C×7"), QStringLiteral("3:D×2")}));
        QCOMPARE(laptop->count(QStringLiteral("SELECT deleted FROM quote_line WHERE id = ?"), {b}), 1);
        QCOMPARE(core::Sql(laptop->db()).scalar(QStringLiteral("SELECT notes FROM quote WHERE id = ?"), {quote.value()}).value().toString(),
                 QStringLiteral("merged line by line"));
    }
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM outbox")), 0);

    // A merge that names no lines keeps the server's (it used to delete them all).
    QVERIFY(save(*rep, quote.value(), {quoteLine(a, 1, 6, QStringLiteral("A"))}).ok());
    QVERIFY(save(*manager, quote.value(), {quoteLine(a, 1, 9, QStringLiteral("A"))}).ok());
    QVERIFY(rep->sync().ok());
    QCOMPARE(manager->sync().value().conflicts, 1);
    const QJsonObject second = conflictOn(*manager, quote.value());
    QVERIFY(manager->engine().resolveConflict(second[QStringLiteral("id")].toString(), second[QStringLiteral("mid")].toInteger(),
                                              {{QStringLiteral("choice"), QStringLiteral("merged")},
                                               {QStringLiteral("row"), second[QStringLiteral("server")][QStringLiteral("row")]}}).ok());
    QVERIFY(manager->sync().ok());
    QCOMPARE(manager->count(QStringLiteral("SELECT count(*) FROM quote_line WHERE quote_id = ? AND deleted = 0"), {quote.value()}), 1);
    QCOMPARE(manager->count(QStringLiteral("SELECT quantity FROM quote_line WHERE id = ?"), {a}), 6);
}

// A conflict listed, then the document saved on the server again: a choice made from the listed
// copy is refused (409 stale) and changes nothing; listed again, the new copy can be chosen from.
void TestSyncEngine::staleResolutionIsRefused()
{
    auto rep = client(QStringLiteral("rep.east"));
    auto manager = client(QStringLiteral("mgr.east"));
    const QJsonObject header = quoteHeader(*rep);
    const QString a = core::Uuid7Generator::generate();
    const auto save = [&](TestClient &laptop, const QString &id, int quantity) {
        return sync::RecordEditor(laptop.db()).saveDocument(QStringLiteral("quote"), id, m_company.east, header,
                                                            {quoteLine(a, 1, quantity, QStringLiteral("A"))});
    };
    auto quote = save(*rep, QString(), 1);
    QVERIFY(quote.ok());
    QVERIFY(rep->sync().ok());
    QVERIFY(manager->sync().ok());
    QVERIFY(save(*rep, quote.value(), 2).ok());
    QVERIFY(rep->sync().ok());
    QVERIFY(save(*manager, quote.value(), 3).ok());
    QCOMPARE(manager->sync().value().conflicts, 1);
    const QJsonObject listed = conflictOn(*manager, quote.value());
    const auto resolution = [](const QJsonObject &conflict) {
        return QJsonObject{{QStringLiteral("choice"), QStringLiteral("client")},
                           {QStringLiteral("row"), conflict[QStringLiteral("server")][QStringLiteral("row")]},
                           {QStringLiteral("children"), conflict[QStringLiteral("client")][QStringLiteral("children")]},
                           {QStringLiteral("serverVersion"), conflict[QStringLiteral("server")][QStringLiteral("version")]}};
    };
    QVERIFY(save(*rep, quote.value(), 4).ok());  // saved again while the manager chooses
    QVERIFY(rep->sync().ok());
    auto refused = manager->engine().resolveConflict(listed[QStringLiteral("id")].toString(), listed[QStringLiteral("mid")].toInteger(),
                                                     resolution(listed));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().detail, QStringLiteral("stale"));
    QVERIFY(manager->sync().ok());
    QCOMPARE(manager->count(QStringLiteral("SELECT quantity FROM quote_line WHERE id = ?"), {a}), 4);  // nothing overwritten

    const QJsonObject again = conflictOn(*manager, quote.value());
    QCOMPARE(again[QStringLiteral("server")][QStringLiteral("children")].toArray().at(0)[QStringLiteral("fields")]
                 [QStringLiteral("quantity")].toInt(), 4);
    QVERIFY(manager->engine().resolveConflict(again[QStringLiteral("id")].toString(), again[QStringLiteral("mid")].toInteger(),
                                              resolution(again)).ok());
    QVERIFY(rep->sync().ok());
    QCOMPARE(rep->count(QStringLiteral("SELECT quantity FROM quote_line WHERE id = ?"), {a}), 3);
}

// A quote pushed with the id of another document's line (here another region's) is refused; the
// line stays where it was, as it was.
void TestSyncEngine::linesOfAnotherDocumentAreRefused()
{
    auto east = client(QStringLiteral("rep.east"));
    auto west = client(QStringLiteral("rep.west"));
    const QString line = core::Uuid7Generator::generate();
    auto eastQuote = sync::RecordEditor(east->db()).saveDocument(QStringLiteral("quote"), QString(), m_company.east,
                                                                 quoteHeader(*east), {quoteLine(line, 1, 2)});
    QVERIFY(eastQuote.ok());
    QVERIFY(east->sync().ok());
    auto westQuote = sync::RecordEditor(west->db()).saveDocument(QStringLiteral("quote"), QString(), m_company.west,
                                                                 quoteHeader(*west, QStringLiteral("SGD")), {quoteLine(line, 1, 99)});
    QVERIFY(westQuote.ok());
    auto pushed = west->sync();
    QVERIFY(pushed.ok());
    QCOMPARE(pushed.value().rejected, 1);
    QCOMPARE(sync::Outbox(west->db()).entries(QStringLiteral("rejected")).value().back().resultCode, QStringLiteral("invalid"));
    QVERIFY(east->sync().ok());
    QCOMPARE(east->count(QStringLiteral("SELECT count(*) FROM quote_line WHERE id = ? AND quote_id = ? AND quantity = 2 AND deleted = 0"),
                         {line, eastQuote.value()}), 1);
}

void TestSyncEngine::regionRemovalEvictsRows()
{
    auto rep = client(QStringLiteral("rep.east"));
    QVERIFY(rep->count(QStringLiteral("SELECT count(*) FROM account WHERE region_id = ?"), {m_company.east}) > 0);
    const QString pending = newOpportunity(*rep, m_company.east, QStringLiteral("Written offline before the move"));
    QCOMPARE(m_server->admin({QStringLiteral("region"), QStringLiteral("unassign"), QStringLiteral("rep.east"), QStringLiteral("east")}), 0);
    auto result = rep->sync();
    QVERIFY2(result.ok(), qPrintable(result ? QString() : result.error().message));
    QCOMPARE(result.value().reset, QStringLiteral("scope"));
    QCOMPARE(rep->count(QStringLiteral("SELECT count(*) FROM account WHERE region_id = ?"), {m_company.east}), 0);
    QCOMPARE(rep->count(QStringLiteral("SELECT count(*) FROM opportunity WHERE region_id = ? AND id <> ?"), {m_company.east, pending}), 0);
    // The offline change was not silently dropped: the server refused it, and it says why.
    QCOMPARE(sync::Outbox(rep->db()).entries(QStringLiteral("rejected")).value().back().resultCode, QStringLiteral("out_of_scope"));
    QCOMPARE(m_server->admin({QStringLiteral("region"), QStringLiteral("assign"), QStringLiteral("rep.east"), QStringLiteral("east")}), 0);
    QVERIFY(rep->sync().ok());
    QVERIFY(rep->count(QStringLiteral("SELECT count(*) FROM account WHERE region_id = ?"), {m_company.east}) > 0);
}

namespace {

// Cancels a sync once `pages` snapshot pages are applied (each page reports progress once).
class CancelAfterPages : public core::JobContext
{
public:
    CancelAfterPages(QSqlDatabase db, int pages) : m_db(std::move(db)), m_left(pages) {}
    core::Result<QSqlDatabase> connection() override { return m_db; }
    bool isCanceled() const override { return m_left <= 0; }
    void setProgress(int, int, const QString &) override { --m_left; }

private:
    QSqlDatabase m_db;
    int m_left;
};

} // namespace

void TestSyncEngine::interruptedFirstDownloadGoesOn()
{
    auto whole = client(QStringLiteral("director"));
    TestClient laptop(m_dir.filePath(QStringLiteral("interrupted.sqlite")), m_server->url());
    QVERIFY(laptop.engine().login(QStringLiteral("director"), QString::fromLatin1(test::kTestPassword), QString()).ok());
    // The first page is the regions' (the catalogue's first entity): cancelled right after it.
    CancelAfterPages cancel(laptop.db(), 1);
    auto cut = laptop.engine().sync(cancel);
    QVERIFY(!cut.ok());
    QCOMPARE(cut.error().code, core::ErrorCode::Cancelled);
    const qint64 regions = laptop.count(QStringLiteral("SELECT count(*) FROM region"));
    QCOMPARE(regions, whole->count(QStringLiteral("SELECT count(*) FROM region")));
    QCOMPARE(laptop.count(QStringLiteral("SELECT count(*) FROM account")), 0);
    QVERIFY(!sync::SyncState(laptop.db()).value(sync::SyncState::kSnapshotProgress).value().isEmpty());
    QCOMPARE(sync::SyncState(laptop.db()).value(sync::SyncState::kCursor).value().toLongLong(), 0); // not yet pulling

    // The next sync goes on after the regions instead of starting again, and ends like a whole one.
    TestClient fresh(m_dir.filePath(QStringLiteral("uninterrupted.sqlite")), m_server->url());
    QVERIFY(fresh.engine().login(QStringLiteral("director"), QString::fromLatin1(test::kTestPassword), QString()).ok());
    auto all = fresh.sync();
    auto rest = laptop.sync();
    QVERIFY2(rest.ok(), qPrintable(rest.ok() ? QString() : rest.error().message));
    QCOMPARE(rest.value().pulled, all.value().pulled - static_cast<int>(regions));
    for (const core::EntityDescriptor &entity : core::EntityCatalog::instance().entities()) {
        const QString sql = QStringLiteral("SELECT count(*) || ':' || coalesce(sum(version), 0) FROM %1").arg(entity.name);
        QCOMPARE(core::Sql(laptop.db()).scalar(sql).value().toString(), core::Sql(fresh.db()).scalar(sql).value().toString());
    }
    QVERIFY(sync::SyncState(laptop.db()).value(sync::SyncState::kSnapshotProgress).value().isEmpty());
    QCOMPARE(sync::SyncState(laptop.db()).value(sync::SyncState::kCursor).value(),
             sync::SyncState(fresh.db()).value(sync::SyncState::kCursor).value());
}

void TestSyncEngine::revokedDeviceIsWiped()
{
    auto rep = client(QStringLiteral("rep.west"));
    QVERIFY(rep->count(QStringLiteral("SELECT count(*) FROM region")) > 0);
    const QString clientId = sync::SyncState(rep->db()).clientId().value();
    QCOMPARE(m_server->admin({QStringLiteral("device"), QStringLiteral("revoke"), clientId}), 0);
    auto result = rep->sync();
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, core::ErrorCode::Revoked);
    QCOMPARE(rep->count(QStringLiteral("SELECT count(*) FROM region")), 0);
    QCOMPARE(rep->count(QStringLiteral("SELECT count(*) FROM account")), 0);
    QCOMPARE(rep->count(QStringLiteral("SELECT count(*) FROM sync_state")), 0);
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
