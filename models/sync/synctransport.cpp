#include "synctransport.h"

#include "protocol/syncmessages.h"

#include "domain/uuid7.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

namespace vantage::sync {
namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::sync::SyncTransport)
};

bool isHttps(const QString &url)
{
    return url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// A certificate store holding the file's certificates, or nullptr when it holds none.
X509_STORE *storeFromFile(const QString &caFile)
{
    X509_STORE *store = X509_STORE_new();
    if (store && X509_STORE_load_file(store, QFile::encodeName(caFile).constData()) == 1)
        return store;
    X509_STORE_free(store);
    ERR_clear_error(); // a stale error in the queue would confuse the next TLS handshake
    return nullptr;
}

// Why OpenSSL refused the server's certificate, in its own (English) words, for the log.
QString verificationFailure(long verifyResult)
{
    if (verifyResult != X509_V_OK)
        return QString::fromLatin1(X509_verify_cert_error_string(verifyResult));
    return QStringLiteral("the certificate does not name this host");
}

httplib::Headers requestHeaders(const QString &accessToken)
{
    httplib::Headers headers{{"X-Vantage-Protocol", std::to_string(core::kProtocolVersion)},
                             {"X-Request-Id", core::Uuid7Generator::generate().toStdString()},
                             {"Accept-Encoding", "gzip"}};
    if (!accessToken.isEmpty())
        headers.emplace("Authorization", "Bearer " + accessToken.toStdString());
    return headers;
}

} // namespace

SyncTransport::SyncTransport(const QString &baseUrl, const QString &caCertificatePath)
    : m_baseUrl(baseUrl), m_caCertificatePath(caCertificatePath)
{
    connect();
}

SyncTransport::~SyncTransport() = default;

void SyncTransport::connect()
{
    m_client = std::make_unique<httplib::Client>(m_baseUrl.toStdString());
    m_client->set_connection_timeout(10, 0);
    m_client->set_read_timeout(60, 0);
    m_client->set_write_timeout(60, 0);
    m_client->set_keep_alive(true);
    m_client->set_tcp_nodelay(true); // small requests are not held back by Nagle's algorithm
    m_client->set_compress(true);   // gzip request bodies
    m_client->set_decompress(true); // and accept gzip answers
    if (!isHttps(m_baseUrl))
        return;
    m_client->enable_server_certificate_verification(true);
    // The client adopts the store and then adds the system's authorities to it, so the company
    // CA is trusted in addition to them. A file without certificates adds nothing.
    if (!m_caCertificatePath.isEmpty())
        if (X509_STORE *store = storeFromFile(m_caCertificatePath))
            m_client->set_ca_cert_store(store);
}

void SyncTransport::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
    connect();
}

core::Status SyncTransport::setCaCertificatePath(const QString &path)
{
    m_caCertificatePath = path;
    connect();
    if (path.isEmpty())
        return {};
    X509_STORE *probe = storeFromFile(path);
    if (!probe)
        return core::Error{core::ErrorCode::Io,
                           Tr::tr("The CA certificate file %1 cannot be read or holds no certificate.")
                               .arg(QDir::toNativeSeparators(path)),
                           QStringLiteral("X509_STORE_load_file failed")};
    X509_STORE_free(probe);
    return {};
}

HttpReply SyncTransport::replyFrom(const httplib::Result &result) const
{
    HttpReply reply;
    if (!result) {
        reply.error = QString::fromStdString(httplib::to_string(result.error()));
        if (result.error() == httplib::Error::SSLServerVerification) {
            reply.untrustedCertificate = true;
            reply.error += QStringLiteral(": ") + verificationFailure(m_client->get_openssl_verify_result());
        }
        return reply;
    }
    reply.status = result->status;
    reply.body = QByteArray::fromStdString(result->body);
    reply.retryAfterSeconds = std::atoi(result->get_header_value("Retry-After").c_str());
    return reply;
}

HttpReply SyncTransport::post(const QString &path, const QByteArray &json)
{
    return replyFrom(m_client->Post(path.toStdString(), requestHeaders(m_accessToken), json.constData(),
                                    static_cast<size_t>(json.size()), "application/json"));
}

HttpReply SyncTransport::get(const QString &pathAndQuery)
{
    return replyFrom(m_client->Get(pathAndQuery.toStdString(), requestHeaders(m_accessToken)));
}

} // namespace vantage::sync
