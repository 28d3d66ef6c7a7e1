#include "conflictdialog.h"

#include "domain/enumlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vantage::ui {
namespace {

enum Column { Field, Base, Server, Mine, Keep };

} // namespace

ConflictDialog::ConflictDialog(const QJsonObject &conflict, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve a conflict"));
    m_base = conflict.value(QStringLiteral("base")).toObject();
    m_server = conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("row")).toObject();
    m_mine = conflict.value(QStringLiteral("client")).toObject().value(QStringLiteral("set")).toObject();
    m_mineLines = conflict.value(QStringLiteral("client")).toObject().value(QStringLiteral("children")).toArray();
    // Every field either side has; the server's order first, then fields only this computer set.
    m_fields = m_server.keys();
    for (const QString &field : m_mine.keys())
        if (!m_fields.contains(field))
            m_fields.append(field);
    m_fields.removeAll(QStringLiteral("created_at"));

    auto *layout = new QVBoxLayout(this);
    const QString document = core::EnumLabels::label(core::EnumLabels::Kind::Entity, conflict.value(QStringLiteral("entity")).toString());
    auto *intro = new QLabel(tr("This %1 was changed on the server (version %2) after you last synced, and you changed it on this "
                                "computer too. Rows in colour differ. Choose what to keep for each field.")
                                 .arg(document)
                                 .arg(conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("version")).toInteger()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("conflictFields"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("Before both changes"), tr("Server"), tr("This computer"), tr("Keep")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    fillTable();

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *keepServer = buttons->addButton(tr("Keep the server's version"), QDialogButtonBox::AcceptRole);
    QPushButton *keepMine = buttons->addButton(tr("Keep my version"), QDialogButtonBox::AcceptRole);
    QPushButton *merge = buttons->addButton(tr("Save my choices"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(keepServer, &QPushButton::clicked, this, [this] { m_choice = QStringLiteral("server"); });
    connect(keepMine, &QPushButton::clicked, this, [this] { m_choice = QStringLiteral("client"); });
    connect(merge, &QPushButton::clicked, this, [this] { m_choice = QStringLiteral("merged"); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(860, 520);
}

QString ConflictDialog::text(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return QStringLiteral("—");
    if (value.isBool())
        return value.toBool() ? tr("yes") : tr("no");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

void ConflictDialog::fillTable()
{
    m_table->setRowCount(static_cast<int>(m_fields.size()));
    for (int row = 0; row < m_fields.size(); ++row) {
        const QString &field = m_fields.at(row);
        const bool mineSet = m_mine.contains(field);
        const bool differs = mineSet && m_mine.value(field) != m_server.value(field);
        const QStringList texts{core::EnumLabels::label(core::EnumLabels::Kind::DocumentField, field), text(m_base.value(field)),
                                text(m_server.value(field)), mineSet ? text(m_mine.value(field)) : text(m_server.value(field))};
        for (int column = Field; column <= Mine; ++column) {
            auto *item = new QTableWidgetItem(texts.at(column));
            if (differs)
                item->setBackground(QColor(0xff, 0xf3, 0xc4));
            m_table->setItem(row, column, item);
        }
        auto *keep = new QComboBox(m_table);
        keep->addItem(tr("Server"), false);
        keep->addItem(tr("This computer"), true);
        keep->setCurrentIndex(differs ? 1 : 0);
        keep->setEnabled(differs);
        m_table->setCellWidget(row, Keep, keep);
        m_choices.push_back(keep);
    }
    addLinesRow();
}

// The lines (quote lines, contract clauses) travel as one unit: all from the server or all mine.
void ConflictDialog::addLinesRow()
{
    const int live = static_cast<int>(std::count_if(m_mineLines.begin(), m_mineLines.end(), [](const QJsonValue &line) {
        return !line[QStringLiteral("deleted")].toBool();
    }));
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    const QStringList texts{tr("Lines"), QStringLiteral("—"), tr("as on the server"), tr("%n line(s)", nullptr, live)};
    for (int column = Field; column <= Mine; ++column)
        m_table->setItem(row, column, new QTableWidgetItem(texts.at(column)));
    m_linesChoice = new QComboBox(m_table);
    m_linesChoice->addItem(tr("Server"), false);
    m_linesChoice->addItem(tr("This computer"), true);
    m_linesChoice->setEnabled(!m_mineLines.isEmpty());
    m_table->setCellWidget(row, Keep, m_linesChoice);
}

void ConflictDialog::chooseAll(bool mine)
{
    for (QComboBox *choice : m_choices)
        if (choice->isEnabled())
            choice->setCurrentIndex(mine ? 1 : 0);
    if (m_linesChoice->isEnabled())
        m_linesChoice->setCurrentIndex(mine ? 1 : 0);
}

int ConflictDialog::differingFields() const
{
    return static_cast<int>(std::count_if(m_choices.begin(), m_choices.end(), [](QComboBox *c) { return c->isEnabled(); }));
}

QJsonObject ConflictDialog::resolution() const
{
    if (m_choice == QLatin1String("server"))
        return {{QStringLiteral("choice"), m_choice}};
    QJsonObject row = m_server;
    row.remove(QStringLiteral("created_at"));
    for (int i = 0; i < m_fields.size(); ++i)
        if (m_choice == QLatin1String("client") || m_choices.at(static_cast<size_t>(i))->currentData().toBool())
            if (m_mine.contains(m_fields.at(i)))
                row.insert(m_fields.at(i), m_mine.value(m_fields.at(i)));
    QJsonObject answer{{QStringLiteral("choice"), m_choice}, {QStringLiteral("row"), row}};
    if (m_choice == QLatin1String("client") || m_linesChoice->currentData().toBool())
        answer.insert(QStringLiteral("children"), m_mineLines); // otherwise the server keeps its lines
    return answer;
}

} // namespace vantage::ui
