#pragma once

#include "recordlistpage.h"

namespace vantage::ui {

class OpportunitiesPage : public RecordListPage
{
    Q_OBJECT
public:
    explicit OpportunitiesPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString searchPlaceholder() const override;
    std::vector<std::pair<QString, QString>> filterChoices(const QString &key) const override;
};

class OrdersPage : public RecordListPage
{
    Q_OBJECT
public:
    explicit OrdersPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString searchPlaceholder() const override;
    std::vector<std::pair<QString, QString>> filterChoices(const QString &key) const override;
};

class CustomersPage : public RecordListPage
{
    Q_OBJECT
public:
    explicit CustomersPage(QWidget *parent = nullptr);

protected:
    QString title() const override;
    QString searchPlaceholder() const override;
    std::vector<std::pair<QString, QString>> filterChoices(const QString &key) const override;
};

} // namespace vantage::ui
