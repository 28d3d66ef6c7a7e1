#include "lazyconnectioncontext.h"

namespace vantage::core {

LazyConnectionContext::LazyConnectionContext(QString path, ProgressFunction progress)
    : m_path(std::move(path)), m_progress(std::move(progress))
{
}

LazyConnectionContext::~LazyConnectionContext() = default;

Result<QSqlDatabase> LazyConnectionContext::connection()
{
    if (!m_connection)
        m_connection = std::make_unique<ScopedConnection>(m_path, QStringLiteral("lazy"), ConnectionMode::ReadWrite);
    if (!m_connection->ok())
        return m_connection->error();
    return m_connection->database();
}

void LazyConnectionContext::setProgress(int value, int maximum, const QString &text)
{
    if (m_progress)
        m_progress(value, maximum, text);
}

} // namespace vantage::core
