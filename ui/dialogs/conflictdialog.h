#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QTableWidget;

namespace vantage::ui {

// One document conflict side by side: each field as it was (base), as the server has it and as
// this computer has it; the user keeps the server's version, their own, or picks field by field.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictDialog(const QJsonObject &conflict, QWidget *parent = nullptr);

    // The body of POST /v1/conflicts/{id}/resolve for what the user chose.
    QJsonObject resolution() const;
    void chooseAll(bool mine);
    int differingFields() const;

private:
    void fillTable();
    void addLinesRow();
    static QString text(const QJsonValue &value);

    QJsonObject m_base;
    QJsonObject m_server;
    QJsonObject m_mine;
    QJsonArray m_mineLines;
    QComboBox *m_linesChoice = nullptr;
    QStringList m_fields;
    std::vector<QComboBox *> m_choices;
    QTableWidget *m_table = nullptr;
    QString m_choice = QStringLiteral("merged");
};

} // namespace vantage::ui
