#include "simulateddevice.h"

#include "domain/clock.h"
#include "domain/uuid7.h"

#include <QDate>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace vantage::bench {
namespace {

QJsonObject objectOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

core::Error refusedBy(const sync::HttpReply &reply, const QString &what)
{
    return {core::ErrorCode::Protocol,
            QStringLiteral("%1: %2").arg(what, reply.reached() ? QStringLiteral("HTTP %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body.left(200))) : reply.error),
            QString()};
}

} // namespace

SimulatedDevice::SimulatedDevice(const QString &serverUrl, DevicePlan plan)
    : m_serverUrl(serverUrl), m_plan(std::move(plan)), m_transport(serverUrl),
      m_clientId(QUuid::createUuid().toString(QUuid::WithoutBraces)), m_pendingCloseOn(m_plan.closeOn)
{
}

core::Status SimulatedDevice::signIn(const QString &password)
{
    const QJsonObject body{{QStringLiteral("login"), m_plan.login}, {QStringLiteral("password"), password},
                           {QStringLiteral("clientId"), m_clientId}, {QStringLiteral("deviceName"), QStringLiteral("bench-device")}};
    const sync::HttpReply login = m_transport.post(QStringLiteral("/v1/auth/login"), QJsonDocument(body).toJson(QJsonDocument::Compact));
    if (!login.reached() || login.status != 200)
        return refusedBy(login, QStringLiteral("sign-in as %1").arg(m_plan.login));
    const QJsonObject session = objectOf(login.body);
    m_transport.setAccessToken(session.value(QStringLiteral("accessToken")).toString());
    m_scopeEpoch = session.value(QStringLiteral("scopeEpoch")).toInt();
    // Start current: the position a snapshot would be taken at (the data itself is not needed).
    const sync::HttpReply head = m_transport.get(QStringLiteral("/v1/snapshot?entity=region&limit=1"));
    if (!head.reached() || head.status != 200)
        return refusedBy(head, QStringLiteral("snapshot position"));
    m_cursor = objectOf(head.body).value(QStringLiteral("at")).toInteger();
    return {};
}

void SimulatedDevice::run(const std::atomic<bool> &stop)
{
    while (!stop.load(std::memory_order_relaxed)) {
        m_transport.setBaseUrl(m_serverUrl); // a new connection for each sync, like a laptop's
        push();
        pull();
        ++m_tally.rounds;
    }
}

core::Mutation SimulatedDevice::nextMutation()
{
    core::Mutation m;
    m.mid = ++m_mid;
    if (m_mid % 2) {
        m.name = QStringLiteral("activity.save@1");
        m.id = core::Uuid7Generator::generate();
        m.set = QJsonObject{{QStringLiteral("region_id"), m_plan.regionId}, {QStringLiteral("kind"), QStringLiteral("call")},
                            {QStringLiteral("subject"), QStringLiteral("Follow-up call %1").arg(m_mid)},
                            {QStringLiteral("account_id"), m_plan.accountId}, {QStringLiteral("owner_id"), m_plan.userId},
                            {QStringLiteral("occurred_at"), core::Clock::nowMs()}};
        return m;
    }
    const QDate current = QDate::fromString(m_plan.closeOn, Qt::ISODate);
    m_pendingCloseOn = (current.isValid() ? current : QDate(2027, 1, 1)).addDays(m_mid % 4 ? 7 : -7).toString(Qt::ISODate);
    m.name = QStringLiteral("opportunity.save@1");
    m.id = m_plan.opportunityId;
    m.baseVersion = m_opportunityVersion;
    m.set = QJsonObject{{QStringLiteral("expected_close_on"), m_pendingCloseOn}};
    m.base = QJsonObject{{QStringLiteral("expected_close_on"), m_plan.closeOn.isEmpty() ? QJsonValue() : QJsonValue(m_plan.closeOn)}};
    return m;
}

void SimulatedDevice::push()
{
    const core::Mutation mutation = nextMutation();
    const sync::HttpReply reply = timedPost(QStringLiteral("/v1/push"), core::toJson(core::PushRequest{m_clientId, {mutation}}), m_tally.pushMs);
    if (!reply.reached() || reply.status != 200)
        return fail(QString()); // timedPost kept what went wrong
    auto answer = core::parsePushResponse(reply.body);
    if (!answer || answer.value().results.size() != 1)
        return fail(QStringLiteral("push answer"));
    const core::MutationResult &result = answer.value().results.front();
    if (result.status != QLatin1String("applied") && result.status != QLatin1String("merged")) {
        ++m_tally.refused;
        if (m_tally.errorSamples.size() < 3)
            m_tally.errorSamples << QStringLiteral("%1 %2: %3 %4").arg(mutation.name, result.status, result.code, result.message);
        return;
    }
    if (mutation.id == m_plan.opportunityId) {
        m_opportunityVersion = result.version;
        m_plan.closeOn = m_pendingCloseOn;
    }
}

void SimulatedDevice::pull()
{
    for (;;) {
        const core::PullRequest request{m_clientId, m_cursor, 1000, m_scopeEpoch};
        const sync::HttpReply reply = timedPost(QStringLiteral("/v1/pull"), core::toJson(request), m_tally.pullMs);
        if (!reply.reached() || reply.status != 200)
            return fail(QString()); // timedPost kept what went wrong
        auto page = core::parsePullResponse(reply.body);
        if (!page || !page.value().reset.isEmpty())
            return fail(QStringLiteral("pull answer"));
        m_tally.pulledChanges += static_cast<qint64>(page.value().changes.size());
        m_cursor = page.value().cursor;
        if (!page.value().more)
            return;
    }
}

sync::HttpReply SimulatedDevice::timedPost(const QString &path, const QByteArray &body, std::vector<double> &into)
{
    QElapsedTimer timer;
    timer.start();
    sync::HttpReply reply = m_transport.post(path, body);
    into.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    if ((!reply.reached() || reply.status != 200) && m_tally.errorSamples.size() < 3)
        m_tally.errorSamples << refusedBy(reply, path).message;
    return reply;
}

void SimulatedDevice::fail(const QString &what)
{
    ++m_tally.errors;
    if (!what.isEmpty() && m_tally.errorSamples.size() < 3)
        m_tally.errorSamples << what;
}

} // namespace vantage::bench
