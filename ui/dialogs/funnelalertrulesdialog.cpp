#include "funnelalertrulesdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vantage::ui {

namespace {

using core::FunnelRuleField;

// What the user typed as a number in their locale (or with a plain dot); 0 when it is none, which
// the rule's own checks then report as out of range.
double numberIn(const QLineEdit *edit)
{
    bool ok = false;
    const double value = QLocale().toDouble(edit->text().trimmed(), &ok);
    return ok ? value : QLocale::c().toDouble(edit->text().trimmed());
}

int wholeNumberIn(const QLineEdit *edit)
{
    const double value = numberIn(edit);
    return std::abs(value) < 1e6 && value == std::trunc(value) ? int(value) : 0;
}

void addSorted(QComboBox *box, const QHash<QString, QString> &names)
{
    QList<std::pair<QString, QString>> byName;
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        byName.append({it.value(), it.key()});
    std::sort(byName.begin(), byName.end());
    for (const auto &[name, id] : byName)
        box->addItem(name, id);
}

QString listText(const core::FunnelAlertRule &rule)
{
    const QString name = rule.name.trimmed().isEmpty() ? FunnelAlertRulesDialog::tr("(no name)") : rule.name.trimmed();
    return rule.enabled ? name : FunnelAlertRulesDialog::tr("%1 (off)").arg(name);
}

} // namespace

FunnelAlertRulesDialog::FunnelAlertRulesDialog(std::vector<core::FunnelAlertRule> rules,
                                               const QHash<QString, QString> &regions,
                                               const QHash<QString, QString> &products,
                                               const QHash<QString, QString> &users, bool companyWide, QWidget *parent)
    : QDialog(parent), m_before(rules), m_rules(std::move(rules)), m_companyWide(companyWide)
{
    QHash<QString, int> sharing;  // a name two users share stays an id: which one would be ambiguous
    for (const QString &name : users)
        sharing[name.toLower()] += 1;
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        if (!it.value().isEmpty() && sharing.value(it.value().toLower()) == 1 && !it.value().contains(QLatin1Char(','))) {
            m_userNames.insert(it.key(), it.value());
            m_userIds.insert(it.value().toLower(), it.key());
        }
    setWindowTitle(tr("Funnel alert rules"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Each enabled rule raises the alerts of its metric and scope at its own sensitivity. "
                                "Without rules, the built-in one watches every stage for any change at 3 sigma."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *body = new QHBoxLayout;
    body->addWidget(buildList());
    body->addWidget(buildForm(regions, products), 1);
    layout->addLayout(body, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, &FunnelAlertRulesDialog::trySave);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (const core::FunnelAlertRule &rule : m_rules)
        m_list->addItem(listText(rule));
    connect(m_list, &QListWidget::currentRowChanged, this, &FunnelAlertRulesDialog::showRule);
    m_list->setCurrentRow(m_rules.empty() ? -1 : 0);
    showRule(m_list->currentRow());
    resize(820, 520);
}

QWidget *FunnelAlertRulesDialog::buildList()
{
    auto *side = new QWidget(this);
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(side);
    m_add = new QPushButton(tr("Add"), side);
    m_remove = new QPushButton(tr("Remove"), side);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &FunnelAlertRulesDialog::addRule);
    connect(m_remove, &QPushButton::clicked, this, &FunnelAlertRulesDialog::removeRule);
    return side;
}

QWidget *FunnelAlertRulesDialog::buildForm(const QHash<QString, QString> &regions, const QHash<QString, QString> &products)
{
    m_form = new QWidget(this);
    auto *form = new QFormLayout(m_form);
    m_enabled = new QCheckBox(tr("Raise alerts with this rule"), m_form);
    m_name = new QLineEdit(m_form);
    m_metric = new QComboBox(m_form);
    m_metric->addItem(core::funnelMetricLabel(std::nullopt), core::funnelMetricCode(std::nullopt));
    for (auto metric : {core::FunnelMetric::ConversionDrop, core::FunnelMetric::ConversionRise,
                        core::FunnelMetric::CycleLonger, core::FunnelMetric::CycleShorter})
        m_metric->addItem(core::funnelMetricLabel(metric), core::funnelMetricCode(metric));
    m_region = new QComboBox(m_form);
    m_region->addItem(tr("All regions"), QString());
    addSorted(m_region, regions);
    m_product = new QComboBox(m_form);
    m_product->addItem(tr("All products"), QString());
    addSorted(m_product, products);
    for (QLineEdit **edit : {&m_sigma, &m_minimumDeals, &m_recentWeeks, &m_baselineWeeks, &m_recipients})
        *edit = new QLineEdit(m_form);
    m_sigma->setToolTip(tr("How unusual a change must be, in standard errors from the baseline: 1.5 to 6 "
                           "(3 is the built-in rule; higher means fewer alerts)."));
    m_recipients->setPlaceholderText(tr("E-mail addresses or names of Vantage users, separated by commas"));
    m_recipients->setToolTip(tr("The company server e-mails each new alert of this rule to them once, "
                                "unless it is acknowledged or muted first (when the server has a mail relay)."));
    m_seasonal = new QComboBox(m_form);
    m_seasonal->addItem(tr("The same weeks of the last 4 quarters"), 4);
    m_seasonal->addItem(tr("The weeks just before"), 0);
    m_seasonal->setToolTip(tr("Against earlier quarters, the usual rhythm of a quarter (deals closing at its end) "
                              "is not an alert. Where they hold too few deals, the weeks just before are used."));
    form->addRow(QString(), m_enabled);
    form->addRow(tr("Name:"), withProblem(m_name, FunnelRuleField::Name));
    form->addRow(tr("Metric:"), m_metric);
    form->addRow(tr("Region:"), withProblem(m_region, FunnelRuleField::Region));
    form->addRow(tr("Product:"), m_product);
    form->addRow(tr("Sensitivity (sigma):"), withProblem(m_sigma, FunnelRuleField::Sigma));
    form->addRow(tr("Minimum deals:"), withProblem(m_minimumDeals, FunnelRuleField::MinimumDeals));
    form->addRow(tr("Recent weeks:"), withProblem(m_recentWeeks, FunnelRuleField::RecentWeeks));
    form->addRow(tr("Compare with:"), withProblem(m_seasonal, FunnelRuleField::SeasonalQuarters));
    form->addRow(tr("Baseline weeks:"), withProblem(m_baselineWeeks, FunnelRuleField::BaselineWeeks));
    form->addRow(tr("Recipients:"), withProblem(m_recipients, FunnelRuleField::Recipients));
    connect(m_enabled, &QCheckBox::toggled, this, &FunnelAlertRulesDialog::readForm);
    for (QComboBox *box : {m_metric, m_region, m_product, m_seasonal})
        connect(box, &QComboBox::currentIndexChanged, this, &FunnelAlertRulesDialog::readForm);
    for (QLineEdit *edit : {m_name, m_sigma, m_minimumDeals, m_recentWeeks, m_baselineWeeks, m_recipients})
        connect(edit, &QLineEdit::textChanged, this, &FunnelAlertRulesDialog::readForm);
    return m_form;
}

// The field with its problem written beside it (hidden while there is none).
QWidget *FunnelAlertRulesDialog::withProblem(QWidget *field, FunnelRuleField which)
{
    auto *row = new QWidget(m_form);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    field->setParent(row);
    auto *problem = new QLabel(row);
    problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    problem->setWordWrap(true);
    problem->hide();
    layout->addWidget(field, 1);
    layout->addWidget(problem, 1);
    m_problems.insert(int(which), problem);
    return row;
}

QString FunnelAlertRulesDialog::problemShown(FunnelRuleField field) const
{
    const QLabel *label = m_problems.value(int(field));
    return label && !label->isHidden() ? label->text() : QString();
}

void FunnelAlertRulesDialog::addRule()
{
    core::FunnelAlertRule rule = core::builtInFunnelAlertRule();
    rule.name = tr("New rule");
    m_rules.push_back(rule);
    m_list->addItem(listText(rule));
    m_list->setCurrentRow(m_list->count() - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void FunnelAlertRulesDialog::removeRule()
{
    const int row = m_current;
    if (row < 0)
        return;
    m_rules.erase(m_rules.begin() + row);
    m_current = -1;
    delete m_list->takeItem(row);  // selects a neighbour, whose index is now right in m_rules
    showRule(m_list->currentRow());
}

void FunnelAlertRulesDialog::showRule(int row)
{
    m_current = row >= 0 && row < int(m_rules.size()) ? row : -1;
    m_form->setEnabled(m_current >= 0);
    // A regional manager cannot remove a company-wide rule either (the server would refuse it).
    m_remove->setEnabled(m_current >= 0
                         && (m_companyWide || !m_rules[std::size_t(m_current)].regionId.isEmpty()
                             || m_rules[std::size_t(m_current)].id.isEmpty()));
    if (m_current >= 0) {
        const core::FunnelAlertRule &rule = m_rules[std::size_t(m_current)];
        m_filling = true;
        m_enabled->setChecked(rule.enabled);
        m_name->setText(rule.name);
        m_metric->setCurrentIndex(std::max(0, m_metric->findData(core::funnelMetricCode(rule.metric))));
        m_region->setCurrentIndex(std::max(0, m_region->findData(rule.regionId)));
        m_product->setCurrentIndex(std::max(0, m_product->findData(rule.productId)));
        m_sigma->setText(QLocale().toString(rule.sigmaCenti / 100.0, 'f', rule.sigmaCenti % 10 == 0 ? 1 : 2));
        m_minimumDeals->setText(QLocale().toString(rule.minimumDeals));
        m_recentWeeks->setText(QLocale().toString(rule.recentWeeks));
        m_baselineWeeks->setText(QLocale().toString(rule.baselineWeeks));
        if (m_seasonal->findData(rule.seasonalQuarters) < 0)  // another count, set elsewhere: keep it choosable
            m_seasonal->addItem(tr("The same weeks of the last %1 quarters").arg(rule.seasonalQuarters), rule.seasonalQuarters);
        m_seasonal->setCurrentIndex(m_seasonal->findData(rule.seasonalQuarters));
        m_recipients->setText(recipientsText(rule.recipients));
        m_filling = false;
    }
    showProblems();
}

void FunnelAlertRulesDialog::readForm()
{
    if (m_filling || m_current < 0)
        return;
    core::FunnelAlertRule &rule = m_rules[std::size_t(m_current)];
    rule.enabled = m_enabled->isChecked();
    rule.name = m_name->text();
    rule.metric = core::funnelMetricFromCode(m_metric->currentData().toString());
    rule.regionId = m_region->currentData().toString();
    rule.productId = m_product->currentData().toString();
    rule.sigmaCenti = int(std::lround(numberIn(m_sigma) * 100));
    rule.minimumDeals = wholeNumberIn(m_minimumDeals);
    rule.recentWeeks = wholeNumberIn(m_recentWeeks);
    rule.baselineWeeks = wholeNumberIn(m_baselineWeeks);
    rule.seasonalQuarters = m_seasonal->currentData().toInt();
    rule.recipients = recipientsIn(m_recipients->text());
    m_list->item(m_current)->setText(listText(rule));
    showProblems();
}

QString FunnelAlertRulesDialog::recipientsText(const QStringList &recipients) const
{
    QStringList shown;
    for (const QString &recipient : recipients)
        shown << m_userNames.value(recipient, recipient);
    return shown.join(QStringLiteral(", "));
}

// A user's name becomes the user's id; anything else stays as written (and is checked as written).
QStringList FunnelAlertRulesDialog::recipientsIn(const QString &text) const
{
    QStringList recipients;
    for (const QString &part : core::splitRecipients(text))
        recipients << m_userIds.value(part.toLower(), part);
    return recipients;
}

void FunnelAlertRulesDialog::showProblems()
{
    for (QLabel *label : std::as_const(m_problems))
        label->hide();
    if (m_current < 0)
        return;
    for (const core::FunnelRuleProblem &problem : problemsOf(std::size_t(m_current))) {
        QLabel *label = m_problems.value(int(problem.field));
        label->setText(problem.message);
        label->show();
    }
}

// The rule's own problems; and a rule for all regions made or changed by someone the server would
// refuse it from (a regional manager): said here rather than after the next sync.
std::vector<core::FunnelRuleProblem> FunnelAlertRulesDialog::problemsOf(std::size_t rule) const
{
    std::vector<core::FunnelRuleProblem> problems = core::funnelRuleProblems(m_rules[rule]);
    const core::FunnelAlertRule &edited = m_rules[rule];
    if (m_companyWide || !edited.regionId.isEmpty())
        return problems;
    const auto before = std::find_if(m_before.begin(), m_before.end(),
                                     [&edited](const core::FunnelAlertRule &r) { return !r.id.isEmpty() && r.id == edited.id; });
    if (before == m_before.end() || !(*before == edited))
        problems.insert(problems.begin(), {FunnelRuleField::Region,
                                           tr("Only directors and administrators make or change rules for all regions: "
                                              "choose your region.")});
    return problems;
}

void FunnelAlertRulesDialog::trySave()
{
    for (std::size_t i = 0; i < m_rules.size(); ++i) {
        if (!problemsOf(i).empty()) {
            m_list->setCurrentRow(int(i));
            return;
        }
    }
    accept();
}

sync::FunnelRuleChanges FunnelAlertRulesDialog::changes() const
{
    sync::FunnelRuleChanges changes;
    for (const core::FunnelAlertRule &rule : m_rules) {
        const auto before = std::find_if(m_before.begin(), m_before.end(),
                                         [&](const core::FunnelAlertRule &old) { return old.id == rule.id; });
        if (rule.id.isEmpty() || before == m_before.end() || !(*before == rule))
            changes.saved.push_back(rule);
    }
    for (const core::FunnelAlertRule &old : m_before) {
        if (std::none_of(m_rules.begin(), m_rules.end(), [&](const core::FunnelAlertRule &r) { return r.id == old.id; }))
            changes.removed.append(old.id);
    }
    return changes;
}

} // namespace vantage::ui
