// The app's sync as a user sees it, against a real vantage-server and the real system keychain
// (gnome-keyring on a private D-Bus session, tests/tools/with_keyring.sh): sign in from the Sync
// page, the first download, the sign-in surviving a restart through the keychain, a wrong password,
// a document conflict resolved in the side-by-side dialog (fields, then line by line), a refused change with the server's
// reason, and a revoked user whose company data leaves the laptop. Run a second time without a
// keychain (VANTAGE_TEST_KEYRING=absent): the sign-in then lasts for the session only, and says so.
#include "guisupport.h"
#include "syncfixture.h"

#include "appcontroller.h"
#include "dialogs/conflictdialog.h"
#include "dialogs/refusedchangedialog.h"
#include "dialogs/logindialog.h"
#include "mainwindow.h"
#include "pages/dashboardpage.h"
#include "pages/syncpage.h"

#include "domain/money.h"
#include "domain/uuid7.h"
#include "settings/appsettings.h"
#include "storage/store.h"
#include "sync/recordeditor.h"
#include "sync/synccontroller.h"
#include "sync/syncstate.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QSignalSpy>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>

using namespace vantage;
using Connection = sync::SyncStatus::Connection;

namespace {

QTemporaryDir *g_home = nullptr;

bool keyringAvailable()
{
    return qEnvironmentVariable("VANTAGE_TEST_KEYRING") != QLatin1String("absent");
}

} // namespace

class TestSyncPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signInFromTheSyncPageDownloadsTheCompanyData();
    void theSignInSurvivesARestartOnlyThroughTheKeychain();
    void aWrongPasswordKeepsTheDialogOpenWithTheReason();
    void aDocumentConflictIsResolvedSideBySide();
    void aDocumentsLinesAreChosenOneByOne();
    void aRefusedChangeShowsTheServersReason();
    void theCorrectionDialogKeepsTheServersValuesOrRefusesExtraDecimals();
    void aRevokedUserLosesTheCompanyData();

private:
    std::unique_ptr<app::AppController> startApp();
    std::unique_ptr<app::AppController> startSignedIn();
    void signIn(app::AppController &app, const QString &password);
    void syncAndWait(app::AppController &app);
    void resolveInTheDialog(app::AppController &app, const std::function<void(ui::ConflictDialog *)> &choose);
    qint64 appCount(app::AppController &app, const QString &sql, const QVariantList &values = {});
    core::Status appWrite(app::AppController &app, std::function<core::Status(QSqlDatabase)> write);

    std::unique_ptr<test::ServerProcess> m_server;
    test::Company m_company;
    std::unique_ptr<test::TestClient> m_rep;
    QString m_quote;
    QJsonObject m_quoteHeader;
    QString m_opportunity;
};

void TestSyncPage::initTestCase()
{
    m_server = std::make_unique<test::ServerProcess>(g_home->filePath(QStringLiteral("server.sqlite")));
    QVERIFY(test::setUpCompany(*m_server, g_home->filePath(QStringLiteral("admin.sqlite")), m_company));
    // The east rep's laptop fills the server: a customer, an opportunity and a quote.
    m_rep = std::make_unique<test::TestClient>(g_home->filePath(QStringLiteral("rep.sqlite")), m_server->url());
    QVERIFY(m_rep->engine().login(QStringLiteral("rep.east"), QString::fromLatin1(test::kTestPassword), QString()).ok());
    QVERIFY(m_rep->sync().ok());
    const sync::RecordEditor editor(m_rep->db());
    auto account = editor.create(QStringLiteral("account"), m_company.east,
                                 {{QStringLiteral("kind"), QStringLiteral("customer")}, {QStringLiteral("name"), QStringLiteral("东方贸易有限公司")},
                                  {QStringLiteral("created_at"), qint64(1795000000000)}});
    QVERIFY(account.ok());
    const QString repId = sync::SyncState(m_rep->db()).value(sync::SyncState::kUserId).value();
    auto deal = editor.create(QStringLiteral("opportunity"), m_company.east,
                              {{QStringLiteral("name"), QStringLiteral("Cold storage")}, {QStringLiteral("account_id"), account.value()},
                               {QStringLiteral("owner_id"), repId}, {QStringLiteral("stage_code"), QStringLiteral("prospecting")},
                               {QStringLiteral("amount_minor"), 1200000}, {QStringLiteral("currency"), QStringLiteral("CNY")},
                               {QStringLiteral("created_at"), qint64(1795000000000)}});
    QVERIFY(deal.ok());
    m_opportunity = deal.value();
    m_quoteHeader = {{QStringLiteral("account_id"), account.value()}, {QStringLiteral("owner_id"), repId},
                     {QStringLiteral("status"), QStringLiteral("draft")}, {QStringLiteral("currency"), QStringLiteral("CNY")},
                     {QStringLiteral("notes"), QStringLiteral("first draft")}, {QStringLiteral("created_at"), qint64(1795000000000)}};
    auto quote = editor.saveDocument(QStringLiteral("quote"), QString(), m_company.east, m_quoteHeader, {});
    QVERIFY(quote.ok());
    m_quote = quote.value();
    auto pushed = m_rep->sync();
    QVERIFY(pushed.ok() && pushed.value().rejected == 0);
    // The app works on its company database.
    core::AppSettings settings;
    QVERIFY(settings.setValue(core::AppSettings::kDataSource, QStringLiteral("company")));
}

std::unique_ptr<app::AppController> TestSyncPage::startApp()
{
    auto app = std::make_unique<app::AppController>(app::CommandLine{});
    QSignalSpy opened(app.get(), &app::AppController::storeOpened);
    app->start(); // a database opened while the window was built is shown within start()
    if (opened.isEmpty() && !opened.wait(30000))
        qFatal("the company database did not open");
    app->window()->showPage(ui::MainWindow::Page::Sync);
    return app;
}

// Signed in from the keychain at start (or by hand without one), first sync done.
std::unique_ptr<app::AppController> TestSyncPage::startSignedIn()
{
    auto app = startApp();
    if (!keyringAvailable())
        signIn(*app, QString::fromLatin1(test::kTestPassword));
    const sync::SyncController *sync = app->syncController();
    if (!QTest::qWaitFor([sync] { return sync->status().connection == Connection::Idle && !sync->isRunning() && sync->status().lastSyncMs > 0; },
                         30000))
        qFatal("the app did not sign in and sync: %s", qPrintable(sync->status().lastError));
    return app;
}

void TestSyncPage::signIn(app::AppController &app, const QString &password)
{
    ui::SyncPage *page = app.window()->syncPage();
    QPushButton *signInButton = nullptr;
    for (QPushButton *button : page->findChildren<QPushButton *>())
        if (button->isVisible() && button->text() == QStringLiteral("Sign in…"))
            signInButton = button;
    QVERIFY(signInButton);
    signInButton->click();
    ui::LoginDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = test::visibleChild<ui::LoginDialog>(app.window())) != nullptr);
    dialog->findChild<QLineEdit *>(QStringLiteral("server"))->setText(m_server->url());
    dialog->findChild<QLineEdit *>(QStringLiteral("login"))->setText(QStringLiteral("mgr.east"));
    dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
}

void TestSyncPage::syncAndWait(app::AppController &app)
{
    sync::SyncController *sync = app.syncController();
    QTRY_VERIFY_WITH_TIMEOUT(!sync->isRunning(), 30000);
    sync->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!sync->isRunning() && sync->status().connection != Connection::Syncing, 30000);
}

qint64 TestSyncPage::appCount(app::AppController &app, const QString &sql, const QVariantList &values)
{
    auto future = app.store()->submitRead<qint64>([sql, values](core::JobContext &context) {
        return core::Sql(context.connection().value()).scalar(sql, values).value().toLongLong();
    });
    future.waitForFinished();
    return future.result();
}

core::Status TestSyncPage::appWrite(app::AppController &app, std::function<core::Status(QSqlDatabase)> write)
{
    auto future = app.store()->submitWrite<core::Status>([write](core::JobContext &context) { return write(context.connection().value()); });
    future.waitForFinished();
    return future.result();
}

void TestSyncPage::signInFromTheSyncPageDownloadsTheCompanyData()
{
    auto app = startApp();
    ui::SyncPage *page = app->window()->syncPage();
    QCOMPARE(app->syncController()->status().connection, Connection::SignedOut);
    QCOMPARE(page->stateText(), QStringLiteral("Signed out"));
    QTRY_VERIFY_WITH_TIMEOUT(!app->window()->dashboard()->isLoading(), 30000);
    QSignalSpy dashboardReloaded(app->window()->dashboard(), &ui::DashboardPage::loaded);
    signIn(*app, QString::fromLatin1(test::kTestPassword));
    QTRY_VERIFY_WITH_TIMEOUT(app->syncController()->status().lastSyncMs > 0, 30000);
    QTRY_COMPARE(app->syncController()->status().connection, Connection::Idle);
    QVERIFY(!test::visibleChild<ui::LoginDialog>(app->window())); // closed on success
    QCOMPARE(page->stateText(), QStringLiteral("Online"));
    QVERIFY2(app->window()->syncStatusText().startsWith(QStringLiteral("Online · last sync")), qPrintable(app->window()->syncStatusText()));
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM account WHERE name = ?"), {QStringLiteral("东方贸易有限公司")}), 1);
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM quote WHERE id = ?"), {m_quote}), 1);
    QCOMPARE(app->syncController()->status().sessionOnly, !keyringAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(dashboardReloaded.count() >= 1, 30000); // the pages follow the new data
}

void TestSyncPage::theSignInSurvivesARestartOnlyThroughTheKeychain()
{
    auto app = startApp();
    if (keyringAvailable()) {
        // The refresh token came back from the keychain: a sync runs without asking for the password.
        const qint64 before = app->syncController()->status().lastSyncMs;
        QTRY_VERIFY_WITH_TIMEOUT(app->syncController()->status().lastSyncMs > before
                                     && app->syncController()->status().connection == Connection::Idle, 30000);
        QVERIFY(!test::visibleChild<ui::LoginDialog>(app->window()));
    } else {
        QTest::qWait(500);
        QCOMPARE(app->syncController()->status().connection, Connection::SignedOut);
        QCOMPARE(app->syncController()->status().login, QStringLiteral("mgr.east")); // offered again
        signIn(*app, QString::fromLatin1(test::kTestPassword));
        QTRY_COMPARE_WITH_TIMEOUT(app->syncController()->status().connection, Connection::Idle, 30000);
        QVERIFY(app->syncController()->status().sessionOnly);
        QVERIFY(app->window()->syncPage()->findChild<QLabel *>(QStringLiteral("syncError"))->text().contains(QStringLiteral("keychain")));
    }
    // No token ever lands in a file of the user's.
    QDirIterator files(g_home->path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.endsWith(QStringLiteral(".conf"))) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("refresh"), qPrintable(path));
        }
    }
}

void TestSyncPage::aWrongPasswordKeepsTheDialogOpenWithTheReason()
{
    auto app = startApp();
    QTRY_VERIFY_WITH_TIMEOUT(!app->syncController()->isRunning(), 30000);
    app->syncController()->signOut();
    QTRY_COMPARE(app->syncController()->status().connection, Connection::SignedOut);
    signIn(*app, QStringLiteral("not the password"));
    ui::LoginDialog *dialog = test::visibleChild<ui::LoginDialog>(app->window());
    QVERIFY(dialog);
    auto *problem = dialog->findChild<QLabel *>(QStringLiteral("problem"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 30000);
    QCOMPARE(problem->text(), QStringLiteral("The login or password is wrong."));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
    // The right password in the same dialog: signed in again.
    dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(QString::fromLatin1(test::kTestPassword));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    QTRY_COMPARE_WITH_TIMEOUT(app->syncController()->status().connection, Connection::Idle, 30000);
}

// Opens the first conflict in the side-by-side dialog, lets `choose` set it up, saves the choices
// and waits until the resolution reached the server and the next sync brought it back.
void TestSyncPage::resolveInTheDialog(app::AppController &app, const std::function<void(ui::ConflictDialog *)> &choose)
{
    ui::SyncPage *page = app.window()->syncPage();
    page->findChild<QTableWidget *>(QStringLiteral("conflictTable"))->selectRow(0);
    bool opened = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = test::visibleChild<ui::ConflictDialog>(page);
        QVERIFY(dialog);
        opened = true;
        choose(dialog);
        for (QPushButton *button : dialog->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Save my choices"))
                button->click();
    });
    for (QPushButton *button : page->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Compare and resolve…"))
            button->click();
    QVERIFY(opened);
    QTRY_VERIFY_WITH_TIMEOUT(app.syncController()->status().conflicts == 0 && !app.syncController()->isRunning()
                                 && app.syncController()->status().connection == Connection::Idle, 30000);
    syncAndWait(app);
}

void TestSyncPage::aDocumentConflictIsResolvedSideBySide()
{
    auto app = startSignedIn();
    QCOMPARE(app->syncController()->status().connection, Connection::Idle);
    // Both change the quote's notes offline; the rep's reaches the server first.
    QJsonObject mine = m_quoteHeader;
    mine.insert(QStringLiteral("notes"), QStringLiteral("交货期 30 天"));
    const QString region = m_company.east, quote = m_quote;
    QVERIFY(appWrite(*app, [&](QSqlDatabase db) {
        auto saved = sync::RecordEditor(db).saveDocument(QStringLiteral("quote"), quote, region, mine, {});
        return saved ? core::Status() : core::Status(saved.error());
    }).ok());
    QJsonObject theirs = m_quoteHeader;
    theirs.insert(QStringLiteral("notes"), QStringLiteral("rep's notes"));
    QVERIFY(m_rep->sync().ok());
    QVERIFY(sync::RecordEditor(m_rep->db()).saveDocument(QStringLiteral("quote"), m_quote, m_company.east, theirs, {}).ok());
    QVERIFY(m_rep->sync().ok());
    syncAndWait(*app);
    QCOMPARE(app->syncController()->status().conflicts, 1);
    QVERIFY(app->window()->syncStatusText().contains(QStringLiteral("1 to resolve")));
    ui::SyncPage *page = app->window()->syncPage();
    QTRY_COMPARE_WITH_TIMEOUT(page->conflictCount(), 1, 30000);
    // Open the side-by-side dialog, keep this computer's notes.
    bool sawBothSides = false;
    resolveInTheDialog(*app, [&](ui::ConflictDialog *dialog) {
        auto *fields = dialog->findChild<QTableWidget *>(QStringLiteral("conflictFields"));
        for (int row = 0; row < fields->rowCount(); ++row)
            if (fields->item(row, 2)->text() == QStringLiteral("rep's notes") && fields->item(row, 3)->text() == QStringLiteral("交货期 30 天"))
                sawBothSides = true;
        QCOMPARE(dialog->differingFields(), 1);
        QCOMPARE(dialog->differingLines(), 0);
        dialog->chooseAll(true);
    });
    QVERIFY(sawBothSides);
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM quote WHERE id = ? AND notes = ?"), {m_quote, QStringLiteral("交货期 30 天")}), 1);
    QVERIFY(m_rep->sync().ok());
    QCOMPARE(m_rep->count(QStringLiteral("SELECT count(*) FROM quote WHERE id = ? AND notes = ?"), {m_quote, QStringLiteral("交货期 30 天")}), 1);
}

// The rep changes line A and deletes line B; this computer changes line C and adds line D. The
// dialog shows each line on both sides; A from the server, B dropped, C mine, D kept: the body
// names exactly A, C and D, numbered 1…3, and that is what the rep's laptop gets.
void TestSyncPage::aDocumentsLinesAreChosenOneByOne()
{
    auto app = startSignedIn();
    const auto line = [](const QString &id, int no, const QString &description, int quantity) {
        return core::ChildRow{QStringLiteral("quote_line"), id, {{QStringLiteral("line_no"), no}, {QStringLiteral("description"), description},
                                                                 {QStringLiteral("quantity"), quantity}, {QStringLiteral("unit_price_minor"), 880000},
                                                                 {QStringLiteral("amount_minor"), 880000 * quantity}}, false};
    };
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << core::Uuid7Generator::generate();
    const QString &a = ids[0], &b = ids[1], &c = ids[2], &d = ids[3];
    const sync::RecordEditor rep(m_rep->db());
    auto quote = rep.saveDocument(QStringLiteral("quote"), QString(), m_company.east, m_quoteHeader,
                                  {line(a, 1, QStringLiteral("A"), 1), line(b, 2, QStringLiteral("B"), 1), line(c, 3, QStringLiteral("C"), 1)});
    QVERIFY(quote.ok());
    QVERIFY(m_rep->sync().ok());
    syncAndWait(*app);
    QVERIFY(rep.saveDocument(QStringLiteral("quote"), quote.value(), m_company.east, m_quoteHeader,
                             {line(a, 1, QStringLiteral("A"), 5), line(c, 2, QStringLiteral("C"), 1)}).ok());
    QVERIFY(m_rep->sync().ok());
    const QString region = m_company.east, id = quote.value();
    const QJsonObject header = m_quoteHeader;
    QVERIFY(appWrite(*app, [&](QSqlDatabase db) {
        auto saved = sync::RecordEditor(db).saveDocument(QStringLiteral("quote"), id, region, header,
            {line(a, 1, QStringLiteral("A"), 1), line(b, 2, QStringLiteral("B"), 1), line(c, 3, QStringLiteral("C"), 7), line(d, 4, QStringLiteral("D"), 2)});
        return saved ? core::Status() : core::Status(saved.error());
    }).ok());
    syncAndWait(*app);
    QCOMPARE(app->syncController()->status().conflicts, 1);
    QTRY_COMPARE_WITH_TIMEOUT(app->window()->syncPage()->conflictCount(), 1, 30000);

    QJsonArray sent;
    resolveInTheDialog(*app, [&](ui::ConflictDialog *dialog) {
        auto *lines = dialog->findChild<QTableWidget *>(QStringLiteral("conflictLines"));
        QVERIFY(lines && !lines->isHidden());
        QCOMPARE(lines->rowCount(), 4);
        QCOMPARE(dialog->differingLines(), 4);
        const QString price = core::Money(880000, core::Currency::fromCode(u"CNY").value()).format(dialog->locale());
        const QString total = core::Money(5 * 880000, core::Currency::fromCode(u"CNY").value()).format(dialog->locale());
        QCOMPARE(lines->item(0, 2)->text(), QStringLiteral("A · 5 × %1 = %2").arg(price, total));
        QCOMPARE(lines->item(0, 3)->text(), QStringLiteral("A · 1 × %1 = %1").arg(price));
        QCOMPARE(lines->item(1, 0)->text(), QStringLiteral("Only on this computer")); // B: deleted on the server
        QCOMPARE(lines->item(1, 2)->text(), QStringLiteral("—"));
        QCOMPARE(lines->item(3, 0)->text(), QStringLiteral("Only on this computer")); // D: added here
        QVERIFY(lines->item(3, 3)->text().startsWith(QStringLiteral("D · 2 × ")));
        const auto choose = [lines](int row, const QString &text) {
            auto *box = qobject_cast<QComboBox *>(lines->cellWidget(row, 4));
            QVERIFY(box && box->isEnabled() && box->findText(text) >= 0);
            box->setCurrentIndex(box->findText(text));
        };
        dialog->chooseAll(true);
        choose(0, QStringLiteral("Server"));
        choose(1, QStringLiteral("Drop"));
        choose(2, QStringLiteral("This computer"));
        choose(3, QStringLiteral("Keep"));
        sent = dialog->resolution().value(QStringLiteral("children")).toArray();
        QVERIFY(dialog->resolution().value(QStringLiteral("serverVersion")).toInteger() > 0);  // the copy chosen from
    });
    QStringList body;
    for (const QJsonValue &child : std::as_const(sent))
        body << QStringLiteral("%1:%2×%3").arg(child[QStringLiteral("fields")][QStringLiteral("line_no")].toInt())
                    .arg(child[QStringLiteral("fields")][QStringLiteral("description")].toString())
                    .arg(child[QStringLiteral("fields")][QStringLiteral("quantity")].toInt());
    QCOMPARE(body, (QStringList{QStringLiteral("1:A×5"), QStringLiteral("2:C×7"), QStringLiteral("3:D×2")}));
    QCOMPARE(sent[0][QStringLiteral("id")].toString(), a);
    QVERIFY(m_rep->sync().ok());
    const QString lineSql = QStringLiteral("SELECT count(*) FROM quote_line WHERE quote_id = ? AND deleted = 0");
    QCOMPARE(m_rep->count(lineSql, {id}), 3);
    for (const auto &[lineId, no, quantity] : {std::tuple{a, 1, 5}, std::tuple{c, 2, 7}, std::tuple{d, 3, 2}})
        QCOMPARE(m_rep->count(QStringLiteral("SELECT count(*) FROM quote_line WHERE id = ? AND line_no = ? AND quantity = ? AND deleted = 0"),
                              {lineId, no, quantity}), 1);
    QCOMPARE(appCount(*app, lineSql, {id}), 3);
}

void TestSyncPage::aRefusedChangeShowsTheServersReason()
{
    auto app = startSignedIn();
    // A guarded field (the amount) changed on both sides: the later change is refused, not merged.
    const QString id = m_opportunity;
    QVERIFY(appWrite(*app, [id](QSqlDatabase db) {
        return sync::RecordEditor(db).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 1500000}});
    }).ok());
    QVERIFY(m_rep->sync().ok());
    QVERIFY(sync::RecordEditor(m_rep->db()).update(QStringLiteral("opportunity"), id, {{QStringLiteral("amount_minor"), 990000}}).ok());
    QVERIFY(m_rep->sync().ok());
    syncAndWait(*app);
    QCOMPARE(app->syncController()->status().rejected, 1);
    ui::SyncPage *page = app->window()->syncPage();
    QTRY_COMPARE_WITH_TIMEOUT(page->refusedCount(), 1, 30000);
    auto *table = page->findChild<QTableWidget *>(QStringLiteral("refusedTable"));
    QCOMPARE(table->item(0, 0)->text().left(11), QStringLiteral("Opportunity"));
    QVERIFY2(table->item(0, 2)->text().startsWith(QStringLiteral("Someone else changed amount on the server")), qPrintable(table->item(0, 2)->text()));
    // Sent again, it is a new mutation (a new mid) that the server answers afresh.
    const qint64 oldMid = appCount(*app, QStringLiteral("SELECT mid FROM outbox WHERE state = 'rejected'"));
    table->selectRow(0);
    for (QPushButton *button : page->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Send again"))
            button->click();
    QTRY_VERIFY_WITH_TIMEOUT(appCount(*app, QStringLiteral("SELECT count(*) FROM outbox WHERE mid = ?"), {oldMid}) == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!app->syncController()->isRunning() && app->syncController()->status().connection == Connection::Idle, 30000);
    QVERIFY(appCount(*app, QStringLiteral("SELECT max(mid) FROM outbox")) > oldMid);

    // Sent unchanged it is refused again (the same base). Corrected in the dialog, it goes on top
    // of the server's value and is taken.
    syncAndWait(*app);
    QTRY_COMPARE_WITH_TIMEOUT(page->refusedCount(), 1, 30000);
    QVERIFY2(table->item(0, 2)->text().startsWith(QStringLiteral("Someone else changed amount on the server meanwhile")),
             qPrintable(table->item(0, 2)->text()));
    table->selectRow(0);
    QPushButton *correct = nullptr;
    for (QPushButton *button : page->findChildren<QPushButton *>())
        if (button->text() == QStringLiteral("Correct…"))
            correct = button;
    QVERIFY(correct && correct->isEnabled());
    correct->click();
    QPointer<ui::RefusedChangeDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = test::visibleChild<ui::RefusedChangeDialog>(page)) != nullptr, 30000);
    QTableWidget *fields = dialog->table();
    QCOMPARE(fields->rowCount(), 1);
    QCOMPARE(fields->item(0, ui::RefusedChangeDialog::Field)->text(), QStringLiteral("Amount"));
    QCOMPARE(fields->item(0, ui::RefusedChangeDialog::Server)->text(), QStringLiteral("9900.00"));  // the rep's
    QCOMPARE(fields->item(0, ui::RefusedChangeDialog::ToSend)->text(), QStringLiteral("15000.00"));  // mine, refused
    fields->item(0, ui::RefusedChangeDialog::ToSend)->setText(QStringLiteral("12,3x"));
    dialog->sendButton()->click();
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->problem(), QStringLiteral("Amount: “12,3x” is not an amount."));
    fields->item(0, ui::RefusedChangeDialog::ToSend)->setText(QStringLiteral("12345.60"));
    dialog->sendButton()->click();
    QTRY_VERIFY(!dialog);
    QTRY_VERIFY_WITH_TIMEOUT(appCount(*app, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected'")) == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!app->syncController()->isRunning() && app->syncController()->status().connection == Connection::Idle, 30000);
    syncAndWait(*app);
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM outbox")), 0);
    QVERIFY(m_rep->sync().ok());
    QCOMPARE(m_rep->count(QStringLiteral("SELECT amount_minor FROM opportunity WHERE id = ?"), {id}), 1234560);
}

// The dialog alone: keeping the server's values hands back exactly those; an amount with more
// decimals than its currency has is refused, not rounded; a record the server never took has no
// values there to keep.
void TestSyncPage::theCorrectionDialogKeepsTheServersValuesOrRefusesExtraDecimals()
{
    sync::RefusedChange change;
    change.entry.mutation.name = QStringLiteral("opportunity.save@1");
    change.entry.mutation.id = m_opportunity;
    change.entry.mutation.set = {{QStringLiteral("amount_minor"), 1500000}};
    change.entry.resultCode = QStringLiteral("guarded_field");
    change.entry.resultField = QStringLiteral("amount_minor");
    change.current.exists = true;
    change.current.version = 3;
    change.current.fields = {{QStringLiteral("amount_minor"), 990000}, {QStringLiteral("currency"), QStringLiteral("CNY")}};
    QVERIFY(change.correctable());
    {
        ui::RefusedChangeDialog dialog(change);
        dialog.table()->item(0, ui::RefusedChangeDialog::ToSend)->setText(QStringLiteral("12345.678"));
        dialog.sendButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.problem(), QStringLiteral("Amount: “12345.678” has more decimals than CNY amounts have (2)."));
        QVERIFY(dialog.keepServerButton()->isEnabled());
        dialog.keepServerButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.fields(), (QJsonObject{{QStringLiteral("amount_minor"), 990000}}));
    }
    change.current = {};
    change.entry.resultCode = QStringLiteral("out_of_scope");
    QVERIFY(change.correctable());  // a new record: sent whole once corrected
    ui::RefusedChangeDialog neverTaken(change);
    QVERIFY(!neverTaken.keepServerButton()->isEnabled());
    QCOMPARE(neverTaken.table()->item(0, ui::RefusedChangeDialog::Server)->text(), QStringLiteral("(not on the server)"));
}

void TestSyncPage::aRevokedUserLosesTheCompanyData()
{
    auto app = startSignedIn();
    QVERIFY(appCount(*app, QStringLiteral("SELECT count(*) FROM account")) > 0);
    QCOMPARE(m_server->admin({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("mgr.east")}), 0);
    syncAndWait(*app);
    QCOMPARE(app->syncController()->status().connection, Connection::SignedOut);
    QVERIFY2(app->syncController()->status().lastError.contains(QStringLiteral("revoked")), qPrintable(app->syncController()->status().lastError));
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM account")), 0);
    QCOMPARE(appCount(*app, QStringLiteral("SELECT count(*) FROM outbox")), 0);
}

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    g_home = &home;
    test::isolateHome(home);
    if (!keyringAvailable())
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/vantage-test-bus"); // no Secret Service
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Vantage"));
    QApplication::setApplicationName(QStringLiteral("Vantage"));
    TestSyncPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_syncpage.moc"
