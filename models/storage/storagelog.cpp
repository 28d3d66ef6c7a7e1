#include "storagelog.h"

// Info messages are off unless QT_LOGGING_RULES="vantage.*.info=true".
namespace vantage::core {
Q_LOGGING_CATEGORY(lcStore, "vantage.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcImport, "vantage.import", QtWarningMsg)
} // namespace vantage::core
