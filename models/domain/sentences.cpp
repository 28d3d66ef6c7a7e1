#include "sentences.h"

#include <QCoreApplication>

namespace vantage::core {

QString joinSentences(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    if (second.isEmpty())
        return first;
    return QCoreApplication::translate("vantage::core::Sentences", "%1 %2",
                                       "two complete sentences, one after the other")
        .arg(first, second);
}

} // namespace vantage::core
