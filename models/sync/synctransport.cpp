#include "synctransport.h"

#include "protocol/syncmessages.h"

#include "domain/uuid7.h"

#include <httplib.h>

namespace vantage::sync {
namespace {

HttpReply replyFrom(const httplib::Result &result)
{
    HttpReply reply;
    if (!result) {
        reply.error = QString::fromStdString(httplib::to_string(result.error()));
        return reply;
    }
    reply.status = result->status;
    reply.body = QByteArray::fromStdString(result->body);
    reply.retryAfterSeconds = std::atoi(result->get_header_value("Retry-After").c_str());
    return reply;
}

} // namespace

SyncTransport::SyncTransport(const QString &baseUrl, const QString &caBundlePath)
    : m_baseUrl(baseUrl), m_client(std::make_unique<httplib::Client>(baseUrl.toStdString()))
{
    m_client->set_connection_timeout(10, 0);
    m_client->set_read_timeout(60, 0);
    m_client->set_write_timeout(60, 0);
    m_client->set_keep_alive(true);
    m_client->set_compress(true);   // gzip request bodies
    m_client->set_decompress(true); // and accept gzip answers
    if (!caBundlePath.isEmpty())
        m_client->set_ca_cert_path(caBundlePath.toStdString());
}

SyncTransport::~SyncTransport() = default;

HttpReply SyncTransport::post(const QString &path, const QByteArray &json)
{
    httplib::Headers headers{{"X-Vantage-Protocol", std::to_string(core::kProtocolVersion)},
                             {"X-Request-Id", core::Uuid7Generator::generate().toStdString()},
                             {"Accept-Encoding", "gzip"}};
    if (!m_accessToken.isEmpty())
        headers.emplace("Authorization", "Bearer " + m_accessToken.toStdString());
    return replyFrom(m_client->Post(path.toStdString(), headers, json.constData(), static_cast<size_t>(json.size()),
                                    "application/json"));
}

HttpReply SyncTransport::get(const QString &pathAndQuery)
{
    httplib::Headers headers{{"X-Vantage-Protocol", std::to_string(core::kProtocolVersion)},
                             {"X-Request-Id", core::Uuid7Generator::generate().toStdString()},
                             {"Accept-Encoding", "gzip"}};
    if (!m_accessToken.isEmpty())
        headers.emplace("Authorization", "Bearer " + m_accessToken.toStdString());
    return replyFrom(m_client->Get(pathAndQuery.toStdString(), headers));
}

} // namespace vantage::sync
