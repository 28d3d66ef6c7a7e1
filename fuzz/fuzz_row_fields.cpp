// validateFields and RowCodec: the field checks every row goes through — a push's set and base and a
// conflict resolution on the server (MutationApplier, ConflictService), a put row on the client —
// and the conversion that stores an accepted value in a client table. The first byte picks the
// entity, the second whether the row must be complete; the rest is the row as JSON.

#include "fuzzcheck.h"

#include "protocol/entitycatalog.h"
#include "protocol/jsonreader.h"
#include "protocol/rowcodec.h"
#include "protocol/syncmessages.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>

using namespace vantage;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 2)
        return 0;
    const auto &entities = core::EntityCatalog::instance().entities();
    const core::EntityDescriptor &entity = entities[data[0] % entities.size()];
    const bool complete = (data[1] & 1) != 0;
    const QByteArray json(reinterpret_cast<const char *>(data + 2), static_cast<qsizetype>(size - 2));
    const QJsonObject row = QJsonDocument::fromJson(json).object();

    const core::Status valid = core::validateFields(entity.name, row, complete, QStringLiteral("row"));
    if (!valid) {
        fuzz::checkRefusal(valid.error());
        return 0;
    }
    for (auto it = row.begin(); it != row.end(); ++it) {
        if (it.key() == QLatin1String("region_id"))
            continue; // a sync column, not a catalog field
        const core::EntityField *field = entity.field(it.key());
        fuzz::check(field != nullptr, "validateFields accepted an unknown field:", it.key());
        // An accepted value survives the client table: stored and read back, it is the same JSON.
        const QJsonValue stored = core::RowCodec::toJson(*field, core::RowCodec::toSql(*field, it.value()));
        fuzz::check(stored == it.value(), "an accepted value changes when stored:",
            entity.name + u'.' + it.key() + u' '
                + QString::fromUtf8(
                    QJsonDocument(QJsonObject { { it.key(), it.value() } }).toJson(QJsonDocument::Compact)));
    }
    if (complete)
        for (const core::EntityField &field : entity.fields)
            fuzz::check(!field.required || (row.contains(field.name) && !row.value(field.name).isNull()),
                "a complete row accepted without a required field:", field.name);
    return 0;
}
