#include "refusedchangedialog.h"

#include "domain/enumlabels.h"
#include "protocol/entitycatalog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace vantage::ui {

RefusedChangeDialog::RefusedChangeDialog(sync::RefusedChange change, QWidget *parent)
    : QDialog(parent), m_change(std::move(change)), m_names(m_change.fields())
{
    setObjectName(QStringLiteral("refusedChangeDialog"));
    setWindowTitle(tr("Correct a refused change"));
    auto *layout = new QVBoxLayout(this);
    const core::Mutation &m = m_change.entry.mutation;
    const QString record = core::EnumLabels::label(core::EnumLabels::Kind::Entity, m.entity());
    auto *intro = new QLabel(tr("The server refused your change to this %1 (…%2): %3\n\nCorrect the values to send. Only what "
                                "differs from the server's values is sent; the rest is settled.")
                                 .arg(record.toLower(), m.id.right(6),
                                      sync::refusalText(m_change.entry)),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("refusedFields"));
    m_table->setHorizontalHeaderLabels({tr("Field"), tr("On the server"), tr("To send")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->hide();
    layout->addWidget(m_problem);
    fillTable();

    auto *buttons = new QDialogButtonBox(this);
    m_send = buttons->addButton(tr("Send corrected"), QDialogButtonBox::AcceptRole);
    m_keepServer = buttons->addButton(tr("Keep the server's values"), QDialogButtonBox::DestructiveRole);
    // A record the server never took has no values there to keep.
    m_keepServer->setEnabled(m_change.current.exists && m_change.current.version > 0);
    buttons->addButton(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    disconnect(buttons, nullptr, this, nullptr);
    connect(m_send, &QPushButton::clicked, this, &RefusedChangeDialog::sendCorrected);
    connect(m_keepServer, &QPushButton::clicked, this, &RefusedChangeDialog::keepServer);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(720, 420);
}

QString RefusedChangeDialog::shownValue(const QString &field, const QJsonValue &value) const
{
    if (value.isUndefined())
        return tr("(not on the server)");
    if (field == QLatin1String("region_id")) {
        for (const auto &[id, name] : m_change.regions)
            if (id == value.toString())
                return core::EnumLabels::dataName(name);
        return value.isNull() ? tr("(no region)") : value.toString();
    }
    return m_change.editableText(field, value);
}

void RefusedChangeDialog::fillTable()
{
    m_table->setRowCount(int(m_names.size()));
    for (int row = 0; row < m_names.size(); ++row) {
        const QString &name = m_names[row];
        const QString label = core::EnumLabels::label(core::EnumLabels::Kind::DocumentField, name);
        auto *field = new QTableWidgetItem(name == QLatin1String("region_id") ? tr("Region") : label);
        auto *server = new QTableWidgetItem(shownValue(name, m_change.serverValue(name)));
        for (QTableWidgetItem *item : {field, server})
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, Field, field);
        m_table->setItem(row, Server, server);
        if (name == QLatin1String("region_id")) {
            m_region = new QComboBox(m_table);
            const core::EntityDescriptor *entity = core::EntityCatalog::instance().find(m_change.entry.mutation.entity());
            if (entity && entity->companyWide)  // other records always carry a region
                m_region->addItem(tr("(no region)"), QString());
            for (const auto &[id, regionName] : m_change.regions)
                m_region->addItem(core::EnumLabels::dataName(regionName), id);
            m_region->setCurrentIndex(std::max(0, m_region->findData(m_change.refusedValue(name).toString())));
            m_table->setCellWidget(row, ToSend, m_region);
            continue;
        }
        m_table->setItem(row, ToSend, new QTableWidgetItem(m_change.editableText(name, m_change.refusedValue(name))));
    }
    m_table->resizeColumnsToContents();
}

void RefusedChangeDialog::sendCorrected()
{
    QJsonObject fields;
    for (int row = 0; row < m_names.size(); ++row) {
        const QString &name = m_names[row];
        if (name == QLatin1String("region_id")) {
            const QString region = m_region->currentData().toString();
            fields.insert(name, region.isEmpty() ? QJsonValue() : QJsonValue(region));
            continue;
        }
        auto value = m_change.valueFromText(name, m_table->item(row, ToSend)->text());
        if (!value) {
            m_problem->setText(tr("%1: %2").arg(m_table->item(row, Field)->text(), value.error().message));
            m_problem->show();
            m_table->setCurrentCell(row, ToSend);
            return;
        }
        fields.insert(name, value.value());
    }
    m_fields = fields;
    accept();
}

void RefusedChangeDialog::keepServer()
{
    QJsonObject fields;
    for (const QString &name : m_names)
        fields.insert(name, m_change.serverValue(name));
    m_fields = fields;
    accept();
}

QString RefusedChangeDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

} // namespace vantage::ui
