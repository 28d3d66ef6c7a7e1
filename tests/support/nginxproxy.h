#pragma once

#include "serverprocess.h"
#include "testcertificates.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace vantage::test {

// A real nginx in front of vantage-server instances, with TLS from a throw-away CA: the packaged
// production config (packaging/nginx/vantage-server.conf) with test paths, ports and upstreams,
// wrapped in a main config that runs in the foreground with everything inside one directory.
class NginxProxy
{
public:
    explicit NginxProxy(QString dir) : m_dir(std::move(dir)) {}
    ~NginxProxy() { stop(); }

    static QString program() { return QStringLiteral("/usr/sbin/nginx"); }
    static QString packagedConfig()
    {
        return QDir(qEnvironmentVariable("VANTAGE_SOURCE_DIR")).filePath(QStringLiteral("packaging/nginx/vantage-server.conf"));
    }

    // A CA (ca.pem) and a server certificate it signed for 127.0.0.1 and localhost; another CA
    // (other-ca.pem) that signed nothing here.
    bool makeCertificates()
    {
        TestCertificates certificates(m_dir);
        const bool made = certificates.make();
        m_log += certificates.log();
        return made;
    }

    // upstreams: "127.0.0.1:PORT" of each vantage-server instance.
    bool start(const QStringList &upstreams)
    {
        m_tlsPort = ServerProcess::freePort();
        m_httpPort = ServerProcess::freePort();
        const QString config = mainConfig(upstreams);
        if (config.isEmpty() || !write(QStringLiteral("nginx.conf"), config.toUtf8()))
            return false;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); }); // dies with the test
        m_process.start(program(), {QStringLiteral("-c"), path(QStringLiteral("nginx.conf")), QStringLiteral("-p"), m_dir});
        const bool up = QTest::qWaitFor([this] { return m_process.state() == QProcess::NotRunning || accepts(m_tlsPort); }, 15000);
        if (!up || m_process.state() == QProcess::NotRunning) {
            m_log += QString::fromUtf8(m_process.readAll()) + readFile(QStringLiteral("error.log"));
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // SIGTERM: nginx's fast shutdown
        if (!m_process.waitForFinished(10000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    QString url(const QString &host = QStringLiteral("127.0.0.1")) const { return QStringLiteral("https://%1:%2").arg(host).arg(m_tlsPort); }
    QString plainUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_httpPort); }
    QString caCertificate() const { return path(QStringLiteral("ca.pem")); }
    QString otherCaCertificate() const { return path(QStringLiteral("other-ca.pem")); }
    QString accessLog() const { return readFile(QStringLiteral("access.log")); }
    // What went wrong: openssl's or nginx's own words.
    const QString &log() const { return m_log; }

private:
    QString path(const QString &name) const { return QDir(m_dir).filePath(name); }

    QString readFile(const QString &name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    bool write(const QString &name, const QByteArray &text) const
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
    }

    static bool accepts(int port)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
        return socket.waitForConnected(200);
    }

    // The packaged config with test ports, paths and upstreams; empty (and a log entry) when a
    // production path or port survived, i.e. the packaged file changed in a way this misses.
    QString derivedConfig(const QStringList &upstreams)
    {
        QFile file(packagedConfig());
        if (!file.open(QIODevice::ReadOnly)) {
            m_log += QStringLiteral("cannot read %1\n").arg(packagedConfig());
            return {};
        }
        QString text = QString::fromUtf8(file.readAll());
        text.remove(QRegularExpression(QStringLiteral("[ \\t]*#[^\\n]*"))); // comments name production paths
        text.replace(QRegularExpression(QStringLiteral("^\\s*listen\\s+\\[::\\][^\\n]*\\n"), QRegularExpression::MultilineOption), QString());
        text.replace(QRegularExpression(QStringLiteral("listen\\s+80\\b")), QStringLiteral("listen 127.0.0.1:%1").arg(m_httpPort));
        // 127.0.0.2 is loopback too, but the certificate does not name it: for the host name check.
        text.replace(QRegularExpression(QStringLiteral("listen\\s+443\\b([^;]*);")),
                     QStringLiteral("listen 127.0.0.1:%1\\1; listen 127.0.0.2:%1\\1;").arg(m_tlsPort));
        text.replace(QRegularExpression(QStringLiteral("(ssl_certificate)\\s+[^;]+;")), QStringLiteral("\\1 %1;").arg(path(QStringLiteral("server.pem"))));
        text.replace(QRegularExpression(QStringLiteral("(ssl_certificate_key)\\s+[^;]+;")), QStringLiteral("\\1 %1;").arg(path(QStringLiteral("server.key"))));
        text.replace(QRegularExpression(QStringLiteral("(access_log)\\s+\\S+")), QStringLiteral("\\1 %1").arg(path(QStringLiteral("access.log"))));
        text.replace(QRegularExpression(QStringLiteral("(error_log)\\s+\\S+")), QStringLiteral("\\1 %1").arg(path(QStringLiteral("error.log"))));
        text = withUpstreams(text, upstreams);
        for (const QString &leftover : {QStringLiteral("/etc/"), QStringLiteral("/var/"), QStringLiteral(":8080"), QStringLiteral(" 443")})
            if (text.contains(leftover)) {
                m_log += QStringLiteral("the derived nginx config still contains \"%1\":\n%2").arg(leftover, text);
                return {};
            }
        return text;
    }

    // The upstream block's server lines become the test's instances, with the packaged options.
    static QString withUpstreams(QString text, const QStringList &upstreams)
    {
        const QRegularExpression serverLine(QStringLiteral("^(\\s*)server\\s+[\\d.:]+([^;]*);[^\\n]*\\n"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch first = serverLine.match(text);
        if (!first.hasMatch())
            return text;
        QString lines;
        for (const QString &upstream : upstreams)
            lines += QStringLiteral("%1server %2%3;\n").arg(first.captured(1), upstream, first.captured(2));
        text.replace(serverLine, QString());
        return text.insert(first.capturedStart(), lines);
    }

    QString mainConfig(const QStringList &upstreams)
    {
        const QString derived = derivedConfig(upstreams);
        if (derived.isEmpty())
            return {};
        QString config;
        QTextStream out(&config);
        out << "# Generated by the test from " << packagedConfig() << "\n"
            << "daemon off;\nworker_processes 1;\n"
            << "pid " << path(QStringLiteral("nginx.pid")) << ";\n"
            << "error_log " << path(QStringLiteral("error.log")) << " warn;\n";
        // As root (CI) the workers would become nobody, who cannot enter this private directory.
        if (::geteuid() == 0)
            out << "user " << ::getpwuid(::geteuid())->pw_name << ' ' << ::getgrgid(::getegid())->gr_name << ";\n";
        out << "events { worker_connections 256; }\nhttp {\n"
            << "    access_log " << path(QStringLiteral("other-access.log")) << ";\n";
        for (const char *kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
            out << "    " << kind << "_temp_path " << path(QStringLiteral("temp-%1").arg(QLatin1String(kind))) << ";\n";
        out << derived << "}\n";
        return config;
    }

    QString m_dir;
    QProcess m_process;
    int m_tlsPort = 0;
    int m_httpPort = 0;
    QString m_log;
};

} // namespace vantage::test
