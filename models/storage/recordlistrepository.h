#pragma once

#include "recordlist.h"

#include "domain/result.h"

#include <QSqlDatabase>

namespace vantage::core {

// Reads one page of a record list: filtered, searched and sorted in SQL, so a list of a million
// rows costs one page of memory.
class RecordListRepository
{
public:
    explicit RecordListRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    Result<RecordListPage> fetch(const RecordListSpec &spec, const RecordListQuery &query) const;

private:
    QSqlDatabase m_db;
};

// Escapes LIKE wildcards so a search for "50%" finds "50%", not everything.
QString likePattern(const QString &search);

} // namespace vantage::core
