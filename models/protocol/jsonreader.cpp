#include "jsonreader.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::JsonReader)
};

QString at(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + u'.' + key;
}
} // namespace

Error JsonReader::error() const
{
    return {ErrorCode::InvalidInput, Tr::tr("The message is malformed: %1").arg(m_error), m_error};
}

void JsonReader::fail(const QString &path, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = path.isEmpty() ? problem : QStringLiteral("%1 %2").arg(path, problem);
}

bool JsonReader::isSafeInteger(const QJsonValue &value)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    return std::isfinite(d) && std::floor(d) == d && std::fabs(d) <= static_cast<double>(kMaxSafeInteger);
}

bool JsonReader::isUuid(const QString &text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash != (c == u'-'))
            return false;
        if (!dash && !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

QString JsonReader::string(const QJsonObject &object, const QString &key, const QString &path, bool required,
                           int maxLength)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(at(path, key), Tr::tr("is required"));
        return {};
    }
    if (!value.isString()) {
        fail(at(path, key), Tr::tr("must be a string"));
        return {};
    }
    if (value.toString().size() > maxLength) {
        fail(at(path, key), Tr::tr("is longer than %1 characters").arg(maxLength));
        return {};
    }
    return value.toString();
}

qint64 JsonReader::integer(const QJsonObject &object, const QString &key, const QString &path, bool required,
                           qint64 minimum, qint64 maximum)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(at(path, key), Tr::tr("is required"));
        return minimum;
    }
    if (!isSafeInteger(value)) {
        fail(at(path, key), Tr::tr("must be an integer"));
        return minimum;
    }
    const qint64 result = value.toInteger();
    if (result < minimum || result > maximum) {
        fail(at(path, key), Tr::tr("must be between %1 and %2").arg(minimum).arg(maximum));
        return minimum;
    }
    return result;
}

bool JsonReader::boolean(const QJsonObject &object, const QString &key, const QString &path, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(at(path, key), Tr::tr("is required"));
        return false;
    }
    if (!value.isBool()) {
        fail(at(path, key), Tr::tr("must be true or false"));
        return false;
    }
    return value.toBool();
}

QJsonObject JsonReader::object(const QJsonObject &object, const QString &key, const QString &path, bool required)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(at(path, key), Tr::tr("is required"));
        return {};
    }
    if (!value.isObject()) {
        fail(at(path, key), Tr::tr("must be an object"));
        return {};
    }
    return value.toObject();
}

QJsonArray JsonReader::array(const QJsonObject &object, const QString &key, const QString &path, bool required,
                             int maxItems)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(at(path, key), Tr::tr("is required"));
        return {};
    }
    if (!value.isArray()) {
        fail(at(path, key), Tr::tr("must be an array"));
        return {};
    }
    if (value.toArray().size() > maxItems) {
        fail(at(path, key), Tr::tr("has more than %1 items").arg(maxItems));
        return {};
    }
    return value.toArray();
}

bool parseJsonObject(const QByteArray &json, QJsonObject &object, JsonReader &reader)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        reader.fail(QString(), QCoreApplication::translate("vantage::core::JsonReader", "is not JSON (%1 at byte %2)")
                                   .arg(error.errorString())
                                   .arg(error.offset));
        return false;
    }
    if (!document.isObject()) {
        reader.fail(QString(), QCoreApplication::translate("vantage::core::JsonReader", "must be a JSON object"));
        return false;
    }
    object = document.object();
    return true;
}

} // namespace vantage::core
