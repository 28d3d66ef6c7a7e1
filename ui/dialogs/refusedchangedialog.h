#pragma once

#include "sync/refusedchange.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace vantage::ui {

// Corrects a change the server refused: each field it set, with the value the server has now and
// the value to send (editable; the region as a choice of regions). "Send corrected" sends what
// differs from the server; "Keep the server's values" settles it by sending nothing.
class RefusedChangeDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { Field, Server, ToSend };

    explicit RefusedChangeDialog(sync::RefusedChange change, QWidget *parent = nullptr);

    // The values to send, after accept(); the server's values for "Keep the server's values".
    QJsonObject fields() const { return m_fields; }

    QTableWidget *table() const { return m_table; }
    QComboBox *regionBox() const { return m_region; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *keepServerButton() const { return m_keepServer; }
    QString problem() const;  // "" when none shown

private:
    void fillTable();
    QString shownValue(const QString &field, const QJsonValue &value) const;
    void sendCorrected();
    void keepServer();

    sync::RefusedChange m_change;
    QStringList m_names;  // the table's rows
    QJsonObject m_fields;
    QTableWidget *m_table = nullptr;
    QComboBox *m_region = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_keepServer = nullptr;
};

} // namespace vantage::ui
