#pragma once

#include "sync/conflictlines.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QTableWidget;

namespace vantage::ui {

// One document conflict side by side: each field as it was (base), as the server has it and as
// this computer has it, then each line (quote line, contract clause) as the server and this
// computer have it. The user keeps the server's version, their own, or picks field by field and
// line by line; a line only one side has is kept or dropped.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictDialog(const QJsonObject &conflict, QWidget *parent = nullptr);

    // The body of POST /v1/conflicts/{id}/resolve for what the user chose: the document's row and
    // the complete merged set of its lines.
    QJsonObject resolution() const;
    // Every choice that is open to the user to this computer's side (true) or the server's.
    void chooseAll(bool mine);
    int differingFields() const;
    int differingLines() const;

private:
    QTableWidget *newTable(const QString &name, const QString &firstColumn);
    void fillFields();
    void fillLines();
    QString lineText(const sync::ConflictLine &line, const std::optional<QJsonObject> &fields) const;
    static QString text(const QJsonValue &value);

    QJsonObject m_base;
    QJsonObject m_server;
    qint64 m_serverVersion = 0;  // the copy shown: the server refuses the choice if it was saved since
    QJsonObject m_mine;
    sync::ConflictLines m_lines;
    QString m_currency;
    QStringList m_fields;
    std::vector<QComboBox *> m_choices;
    std::vector<QComboBox *> m_lineChoices;
    QTableWidget *m_table = nullptr;
    QTableWidget *m_lineTable = nullptr;
    QString m_choice = QStringLiteral("merged");
};

} // namespace vantage::ui
