#pragma once

#include "serverdatabase.h"

#include "protocol/namedrow.h"

#include <QDate>

#include <vector>

namespace vantage::server {

// Makes a week's risk lists on the server for every region that has none yet (issue 5, ADR 0011).
// The laptops' own code makes the lists from a ScratchCopy of the synced rows, so a list made here
// and one a laptop made offline from the same data are the same record (ids derived from region
// and week) and merge field by field.
class RiskListMaker
{
public:
    struct Outcome
    {
        QString isoWeek;
        int made = 0;       // lists made and stored now
        int entries = 0;    // their entries
        int existing = 0;   // regions whose list was already there (made by a laptop or earlier)
        qint64 rowsRead = 0;
    };

    explicit RiskListMaker(const ServerDatabase &database) : m_database(database) {}

    // The lists of the ISO week that starts on `monday`, as of 00:00 UTC that day.
    core::Result<Outcome> makeWeek(const QDate &monday, qint64 nowMs) const;

private:
    core::Result<int> storeRows(const std::vector<core::NamedRow> &rows, qint64 nowMs) const;

    const ServerDatabase &m_database;
};

} // namespace vantage::server
