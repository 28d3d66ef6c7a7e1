#pragma once

// A throw-away CA and the certificates it signs, made with openssl in a test's directory (our own
// openssl configs: the system's openssl.cnf plays no part). Used for nginx and the SMTP relay.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStringList>

namespace vantage::test {

class TestCertificates
{
public:
    explicit TestCertificates(QString dir) : m_dir(std::move(dir)) {}

    // ca.pem, and server.pem/server.key it signed for 127.0.0.1 and localhost; other-ca.pem, a CA
    // that signed nothing here.
    bool make() { return makeCa(QStringLiteral("ca")) && makeCa(QStringLiteral("other-ca")) && makeServerCertificate(); }

    QString caCertificate() const { return path(QStringLiteral("ca.pem")); }
    QString otherCaCertificate() const { return path(QStringLiteral("other-ca.pem")); }
    QString serverCertificate() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    // What went wrong: openssl's own words.
    const QString &log() const { return m_log; }

private:
    QString path(const QString &name) const { return QDir(m_dir).filePath(name); }

    bool write(const QString &name, const QByteArray &text) const
    {
        QFile file(path(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(text) == text.size();
    }

    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir);
        process.start(QStringLiteral("openssl"), arguments);
        const bool ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
        if (!ok)
            m_log += QStringLiteral("openssl %1: %2 %3\n").arg(arguments.join(u' '), process.errorString(),
                                                               QString::fromUtf8(process.readAll()));
        return ok;
    }

    bool makeCa(const QString &name)
    {
        const QByteArray config = "[req]\ndistinguished_name = dn\nprompt = no\nx509_extensions = ca\n"
                                  "[dn]\nCN = Vantage Test " + name.toUtf8() + "\n"
                                  "[ca]\nbasicConstraints = critical, CA:true\nkeyUsage = critical, keyCertSign, cRLSign\n"
                                  "subjectKeyIdentifier = hash\n";
        return write(name + QStringLiteral(".cnf"), config)
            && openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-config"), name + QStringLiteral(".cnf"),
                        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-noenc"), QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2")});
    }

    bool makeServerCertificate()
    {
        const QByteArray config = "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = localhost\n"
                                  "[server]\nbasicConstraints = CA:false\nkeyUsage = critical, digitalSignature\n"
                                  "extendedKeyUsage = serverAuth\nsubjectAltName = IP:127.0.0.1, DNS:localhost\n"
                                  "authorityKeyIdentifier = keyid\n";
        return write(QStringLiteral("server.cnf"), config)
            && openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-config"), QStringLiteral("server.cnf"),
                        QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                        QStringLiteral("-noenc"), QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                        QStringLiteral("server.csr")})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                        QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                        QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"),
                        QStringLiteral("server.cnf"), QStringLiteral("-extensions"), QStringLiteral("server"), QStringLiteral("-out"),
                        QStringLiteral("server.pem")});
    }

    QString m_dir;
    QString m_log;
};

} // namespace vantage::test
