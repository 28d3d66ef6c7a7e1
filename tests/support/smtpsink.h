#pragma once

// A real SMTP server for the tests (tests/support/smtpsink.py on Debian's aiosmtpd; the system's
// Python, which has it, not whichever python3 comes first in PATH) and the messages it received,
// decoded.
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStringList>

#include <sys/prctl.h>

#include <csignal>

namespace vantage::test {

struct ReceivedMail
{
    QString envelopeTo;
    QString subject;  // decoded
    QString body;     // decoded
    QByteArray raw;  // with \n line ends
};

class SmtpSink
{
public:
    explicit SmtpSink(QString folder) : m_folder(std::move(folder)) {}
    ~SmtpSink() { stop(); }

    // port 0: a free one; the same port again after stop() to come back where clients expect it.
    // options: smtpsink.py's (--starttls CERT KEY, --tls CERT KEY, --auth USER:PASSWORD).
    bool start(quint16 port = 0, const QStringList &options = {})
    {
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start(QStringLiteral("/usr/bin/python3"),
                        QStringList{QStringLiteral(VANTAGE_SMTP_SINK_PATH), m_folder, QStringLiteral("--port"), QString::number(port)} + options);
        if (m_process.waitForReadyRead(15000))
            m_port = quint16(m_process.readLine().trimmed().toUInt());
        if (m_port == 0)
            qWarning("smtpsink.py did not start: %s", m_process.readAllStandardError().constData());
        return m_port != 0;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    quint16 port() const { return m_port; }
    QString relay() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

    QList<ReceivedMail> messages() const
    {
        QList<ReceivedMail> mails;
        const QDir dir(m_folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ReceivedMail mail;
            mail.raw = file.readAll().replace("\r\n", "\n");  // smtpd hands the data on with \n line ends
            const qsizetype split = mail.raw.indexOf("\n\n");
            const QByteArray head = mail.raw.left(split);
            mail.envelopeTo = QString::fromUtf8(header(head, "X-Envelope-To"));
            mail.subject = decodeWords(header(head, "Subject"));
            mail.body = QString::fromUtf8(QByteArray::fromBase64(mail.raw.mid(split + 2))).replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
            mails << mail;
        }
        return mails;
    }

private:
    // A header's value with its folded lines joined.
    static QByteArray header(const QByteArray &head, const QByteArray &name)
    {
        QByteArray value;
        bool inside = false;
        for (const QByteArray &clean : head.split('\n')) {
            if (inside && (clean.startsWith(' ') || clean.startsWith('\t'))) {
                value += clean.trimmed();
                continue;
            }
            inside = clean.startsWith(name + ':');
            if (inside)
                value = clean.mid(name.size() + 1).trimmed();
        }
        return value;
    }
    static QString decodeWords(const QByteArray &value)
    {
        static const QRegularExpression word(QStringLiteral(R"(=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=)"));
        QString text = QString::fromLatin1(value);
        if (!text.contains(QStringLiteral("=?")))
            return text;
        QByteArray decoded;
        for (const QRegularExpressionMatch &m : word.globalMatch(text))
            decoded += QByteArray::fromBase64(m.captured(1).toLatin1());
        return QString::fromUtf8(decoded);
    }

    QString m_folder;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace vantage::test
