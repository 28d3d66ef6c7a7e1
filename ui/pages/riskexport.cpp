#include "riskexport.h"

#include "exporting/risklistsheet.h"
#include "itemmodels/risklistmodel.h"

#include "domain/enumlabels.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>
#include <QPageLayout>
#include <QPdfWriter>
#include <QTextDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace vantage::ui {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::ui::RiskExport)
};

QString cell(const QString &text)
{
    return QStringLiteral("<td>%1</td>").arg(text.toHtmlEscaped());
}

} // namespace

QString riskListHtml(const QString &title, const QString &subtitle, const std::vector<core::RiskListEntry> &entries,
                     const QHash<QString, core::RiskFollowUp> &followUps, const QHash<QString, QString> &regionNames,
                     const QHash<QString, QString> &actionRules)
{
    QString html = QStringLiteral("<html><body style=\"font-size:8pt\"><h2>%1</h2><p>%2</p>"
                                  "<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>")
                       .arg(title.toHtmlEscaped(), subtitle.toHtmlEscaped());
    for (const QString &header : {Tr::tr("#"), Tr::tr("Region"), Tr::tr("Opportunity or order"), Tr::tr("Customer"), Tr::tr("Owner"),
                                  Tr::tr("Amount"), Tr::tr("Risk"), Tr::tr("Since last week"), Tr::tr("Why"),
                                  Tr::tr("Suggested next step"), Tr::tr("Follow-up")})
        html += QStringLiteral("<th>%1</th>").arg(header.toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (const core::RiskListEntry &entry : entries) {
        const auto followUp = followUps.constFind(entry.id);
        QString done = core::followUpStatusLabel(followUp == followUps.constEnd() ? core::FollowUpStatus::Open : followUp->status);
        if (followUp != followUps.constEnd() && !followUp->note.isEmpty())
            done += QStringLiteral(": ") + followUp->note;
        html += QStringLiteral("<tr>") + cell(QString::number(entry.rank))
              + cell(core::EnumLabels::dataName(regionNames.value(entry.regionId))) + cell(core::riskDealTitle(entry.kind, entry.opportunityName))
              + cell(entry.accountName) + cell(core::riskOwnerText(entry.ownerName)) + cell(core::riskAmountText(entry.amountMinor, entry.currency))
              + cell(QStringLiteral("%1%").arg(qRound(entry.riskBp / 100.0))) + cell(core::riskChangeText(entry))
              + QStringLiteral("<td>%1</td>").arg(core::riskReasonTexts(entry).join(QStringLiteral("\n")).toHtmlEscaped().replace(
                    QLatin1Char('\n'), QStringLiteral("<br>")))
              + cell(core::riskEntryAction(entry, actionRules)) + cell(done) + QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table></body></html>");
    return html;
}

void printRiskHtml(QPagedPaintDevice *device, const QString &html)
{
    device->setPageOrientation(QPageLayout::Landscape);
    QTextDocument document;
    document.setHtml(html);
    document.print(device);
}

QFuture<core::Status> saveRiskPdf(const QString &path, QString html)
{
    return QtConcurrent::run([path, html = std::move(html)]() -> core::Status {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            QPdfWriter writer(&file);
            writer.setPageSize(QPageSize(QPageSize::A4));
            writer.setTitle(Tr::tr("Risk list"));
            printRiskHtml(&writer, html);
        }
        if (!file.commit())
            return core::Error{core::ErrorCode::Io,
                               Tr::tr("The PDF file %1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()),
                               path};
        return {};
    });
}

} // namespace vantage::ui
