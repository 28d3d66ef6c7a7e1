#pragma once

#include <QLoggingCategory>

namespace vantage::core {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcImport)
} // namespace vantage::core
