#pragma once

#include "domain/error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace vantage::core {

// Reads typed values out of untrusted JSON. The first problem is kept, naming its path
// ("mutations[2].mid must be an integer"); later reads return defaults, so parsers read straight
// through and check ok() once.
class JsonReader
{
public:
    static constexpr qint64 kMaxSafeInteger = 9007199254740992LL; // 2^53: exact in every JSON parser

    bool ok() const { return m_error.isEmpty(); }
    Error error() const;
    void fail(const QString &path, const QString &problem);

    QString string(const QJsonObject &object, const QString &key, const QString &path, bool required,
                   int maxLength = 4096);
    qint64 integer(const QJsonObject &object, const QString &key, const QString &path, bool required,
                   qint64 minimum, qint64 maximum);
    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool required);
    QJsonObject object(const QJsonObject &object, const QString &key, const QString &path, bool required);
    QJsonArray array(const QJsonObject &object, const QString &key, const QString &path, bool required,
                     int maxItems);

    // A JSON value that is an integer within ±2^53 (not 1.5, not 1e300).
    static bool isSafeInteger(const QJsonValue &value);
    static bool isUuid(const QString &text);

private:
    QString m_error;
};

// Parses a whole message: a JSON object, or an error saying why not.
bool parseJsonObject(const QByteArray &json, QJsonObject &object, JsonReader &reader);

} // namespace vantage::core
