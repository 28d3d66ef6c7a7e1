#include "exporting/xlsxsheet.h"
#include "exporting/xlsxwriter.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace vantage::core {
namespace {

// Reads the workbook with nothing but Python's standard library: the zip (with its CRCs), every part
// as XML, and each cell's type, value, number format and boldness as the styles part says.
const char *const kStdlibReader = R"py(
import json, sys, zipfile, xml.etree.ElementTree as ET
M = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
R = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}'
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
parts = {n: ET.fromstring(z.read(n)) for n in z.namelist()}
st = parts['xl/styles.xml']
fmts = {f.get('numFmtId'): f.get('formatCode') for f in st.iter(M + 'numFmt')}
bold = [f.find(M + 'b') is not None for f in st.find(M + 'fonts')]
xfs = [(fmts.get(x.get('numFmtId'), 'General'), bold[int(x.get('fontId'))]) for x in st.find(M + 'cellXfs')]
rels = {r.get('Id'): r.get('Target') for r in parts['xl/_rels/workbook.xml.rels']}
typed = {o.get('PartName') for o in parts['[Content_Types].xml']}
sheets = []
for s in parts['xl/workbook.xml'].iter(M + 'sheet'):
    part = 'xl/' + rels[s.get(R + 'id')]
    ws, cells = parts[part], {}
    for c in ws.iter(M + 'c'):
        inline = c.get('t') == 'inlineStr'
        value = ''.join(t.text or '' for t in c.iter(M + 't')) if inline else c.find(M + 'v').text
        fmt, b = xfs[int(c.get('s', '0'))]
        cells[c.get('r')] = {'type': c.get('t', 'n'), 'value': value, 'format': fmt, 'bold': b}
    pane = ws.find(M + 'sheetViews/' + M + 'sheetView/' + M + 'pane')
    sheets.append({'name': s.get('name'), 'typed': '/' + part in typed, 'cells': cells,
                   'frozen': pane.get('topLeftCell') if pane is not None and pane.get('state') == 'frozen' else '',
                   'widths': [float(c.get('width')) for c in ws.iter(M + 'col')]})
print(json.dumps({'bad': bad, 'parts': sorted(z.namelist()), 'sheets': sheets}))
)py";

// Reads it with a real spreadsheet library: values as openpyxl types them, formats, fonts, panes.
const char *const kOpenpyxlReader = R"py(
import json, sys, openpyxl
out = []
for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            cells[c.coordinate] = {'value': repr(v) if isinstance(v, (int, float)) else v,
                                   'format': c.number_format, 'bold': bool(c.font.b)}
    out.append({'name': ws.title, 'frozen': ws.freeze_panes or '', 'cells': cells})
print(json.dumps(out))
)py";

QList<TableSheet> sampleWorkbook()
{
    TableSheet forecast;
    forecast.name = u"销售预测 Q3/Q4"_s;
    forecast.headers = {u"客户"_s, u"Amount (CNY)"_s, u"Share"_s, u"Note"_s};
    forecast.rows = {
        {TableCell::text(u"华东 & <Partners>"_s), TableCell::money(Money(123456789, Currency::cny())),
         TableCell::number(u"0.125"_s, u"0.0%"_s), TableCell::empty()},
        {TableCell::text(u"Line1\nLine2\a"_s), TableCell::number(u"-42"_s), TableCell::empty(),
         TableCell::text(u"=SUM(A1)"_s)},
    };
    TableSheet risk;
    risk.name = u"Risk"_s;
    risk.headers = {u"Order"_s};
    risk.rows = {{TableCell::text(u"_x0041_"_s)}};
    return {forecast, risk};
}

// Runs a Python script on the file and returns what it printed as JSON.
QJsonDocument runPython(const QString &python, const char *script, const QString &path)
{
    QProcess process;
    process.start(python, {u"-c"_s, QString::fromUtf8(script), path});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        qWarning("python failed: %s", process.readAllStandardError().constData());
    return QJsonDocument::fromJson(process.readAllStandardOutput());
}

bool canImport(const QString &python, const QString &module)
{
    QProcess process;
    process.start(python, {u"-c"_s, u"import "_s + module});
    return process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// A python3 that has the module: the one on PATH, else the system's (where apt installs packages).
QString pythonWith(const QString &module)
{
    for (const QString &python : {QStandardPaths::findExecutable(u"python3"_s), u"/usr/bin/python3"_s}) {
        if (!python.isEmpty() && QFile::exists(python) && canImport(python, module))
            return python;
    }
    return {};
}

} // namespace

class TestXlsxWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void safeSheetName_data();
    void safeSheetName();
    void sheetNamesAreUnique();
    void rejectsBadContent();
    void sameContentSameBytes();
    void readsBackWithPythonStdlib();
    void readsBackWithOpenpyxl();
    void writeFailsLeavingNoFile_data();
    void writeFailsLeavingNoFile();

private:
    QString writeSample();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestXlsxWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestXlsxWriter::writeSample()
{
    const QString path = m_dir->filePath(u"导出.xlsx"_s);
    const Status written = XlsxWriter::write(path, sampleWorkbook());
    if (!written)
        qWarning("%s", qPrintable(written.error().message));
    return written ? path : QString();
}

void TestXlsxWriter::safeSheetName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("safe");
    QTest::newRow("kept") << u"Forecast 2024"_s << u"Forecast 2024"_s;
    QTest::newRow("forbidden characters") << u"Q1/Q2 [a]:*?\\"_s << u"Q1_Q2 _a_____"_s;
    QTest::newRow("apostrophes at the ends") << u"'Risk'"_s << u"Risk"_s;
    QTest::newRow("inner apostrophe kept") << u"Rep's list"_s << u"Rep's list"_s;
    QTest::newRow("control characters") << u"a\tb\nc"_s << u"abc"_s;
    QTest::newRow("empty") << QString() << u"Sheet"_s;
    QTest::newRow("only apostrophes") << u"''"_s << u"Sheet"_s;
    QTest::newRow("reserved") << u"history"_s << u"history_"_s;
    QTest::newRow("31 characters") << QString(40, u'x') << QString(31, u'x');
    QTest::newRow("31 Chinese characters") << QString(40, QChar(0x9500)) << QString(31, QChar(0x9500));
    QTest::newRow("pair not split") << (QString(30, u'x') + u"😀"_s) << QString(30, u'x');
}

void TestXlsxWriter::safeSheetName()
{
    QFETCH(QString, name);
    QFETCH(QString, safe);
    QCOMPARE(XlsxWriter::safeSheetName(name), safe);
}

void TestXlsxWriter::sheetNamesAreUnique()
{
    QList<TableSheet> sheets(4);
    sheets[0].name = u"Sales"_s;
    sheets[1].name = u"sales"_s;
    sheets[2].name = u"Sales"_s;
    sheets[3].name = QString(31, u'y');
    const TableSheet longName = sheets[3];
    sheets.append(longName);
    QCOMPARE(XlsxWriter::sheetNames(sheets), (QStringList{u"Sales"_s, u"sales (2)"_s, u"Sales (3)"_s, QString(31, u'y'),
                                                          QString(27, u'y') + u" (2)"_s}));
}

void TestXlsxWriter::rejectsBadContent()
{
    QVERIFY(!XlsxWriter::toBytes({}).ok());

    QList<TableSheet> sheets = sampleWorkbook();
    sheets[0].rows[1][1] = TableCell::number(u"1e5"_s);
    const auto bytes = XlsxWriter::toBytes(sheets);
    QVERIFY(!bytes.ok());
    QCOMPARE(bytes.error().code, ErrorCode::InvalidInput);
    QVERIFY2(bytes.error().message.contains(u"销售预测 Q3/Q4"_s), qPrintable(bytes.error().message));
    QVERIFY2(bytes.error().message.contains(u"B3"_s), qPrintable(bytes.error().message));

    sheets = sampleWorkbook();
    sheets[1].rows[0][0] = TableCell::text(QString(XlsxSheet::kMaxTextLength + 1, u'a'));
    const auto tooLong = XlsxWriter::toBytes(sheets);
    QVERIFY(!tooLong.ok());
    QVERIFY2(tooLong.error().message.contains(u"A2"_s), qPrintable(tooLong.error().message));
}

void TestXlsxWriter::sameContentSameBytes()
{
    const auto first = XlsxWriter::toBytes(sampleWorkbook());
    const auto second = XlsxWriter::toBytes(sampleWorkbook());
    QVERIFY(first.ok() && second.ok());
    QVERIFY(first.value().startsWith("PK\x03\x04"));
    QCOMPARE(first.value(), second.value());
}

void TestXlsxWriter::readsBackWithPythonStdlib()
{
    const QString python = pythonWith(u"zipfile"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    const QString path = writeSample();
    QVERIFY(!path.isEmpty());
    const QJsonObject book = runPython(python, kStdlibReader, path).object();
    QVERIFY2(!book.isEmpty(), "the reader printed nothing");
    QVERIFY(book[u"bad"_s].isNull()); // every CRC matches
    QCOMPARE(book[u"parts"_s].toVariant().toStringList(),
             (QStringList{u"[Content_Types].xml"_s, u"_rels/.rels"_s, u"xl/_rels/workbook.xml.rels"_s,
                          u"xl/styles.xml"_s, u"xl/workbook.xml"_s, u"xl/worksheets/sheet1.xml"_s,
                          u"xl/worksheets/sheet2.xml"_s}));
    const QJsonArray sheets = book[u"sheets"_s].toArray();
    QCOMPARE(sheets.size(), 2);
    const QJsonObject forecast = sheets[0].toObject();
    QCOMPARE(forecast[u"name"_s].toString(), u"销售预测 Q3_Q4"_s);
    QVERIFY(forecast[u"typed"_s].toBool());
    QCOMPARE(forecast[u"frozen"_s].toString(), u"A2"_s);
    const QJsonObject cells = forecast[u"cells"_s].toObject();
    const auto cell = [&](const char *ref) { return cells[QString::fromLatin1(ref)].toObject().toVariantMap(); };
    const auto expect = [](const QString &type, const QString &value, const QString &format, bool bold) {
        return QVariantMap{{u"type"_s, type}, {u"value"_s, value}, {u"format"_s, format}, {u"bold"_s, bold}};
    };
    QCOMPARE(cell("A1"), expect(u"inlineStr"_s, u"客户"_s, u"General"_s, true));
    QCOMPARE(cell("D1"), expect(u"inlineStr"_s, u"Note"_s, u"General"_s, true));
    QCOMPARE(cell("A2"), expect(u"inlineStr"_s, u"华东 & <Partners>"_s, u"General"_s, false));
    QCOMPARE(cell("B2"), expect(u"n"_s, u"1234567.89"_s, u"#,##0.00"_s, false));
    QCOMPARE(cell("C2"), expect(u"n"_s, u"0.125"_s, u"0.0%"_s, false));
    QCOMPARE(cell("A3"), expect(u"inlineStr"_s, u"Line1\nLine2"_s, u"General"_s, false));
    QCOMPARE(cell("B3"), expect(u"n"_s, u"-42"_s, u"General"_s, false));
    QCOMPARE(cell("D3"), expect(u"inlineStr"_s, u"=SUM(A1)"_s, u"General"_s, false)); // text, not a formula
    QCOMPARE(cells.keys(), (QStringList{u"A1"_s, u"A2"_s, u"A3"_s, u"B1"_s, u"B2"_s, u"B3"_s, u"C1"_s, u"C2"_s,
                                       u"D1"_s, u"D3"_s})); // the empty cells D2 and C3 are not written
    const QJsonArray widths = forecast[u"widths"_s].toArray();
    QCOMPARE(widths.size(), 4);
    QVERIFY(widths[0].toDouble() >= XlsxSheet::displayWidth(u"华东 & <Partners>"_s));
    const QJsonObject risk = sheets[1].toObject();
    QCOMPARE(risk[u"name"_s].toString(), u"Risk"_s);
    // Excel reads _xHHHH_ as an escaped character; a literal one has its underscore escaped.
    QCOMPARE(risk[u"cells"_s][u"A2"_s][u"value"_s].toString(), u"_x005F_x0041_"_s);
}

void TestXlsxWriter::readsBackWithOpenpyxl()
{
    const QString python = pythonWith(u"openpyxl"_s);
    if (python.isEmpty())
        QSKIP("openpyxl is not installed (Debian: python3-openpyxl)");
    const QString path = writeSample();
    QVERIFY(!path.isEmpty());
    const QJsonArray sheets = runPython(python, kOpenpyxlReader, path).array();
    QCOMPARE(sheets.size(), 2);
    QCOMPARE(sheets[0][u"name"_s].toString(), u"销售预测 Q3_Q4"_s);
    QCOMPARE(sheets[0][u"frozen"_s].toString(), u"A2"_s);
    QCOMPARE(sheets[1][u"name"_s].toString(), u"Risk"_s);
    const QJsonObject cells = sheets[0][u"cells"_s].toObject();
    const auto cell = [&](const char *ref) { return cells[QString::fromLatin1(ref)].toObject().toVariantMap(); };
    const auto expect = [](const QVariant &value, const QString &format, bool bold) {
        return QVariantMap{{u"value"_s, value}, {u"format"_s, format}, {u"bold"_s, bold}};
    };
    QCOMPARE(cell("A1"), expect(u"客户"_s, u"General"_s, true));
    QCOMPARE(cell("B1"), expect(u"Amount (CNY)"_s, u"General"_s, true));
    QCOMPARE(cell("A2"), expect(u"华东 & <Partners>"_s, u"General"_s, false));
    QCOMPARE(cell("B2"), expect(u"1234567.89"_s, u"#,##0.00"_s, false));
    QCOMPARE(cell("C2"), expect(u"0.125"_s, u"0.0%"_s, false));
    QCOMPARE(cell("D2"), expect(QVariant::fromValue(nullptr), u"General"_s, false));
    QCOMPARE(cell("A3"), expect(u"Line1\nLine2"_s, u"General"_s, false));
    QCOMPARE(cell("B3"), expect(u"-42"_s, u"General"_s, false));
}

void TestXlsxWriter::writeFailsLeavingNoFile_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<bool>("badContent");
    QTest::newRow("folder does not exist") << u"missing/out.xlsx"_s << false;
    QTest::newRow("parent is a file") << u"plain.txt/out.xlsx"_s << false;
    QTest::newRow("bad number") << u"out.xlsx"_s << true;
}

void TestXlsxWriter::writeFailsLeavingNoFile()
{
    QFETCH(QString, relativePath);
    QFETCH(bool, badContent);
    QFile plain(m_dir->filePath(u"plain.txt"_s));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();
    QList<TableSheet> sheets = sampleWorkbook();
    if (badContent)
        sheets[0].rows[0][1] = TableCell::number(u"1,234.00"_s);

    const QString path = m_dir->filePath(relativePath);
    const Status written = XlsxWriter::write(path, sheets);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, badContent ? ErrorCode::InvalidInput : ErrorCode::Io);
    const QString where = badContent ? u"B2"_s : QDir::toNativeSeparators(path);
    QVERIFY2(written.error().message.contains(where), qPrintable(written.error().message));
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{u"plain.txt"_s});
}

} // namespace vantage::core

QTEST_GUILESS_MAIN(vantage::core::TestXlsxWriter)
#include "tst_xlsxwriter.moc"
