#pragma once

#include "domain/result.h"
#include "protocol/syncmessages.h"
#include "sync/synctransport.h"

#include <QStringList>

#include <atomic>
#include <vector>

namespace vantage::bench {

// What one simulated laptop works on: its user, and a customer and an opportunity in that user's
// region (no two devices share an opportunity, so every save is meant to apply).
struct DevicePlan
{
    QString login;
    QString userId;
    QString regionId;
    QString accountId;
    QString opportunityId;
    QString closeOn;
};

struct DeviceTally
{
    std::vector<double> pushMs;
    std::vector<double> pullMs;
    qint64 rounds = 0;
    qint64 errors = 0;   // no answer, or an answer other than 200
    qint64 refused = 0;  // a save answered rejected or conflict
    qint64 pulledChanges = 0;
    QStringList errorSamples;
};

// A laptop syncing as fast as it can over the real client transport: each round opens a new
// connection (as a laptop's sync every few minutes does), pushes one save (a new call logged on its
// customer, or its opportunity's close date moved) and pulls until current. Latencies are per
// request, measured around the transport call.
class SimulatedDevice
{
public:
    SimulatedDevice(const QString &serverUrl, DevicePlan plan);

    core::Status signIn(const QString &password);
    void run(const std::atomic<bool> &stop);
    const DeviceTally &tally() const { return m_tally; }

private:
    void push();
    void pull();
    core::Mutation nextMutation();
    sync::HttpReply timedPost(const QString &path, const QByteArray &body, std::vector<double> &into);
    void fail(const QString &what);

    QString m_serverUrl;
    DevicePlan m_plan;
    sync::SyncTransport m_transport;
    QString m_clientId;
    int m_scopeEpoch = 0;
    qint64 m_cursor = 0;
    qint64 m_mid = 0;
    qint64 m_opportunityVersion = 1;
    QString m_pendingCloseOn;
    DeviceTally m_tally;
};

} // namespace vantage::bench
