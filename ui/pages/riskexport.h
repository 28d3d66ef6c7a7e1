#pragma once

#include "analytics/risksnapshot.h"
#include "domain/result.h"

#include <QFuture>

class QPagedPaintDevice;

namespace vantage::ui {

// The Monday meeting's handout: the lists shown, as an HTML document (A4 landscape), with the
// reasons, next steps and follow-ups. title says week and region.
QString riskListHtml(const QString &title, const QString &subtitle, const std::vector<core::RiskListEntry> &entries,
                     const QHash<QString, core::RiskFollowUp> &followUps, const QHash<QString, QString> &regionNames,
                     const QHash<QString, QString> &actionRules);

// Written on the global thread pool; fails with a message naming the file.
QFuture<core::Status> saveRiskPdf(const QString &path, QString html);
// Lays the handout out on a printer or PDF writer (the caller's thread).
void printRiskHtml(QPagedPaintDevice *device, const QString &html);

} // namespace vantage::ui
