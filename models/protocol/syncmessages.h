#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace vantage::core {

// The sync protocol's messages (SYNC.md, version 1) and their strict JSON parsers. Parsers reject
// anything unexpected with a message that names the field ("mutations[2].mid"), so the server can
// answer 400 and the fuzzers have one place to hammer.

inline constexpr int kProtocolVersion = 1;
inline constexpr int kMaxMutationsPerPush = 500;
inline constexpr int kMaxPullLimit = 5000;

// A child row of a document (a quote line) sent with its document.
struct ChildRow
{
    QString entity;
    QString id;
    QJsonObject fields;
    bool deleted = false;
};

struct Mutation
{
    qint64 mid = 0;      // per-client, increasing by one
    QString name;        // "opportunity.save@1", "opportunity.delete@1", "quote.save@1"
    QString id;          // the row
    qint64 baseVersion = 0;
    QJsonObject set;     // fields to write (may include "region_id")
    QJsonObject base;    // FieldMerge: the values the client saw before its change
    std::vector<ChildRow> children; // Document: the full set of lines after the change

    QString entity() const;  // "opportunity"
    QString action() const;  // "save" | "delete"
    int handlerVersion() const; // 1
};

struct PushRequest
{
    QString clientId;
    std::vector<Mutation> mutations;
};

struct MutationResult
{
    qint64 mid = 0;
    QString status; // applied | merged | rejected | conflict
    qint64 version = 0;
    QString code;    // machine-readable reason ("out_of_scope", "guarded_field", …)
    QString message; // for the user, in English; the client translates known codes
    QString field;   // guarded_field: the field someone else changed (the client names it in the user's language)
    QString conflictId;
    QString documentNumber; // server-assigned quote/contract number
};

struct PushResponse
{
    qint64 lastMid = 0;
    std::vector<MutationResult> results;
};

struct PullRequest
{
    QString clientId;
    qint64 cursor = 0;
    int limit = 1000;
    int scopeEpoch = 0;
};

struct Change
{
    qint64 seq = 0;
    QString entity;
    QString id;
    QString op; // put | del | evict
    qint64 version = 0;
    QString regionId;
    QJsonObject row; // put: every field of the row
};

struct PullResponse
{
    std::vector<Change> changes;
    qint64 lastMid = 0;
    qint64 cursor = 0;
    bool more = false;
    QString reset;           // empty, or scope | horizon | schema
    QStringList regionsRemoved; // reset=scope
    QStringList regionsAdded;
    int scopeEpoch = 0;
};

// GET /v1/snapshot?entity=…: one keyset page of an entity's rows as the server has them now.
struct SnapshotRow
{
    QString id;
    QString regionId;
    qint64 version = 0;
    QJsonObject row; // every field
};

struct SnapshotPage
{
    QString entity;
    std::vector<SnapshotRow> rows;
    QString next; // the id to continue after; empty on the entity's last page
    qint64 at = 0; // the change-log position the page was read at
};

// A document's lines as the protocol carries them: [{entity, id, fields, deleted}] (push mutations,
// conflict records, conflict resolutions, the outbox).
QJsonArray childrenJson(const std::vector<ChildRow> &children);
// Unchecked: for JSON this program wrote itself (the outbox, a stored conflict).
std::vector<ChildRow> childrenFromJson(const QJsonArray &array);
// The "children" of a message, checked like a push's: each a part of `document`, with an id and
// complete fields.
Result<std::vector<ChildRow>> parseChildren(const QJsonObject &object, const QString &document);

Result<PushRequest> parsePushRequest(const QByteArray &json);
QByteArray toJson(const PushRequest &request);
Result<PushResponse> parsePushResponse(const QByteArray &json);
QByteArray toJson(const PushResponse &response);
Result<PullRequest> parsePullRequest(const QByteArray &json);
QByteArray toJson(const PullRequest &request);
Result<PullResponse> parsePullResponse(const QByteArray &json);
QByteArray toJson(const PullResponse &response);
// Checks the page belongs to `entity` as well as every row's id, region and fields.
Result<SnapshotPage> parseSnapshotPage(const QByteArray &json, const QString &entity);
QByteArray toJson(const SnapshotPage &page);

// Checks a row's fields against the entity catalog: known names, JSON types, required fields
// (when `complete`), and values the local column accepts. The message names the first bad field.
Status validateFields(const QString &entity, const QJsonObject &fields, bool complete, const QString &where);

} // namespace vantage::core
