#pragma once

#include <QString>

namespace vantage::core {

// Joins two complete translated sentences the way the UI language does it ("A. B." in English,
// no space in Chinese). Messages are built from whole sentences, never from fragments.
QString joinSentences(const QString &first, const QString &second);

} // namespace vantage::core
