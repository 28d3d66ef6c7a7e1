#pragma once

#include <QDir>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <csignal>

#include <sys/prctl.h>

namespace vantage::test {

// A real vantage-server process for a test: its own database (an SQLite file, or the PostgreSQL
// database named by VANTAGE_TEST_POSTGRES), a free port, admin commands run as separate processes.
class ServerProcess
{
    // The weekly risk lists are made by `vantage-server risk-lists` where a test wants them, never
    // by a background run that would change what a test pulls depending on its timing.
    static inline const QString kQuiet = QStringLiteral("--no-risk-lists");

public:
    explicit ServerProcess(QString databaseSpec) : m_spec(std::move(databaseSpec))
    {
        // A test that dies (qFatal, a crash) takes its server with it instead of leaving it running.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    }
    ~ServerProcess() { stop(); }

    static QString program() { return QStringLiteral(VANTAGE_SERVER_PATH); }

    static int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    // Runs an admin command to completion; standard input is given to it (passwords).
    int admin(const QStringList &arguments, const QByteArray &input = {}, QString *output = nullptr) const
    {
        QProcess process;
        process.start(program(), QStringList{QStringLiteral("--database"), m_spec} + arguments);
        process.write(input + '\n');
        process.closeWriteChannel();
        process.waitForFinished(180000);
        if (output)
            *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    bool start(const QStringList &extra = {})
    {
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(program(), QStringList{QStringLiteral("--database"), m_spec, QStringLiteral("serve"),
                                               QStringLiteral("--port"), QString::number(m_port), kQuiet} + extra);
        // Ready once it says where it listens and the port answers.
        if (!QTest::qWaitFor([this] { return m_process.readAll().contains("listening") || m_started; }, 30000))
            return false;
        m_started = true;
        return QTest::qWaitFor([this] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_port));
            return socket.waitForConnected(200);
        }, 10000);
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    // kill -9: the server dies mid-whatever, as a crash or a power cut would.
    void crash()
    {
        ::kill(static_cast<pid_t>(m_process.processId()), SIGKILL);
        m_process.waitForFinished(5000);
    }

    // After crash(): the same database and port again, as a service manager restarts a dead server.
    bool restart()
    {
        m_process.waitForFinished(5000);
        m_process.start(program(), QStringList{QStringLiteral("--database"), m_spec, QStringLiteral("serve"),
                                               QStringLiteral("--port"), QString::number(m_port), kQuiet});
        return QTest::qWaitFor([this] {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_port));
            return socket.waitForConnected(200);
        }, 30000);
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int port() const { return m_port; }
    const QString &spec() const { return m_spec; }

private:
    QString m_spec;
    QProcess m_process;
    int m_port = 0;
    bool m_started = false;
};

} // namespace vantage::test
