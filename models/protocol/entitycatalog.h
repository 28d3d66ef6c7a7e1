#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace vantage::core {

// How a field travels in sync messages (JSON) and is stored in the client's SQLite tables.
enum class FieldType {
    Text,      // JSON string
    Reference, // JSON string: the lower-case UUID of another record ("account_id")
    Integer,   // JSON integer, |x| <= 2^53 (money in minor units included: never a double)
    Boolean,   // JSON true/false, stored 0/1
    Date,      // JSON "YYYY-MM-DD"
    Timestamp, // JSON integer, UTC ms since the epoch
};

struct EntityField
{
    QString name;
    FieldType type = FieldType::Text;
    bool required = false;
};

// What happens when two devices change the same record (SYNC.md, Conflicts).
enum class ConflictPolicy {
    FieldMerge, // 3-way merge per field; guarded fields are rejected on concurrent change
    Document,   // baseVersion must match; otherwise a conflict a person resolves
    ServerOwned // clients read it; only administrators change it on the server
};

// One synced record type: its client table, fields and rules. The client, the server and the
// protocol parser all read this one description, so a field added here is synced everywhere.
struct EntityDescriptor
{
    QString name;  // "opportunity" — also the client table name
    ConflictPolicy policy = ConflictPolicy::FieldMerge;
    std::vector<EntityField> fields; // without the sync columns (id, region_id, version, deleted, updated_at)
    QStringList guardedFields;       // FieldMerge: concurrent edits of these are rejected, not merged
    QString parentEntity;            // Document children: the document they belong to ("quote")
    QString parentField;             // … and the field that names it ("quote_id")
    // Rows may be company-wide (no region): written by who sees every region (the company's next
    // steps, funnel alert rules and states). Other entities always carry a region, except for
    // what an administrator writes.
    bool companyWide = false;

    const EntityField *field(const QString &fieldName) const;
    bool isChild() const { return !parentEntity.isEmpty(); }
};

class EntityCatalog
{
public:
    static const EntityCatalog &instance();

    const EntityDescriptor *find(const QString &name) const;
    const std::vector<EntityDescriptor> &entities() const { return m_entities; }
    // The children that travel with a document ("quote" → "quote_line").
    std::vector<const EntityDescriptor *> childrenOf(const QString &document) const;

private:
    EntityCatalog();
    std::vector<EntityDescriptor> m_entities;
};

} // namespace vantage::core
