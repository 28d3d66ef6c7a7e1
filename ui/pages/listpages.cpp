#include "listpages.h"

#include "domain/enumlabels.h"
#include "storage/recordlistspecs.h"

namespace vantage::ui {
namespace {

using Choices = std::vector<std::pair<QString, QString>>;

Choices enumChoices(const QString &allLabel, core::EnumLabels::Kind kind)
{
    Choices choices{{QString(), allLabel}};
    for (const QString &code : core::EnumLabels::codes(kind))
        choices.emplace_back(code, core::EnumLabels::label(kind, code));
    return choices;
}

} // namespace

OpportunitiesPage::OpportunitiesPage(QWidget *parent)
    : RecordListPage(core::opportunityListSpec(), {QStringLiteral("region"), QStringLiteral("state"), QStringLiteral("stage")}, parent)
{
    retranslateUi();
}

QString OpportunitiesPage::title() const { return tr("Opportunities"); }
QString OpportunitiesPage::searchPlaceholder() const { return tr("Search by opportunity, account, owner or id"); }

Choices OpportunitiesPage::filterChoices(const QString &key) const
{
    if (key == QLatin1String("state"))
        return {{QStringLiteral("open"), tr("Open only")}, {QStringLiteral("closed"), tr("Closed only")},
                {QString(), tr("Open and closed")}};
    return enumChoices(tr("All stages"), core::EnumLabels::Kind::Stage);
}

OrdersPage::OrdersPage(QWidget *parent)
    : RecordListPage(core::orderListSpec(), {QStringLiteral("region"), QStringLiteral("status")}, parent)
{
    retranslateUi();
}

QString OrdersPage::title() const { return tr("Orders"); }
QString OrdersPage::searchPlaceholder() const { return tr("Search by order number, customer, city or state"); }

Choices OrdersPage::filterChoices(const QString &) const
{
    return enumChoices(tr("All statuses"), core::EnumLabels::Kind::OrderStatus);
}

CustomersPage::CustomersPage(QWidget *parent)
    : RecordListPage(core::customerListSpec(), {QStringLiteral("region"), QStringLiteral("kind")}, parent)
{
    retranslateUi();
}

QString CustomersPage::title() const { return tr("Customers and dealers"); }
QString CustomersPage::searchPlaceholder() const { return tr("Search by name, city, state, country or customer id"); }

Choices CustomersPage::filterChoices(const QString &) const
{
    return enumChoices(tr("Customers and dealers"), core::EnumLabels::Kind::AccountKind);
}

} // namespace vantage::ui
