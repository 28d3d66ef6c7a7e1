#include "conflictdialog.h"

#include "domain/enumlabels.h"
#include "domain/money.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vantage::ui {
namespace {

enum Column { Name, Base, Server, Mine, Keep };

// A Keep choice; each item's data says whether it takes this computer's side.
QComboBox *choiceBox(QWidget *parent, const std::vector<std::pair<QString, bool>> &items, bool mine, bool open)
{
    auto *box = new QComboBox(parent);
    for (const auto &[text, takesMine] : items)
        box->addItem(text, takesMine);
    box->setCurrentIndex(box->findData(mine));
    box->setEnabled(open);
    return box;
}

void addRow(QTableWidget *table, const QStringList &texts, bool differs, QComboBox *keep)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = Name; column <= Mine; ++column) {
        auto *item = new QTableWidgetItem(texts.at(column));
        item->setToolTip(texts.at(column));
        if (differs)
            item->setBackground(QColor(0xff, 0xf3, 0xc4));
        table->setItem(row, column, item);
    }
    table->setCellWidget(row, Keep, keep);
}

} // namespace

ConflictDialog::ConflictDialog(const QJsonObject &conflict, QWidget *parent) : QDialog(parent), m_lines(conflict)
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(tr("Resolve a conflict"));
    m_base = conflict.value(QStringLiteral("base")).toObject();
    m_server = conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("row")).toObject();
    m_serverVersion = conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("version")).toInteger();
    m_mine = conflict.value(QStringLiteral("client")).toObject().value(QStringLiteral("set")).toObject();
    m_currency = m_mine.value(QStringLiteral("currency")).toString(m_server.value(QStringLiteral("currency")).toString());
    // Every field either side has; the server's order first, then fields only this computer set.
    m_fields = m_server.keys();
    for (const QString &field : m_mine.keys())
        if (!m_fields.contains(field))
            m_fields.append(field);
    m_fields.removeAll(QStringLiteral("created_at"));

    auto *layout = new QVBoxLayout(this);
    const QString document = core::EnumLabels::label(core::EnumLabels::Kind::Entity, conflict.value(QStringLiteral("entity")).toString());
    auto *intro = new QLabel(tr("This %1 was changed on the server (version %2) after you last synced, and you changed it on this "
                                "computer too. Rows in colour differ. Choose what to keep for each field and each line.")
                                 .arg(document)
                                 .arg(conflict.value(QStringLiteral("server")).toObject().value(QStringLiteral("version")).toInteger()),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *all = new QHBoxLayout;
    auto *allServer = new QPushButton(tr("All from the server"), this);
    auto *allMine = new QPushButton(tr("All from this computer"), this);
    connect(allServer, &QPushButton::clicked, this, [this] { chooseAll(false); });
    connect(allMine, &QPushButton::clicked, this, [this] { chooseAll(true); });
    all->addWidget(allServer);
    all->addWidget(allMine);
    all->addStretch(1);
    layout->addLayout(all);
    m_table = newTable(QStringLiteral("conflictFields"), tr("Field"));
    layout->addWidget(m_table, 1);
    fillFields();
    m_lineTable = newTable(QStringLiteral("conflictLines"), tr("Line"));
    layout->addWidget(m_lineTable, 1);
    fillLines();
    m_lineTable->setVisible(!m_lines.lines().empty());

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
    resize(960, 640);
}

QTableWidget *ConflictDialog::newTable(const QString &name, const QString &firstColumn)
{
    auto *table = new QTableWidget(0, 5, this);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels({firstColumn, tr("Before both changes"), tr("Server"), tr("This computer"), tr("Keep")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
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

void ConflictDialog::fillFields()
{
    for (const QString &field : std::as_const(m_fields)) {
        const bool mineSet = m_mine.contains(field);
        const bool differs = mineSet && m_mine.value(field) != m_server.value(field);
        auto *keep = choiceBox(m_table, {{tr("Server"), false}, {tr("This computer"), true}}, differs, differs);
        addRow(m_table,
               {core::EnumLabels::label(core::EnumLabels::Kind::DocumentField, field), text(m_base.value(field)),
                text(m_server.value(field)), mineSet ? text(m_mine.value(field)) : text(m_server.value(field))},
               differs, keep);
        m_choices.push_back(keep);
    }
}

// One row per line. Where both sides have it, the user takes one side; a line only one side has
// (added there, or deleted on the other side: without the base nobody can tell which) is kept or
// dropped, kept by default so that nothing disappears unseen.
void ConflictDialog::fillLines()
{
    for (const sync::ConflictLine &line : m_lines.lines()) {
        QString state = tr("Only on this computer");
        std::vector<std::pair<QString, bool>> items{{tr("Keep"), true}, {tr("Drop"), false}};
        if (line.onBothSides()) {
            state = line.differs() ? tr("Different") : tr("The same");
            items = {{tr("Server"), false}, {tr("This computer"), true}};
        } else if (line.server) {
            state = tr("Only on the server");
            items = {{tr("Keep"), false}, {tr("Drop"), true}};
        }
        const bool initial = line.onBothSides() ? line.differs() : items.front().second; // as for fields: mine where they differ
        auto *keep = choiceBox(m_lineTable, items, initial, line.differs());
        addRow(m_lineTable, {state, tr("not kept"), lineText(line, line.server), lineText(line, line.mine)}, line.differs(), keep);
        m_lineTable->item(m_lineTable->rowCount() - 1, Base)
            ->setToolTip(tr("The server keeps only the current copy of a line, so how it was before both changes is not known."));
        m_lineChoices.push_back(keep);
    }
}

// "Server rack · 3 × ¥8,800.00 = ¥26,400.00" for a quote line, "Payment: 30 days net" for a clause.
QString ConflictDialog::lineText(const sync::ConflictLine &line, const std::optional<QJsonObject> &fields) const
{
    if (!fields)
        return QStringLiteral("—");
    if (line.entity == QLatin1String("contract_clause"))
        return tr("%1: %2").arg(fields->value(QStringLiteral("title")).toString(), fields->value(QStringLiteral("body")).toString());
    const core::Currency currency = core::Currency::fromCode(m_currency).value_or(core::Currency::usd());
    const auto money = [&](const QString &field) { return core::Money(fields->value(field).toInteger(), currency).format(locale()); };
    return tr("%1 · %2 × %3 = %4")
        .arg(fields->value(QStringLiteral("description")).toString(), locale().toString(fields->value(QStringLiteral("quantity")).toInteger()),
             money(QStringLiteral("unit_price_minor")), money(QStringLiteral("amount_minor")));
}

void ConflictDialog::chooseAll(bool mine)
{
    for (const auto *choices : {&m_choices, &m_lineChoices})
        for (QComboBox *choice : *choices)
            if (choice->isEnabled())
                choice->setCurrentIndex(choice->findData(mine));
}

int ConflictDialog::differingFields() const
{
    return static_cast<int>(std::count_if(m_choices.begin(), m_choices.end(), [](QComboBox *c) { return c->isEnabled(); }));
}

int ConflictDialog::differingLines() const
{
    return static_cast<int>(std::count_if(m_lineChoices.begin(), m_lineChoices.end(), [](QComboBox *c) { return c->isEnabled(); }));
}

QJsonObject ConflictDialog::resolution() const
{
    if (m_choice == QLatin1String("server"))
        return {{QStringLiteral("choice"), m_choice}};
    const bool allMine = m_choice == QLatin1String("client");
    QJsonObject row = m_server;
    row.remove(QStringLiteral("created_at"));
    for (int i = 0; i < m_fields.size(); ++i)
        if (allMine || m_choices.at(static_cast<size_t>(i))->currentData().toBool())
            if (m_mine.contains(m_fields.at(i)))
                row.insert(m_fields.at(i), m_mine.value(m_fields.at(i)));
    std::vector<bool> linesFromMine;
    for (const QComboBox *choice : m_lineChoices)
        linesFromMine.push_back(allMine || choice->currentData().toBool());
    return {{QStringLiteral("choice"), m_choice}, {QStringLiteral("row"), row},
            {QStringLiteral("children"), core::childrenJson(m_lines.merged(linesFromMine))},
            {QStringLiteral("serverVersion"), m_serverVersion}};
}

} // namespace vantage::ui
