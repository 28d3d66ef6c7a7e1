#include "xlsxwriter.h"

#include "exporting/exportfile.h"
#include "exporting/xlsxsheet.h"
#include "exporting/zipwriter.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

namespace vantage::core {
namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vantage::core::XlsxWriter)
};

const QString kXmlHeader = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
const QString kMainNs = QStringLiteral("http://schemas.openxmlformats.org/spreadsheetml/2006/main");
const QString kRelNs = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");
const QString kPackageRelNs = QStringLiteral("http://schemas.openxmlformats.org/package/2006/relationships");
const QString kTypePrefix = QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.");
constexpr int kFirstCustomFormat = 164; // ids below are Excel's built-in formats
constexpr int kFirstNumberStyle = XlsxSheet::kHeaderStyle + 1;

// The first n UTF-16 units, without splitting a surrogate pair.
QString leftChars(const QString &text, qsizetype n)
{
    if (text.size() <= n)
        return text;
    return text.left(text.at(n - 1).isHighSurrogate() ? n - 1 : n);
}

QString trimmedName(QString name)
{
    name = name.trimmed();
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    return name.trimmed();
}

QString contentTypes(qsizetype sheetCount)
{
    QString xml = kXmlHeader
        + QStringLiteral("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
                         "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                         "<Override PartName=\"/xl/workbook.xml\" ContentType=\"%1sheet.main+xml\"/>"
                         "<Override PartName=\"/xl/styles.xml\" ContentType=\"%1styles+xml\"/>")
              .arg(kTypePrefix);
    for (qsizetype i = 1; i <= sheetCount; ++i)
        xml += QStringLiteral("<Override PartName=\"/xl/worksheets/sheet%1.xml\" ContentType=\"%2worksheet+xml\"/>")
                   .arg(QString::number(i), kTypePrefix);
    return xml + QStringLiteral("</Types>");
}

QString packageRels()
{
    return kXmlHeader
        + QStringLiteral("<Relationships xmlns=\"%1\"><Relationship Id=\"rId1\" Type=\"%2/officeDocument\" "
                         "Target=\"xl/workbook.xml\"/></Relationships>")
              .arg(kPackageRelNs, kRelNs);
}

QString workbook(const QStringList &names)
{
    QString sheets;
    for (qsizetype i = 0; i < names.size(); ++i)
        sheets += QStringLiteral("<sheet name=\"%1\" sheetId=\"%2\" r:id=\"rId%2\"/>")
                      .arg(XlsxSheet::escaped(names.at(i)), QString::number(i + 1));
    return kXmlHeader
        + QStringLiteral("<workbook xmlns=\"%1\" xmlns:r=\"%2\"><bookViews><workbookView/></bookViews>"
                         "<sheets>%3</sheets></workbook>")
              .arg(kMainNs, kRelNs, sheets);
}

QString workbookRels(qsizetype sheetCount)
{
    QString rels;
    for (qsizetype i = 1; i <= sheetCount; ++i)
        rels += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2/worksheet\" Target=\"worksheets/sheet%1.xml\"/>")
                    .arg(QString::number(i), kRelNs);
    rels += QStringLiteral("<Relationship Id=\"rId%1\" Type=\"%2/styles\" Target=\"styles.xml\"/>")
                .arg(QString::number(sheetCount + 1), kRelNs);
    return kXmlHeader + QStringLiteral("<Relationships xmlns=\"%1\">%2</Relationships>").arg(kPackageRelNs, rels);
}

// Every number format used, in order of first use.
QStringList numberFormats(const QList<TableSheet> &sheets)
{
    QStringList formats;
    for (const TableSheet &sheet : sheets) {
        for (const TableRow &row : sheet.rows) {
            for (const TableCell &cell : row) {
                if (cell.kind == TableCell::Kind::Number && !cell.numberFormat.isEmpty()
                    && !formats.contains(cell.numberFormat))
                    formats << cell.numberFormat;
            }
        }
    }
    return formats;
}

QString styles(const QStringList &formats)
{
    QString numFmts;
    QString numberXfs;
    for (qsizetype i = 0; i < formats.size(); ++i) {
        const QString id = QString::number(kFirstCustomFormat + i);
        numFmts += QStringLiteral("<numFmt numFmtId=\"%1\" formatCode=\"%2\"/>")
                       .arg(id, XlsxSheet::escaped(formats[i]));
        numberXfs += QStringLiteral("<xf numFmtId=\"%1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" "
                                    "applyNumberFormat=\"1\"/>").arg(id);
    }
    if (!formats.isEmpty())
        numFmts = QStringLiteral("<numFmts count=\"%1\">%2</numFmts>").arg(QString::number(formats.size()), numFmts);
    const QString font = QStringLiteral("<font>%1<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>");
    return kXmlHeader
        + QStringLiteral(
              "<styleSheet xmlns=\"%1\">%2<fonts count=\"2\">%3%4</fonts>"
              "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
              "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
              "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
              "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
              "<cellXfs count=\"%5\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
              "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>%6</cellXfs>"
              "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
              "</styleSheet>")
              .arg(kMainNs, numFmts, font.arg(QString()), font.arg(QStringLiteral("<b/>")),
                   QString::number(kFirstNumberStyle + formats.size()), numberXfs);
}

Status addSheets(ZipWriter &zip, const QList<TableSheet> &sheets, const QStringList &formats)
{
    QHash<QString, int> numberStyles;
    for (qsizetype i = 0; i < formats.size(); ++i)
        numberStyles.insert(formats[i], static_cast<int>(kFirstNumberStyle + i));
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        auto xml = XlsxSheet::xml(sheets[i], numberStyles, i == 0);
        if (!xml)
            return xml.error();
        if (Status added = zip.add(QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1), xml.value()); !added)
            return added;
    }
    return {};
}

} // namespace

Result<QByteArray> XlsxWriter::toBytes(const QList<TableSheet> &sheets)
{
    if (sheets.isEmpty())
        return Error{ErrorCode::InvalidInput, Tr::tr("There is nothing to export."),
                     QStringLiteral("xlsx: no sheets")};
    const QStringList formats = numberFormats(sheets);
    ZipWriter zip;
    Status status = zip.add(QStringLiteral("[Content_Types].xml"), contentTypes(sheets.size()).toUtf8());
    if (status)
        status = zip.add(QStringLiteral("_rels/.rels"), packageRels().toUtf8());
    if (status)
        status = zip.add(QStringLiteral("xl/workbook.xml"), workbook(sheetNames(sheets)).toUtf8());
    if (status)
        status = zip.add(QStringLiteral("xl/_rels/workbook.xml.rels"), workbookRels(sheets.size()).toUtf8());
    if (status)
        status = zip.add(QStringLiteral("xl/styles.xml"), styles(formats).toUtf8());
    if (status)
        status = addSheets(zip, sheets, formats);
    if (!status)
        return status.error();
    return zip.archive();
}

Status XlsxWriter::write(const QString &path, const QList<TableSheet> &sheets)
{
    auto bytes = toBytes(sheets);
    if (!bytes)
        return bytes.error();
    return ExportFile::save(path, bytes.value());
}

QString XlsxWriter::safeSheetName(const QString &name)
{
    static const QString forbidden = QStringLiteral("[]:*?/\\");
    QString safe;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name[i];
        if (c.isHighSurrogate() && i + 1 < name.size() && name[i + 1].isLowSurrogate()) {
            safe += c;
            safe += name[++i];
        } else if (forbidden.contains(c)) {
            safe += u'_';
        } else if (c.unicode() >= 0x20 && !c.isSurrogate() && c.unicode() < 0xFFFE) {
            safe += c;
        }
    }
    safe = trimmedName(leftChars(trimmedName(safe), kMaxSheetName));
    if (safe.compare(u"History", Qt::CaseInsensitive) == 0) // reserved by Excel
        safe += u'_';
    return safe.isEmpty() ? QStringLiteral("Sheet") : safe;
}

QStringList XlsxWriter::sheetNames(const QList<TableSheet> &sheets)
{
    QStringList names;
    QSet<QString> taken; // case-folded
    for (const TableSheet &sheet : sheets) {
        const QString base = safeSheetName(sheet.name);
        QString name = base;
        for (int n = 2; taken.contains(name.toCaseFolded()); ++n) {
            const QString suffix = QStringLiteral(" (%1)").arg(n);
            name = leftChars(base, kMaxSheetName - suffix.size()) + suffix;
        }
        taken.insert(name.toCaseFolded());
        names << name;
    }
    return names;
}

} // namespace vantage::core
