// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/LatentTrainingPage.h"

#include "spectrum/LabelParser.h"
#include "widgets/WheelGuard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace photopeak::ui {

namespace {
QCheckBox *check(const QString &name, const QString &text, bool on, const QString &tip)
{
    auto *c = new QCheckBox(text);
    c->setObjectName(name);
    c->setChecked(on);
    c->setToolTip(tip);
    return c;
}

QSpinBox *spin(const QString &name, int lo, int hi, int value, const QString &tip)
{
    auto *s = new QSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

QDoubleSpinBox *dspin(const QString &name, double lo, double hi, double step, int decimals, double value,
                      const QString &tip)
{
    auto *s = new QDoubleSpinBox;
    s->setObjectName(name);
    s->setRange(lo, hi);
    s->setSingleStep(step);
    s->setDecimals(decimals);
    s->setValue(value);
    s->setToolTip(tip);
    return s;
}

QFormLayout *form(QWidget *parent)
{
    auto *f = new QFormLayout(parent);
    f->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    f->setRowWrapPolicy(QFormLayout::DontWrapRows);
    return f;
}

} // namespace

LatentTrainingPage::LatentTrainingPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("latentPage"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);

    auto *model = new QGroupBox(tr("Components and training source"));
    auto *mf = form(model);
    m_components = new QLabel;
    m_components->setObjectName(QStringLiteral("componentsLabel"));
    m_components->setWordWrap(true);
    m_components->setToolTip(tr("One component per checked single label (spectra whose label set is exactly that "
                                "label), then background. Mixtures are not components."));
    mf->addRow(tr("Components:"), m_components);
    m_isotopeDetector = new QLineEdit;
    m_isotopeDetector->setObjectName(QStringLiteral("isotopeDetectorEdit"));
    m_isotopeDetector->setPlaceholderText(tr("any detector"));
    m_isotopeDetector->setClearButtonEnabled(true);
    m_isotopeDetector->setToolTip(tr("Use isotope spectra of this detector only. GAMMA_FLOW's default training "
                                     "source is simulated isotopes plus measured background: enter simulated here "
                                     "and the background detector (e.g. left) below."));
    mf->addRow(tr("Isotope detector:"), m_isotopeDetector);
    m_backgroundDetector = new QLineEdit;
    m_backgroundDetector->setObjectName(QStringLiteral("backgroundDetectorEdit"));
    m_backgroundDetector->setPlaceholderText(tr("any detector"));
    m_backgroundDetector->setClearButtonEnabled(true);
    m_backgroundDetector->setToolTip(tr("Use background spectra of this detector only (e.g. left for the measured "
                                        "GAMMA_FLOW background)."));
    mf->addRow(tr("Background detector:"), m_backgroundDetector);
    auto *grid = new QLabel(EnergyGrid::gammaFlowDefault().describe());
    grid->setWordWrap(true);
    grid->setToolTip(tr("Spectra are rebinned count-conserving onto the GAMMA_FLOW grid; each loading is the mean of "
                        "its component's spectra, normalised to area 1 from the first fitted channel on."));
    mf->addRow(tr("Energy grid:"), grid);
    m_minChannel = spin(QStringLiteral("minChannelSpin"), 0, EnergyGrid::gammaFlowDefault().binCount() - 1, 7,
                        tr("First channel of the fit (default 7): lower channels (noise, threshold) are ignored."));
    mf->addRow(tr("First fitted channel:"), m_minChannel);
    v->addWidget(model);

    auto *options = new QGroupBox(tr("Options stored in the model"));
    auto *of = form(options);
    const LatentOptions defaults = LatentOptions::recommended();
    m_poisson = check(QStringLiteral("poissonCheck"), tr("Poisson weighting"), defaults.poissonWeighted,
                      tr("One re-weighted step: each channel weighted by 1/max(model counts, 1), its Poisson variance, "
                         "then weighted non-negative least squares."));
    of->addRow(m_poisson);
    m_gain = check(QStringLiteral("gainCheck"), tr("Gain adjustment"), defaults.gainAdjust,
                   tr("Per-spectrum energy-scale factor within ±6 %, chosen by the best fit (lowest deviance)."));
    of->addRow(m_gain);
    m_match = check(QStringLiteral("matchCheck"), tr("Resolution match"), defaults.resolutionMatch,
                    tr("Training: the isotope loadings are broadened once to the line widths of the measured "
                       "background (fitted on the training loadings' known lines)."));
    of->addRow(m_match);
    m_decision = new QComboBox;
    m_decision->setObjectName(QStringLiteral("decisionCombo"));
    m_decision->addItem(tr("Two stages: source alarm, then which"), QStringLiteral("two-stage"));
    m_decision->addItem(tr("Significance of each component"), QStringLiteral("significance"));
    m_decision->addItem(tr("Share above 10 % (old method)"), QStringLiteral("share"));
    m_decision->setToolTip(tr("Two stages (default): a source is reported when the isotopes significant at z together "
                              "hold more than 10 % of the scores; then every significant isotope is present.\n"
                              "Significance: every component whose score exceeds z standard errors.\n"
                              "Old method: every component with a share above 10 %."));
    of->addRow(tr("Decision:"), m_decision);
    m_quasi = check(QStringLiteral("quasiCheck"), tr("Quasi-Poisson standard errors"), defaults.overdispersion,
                    tr("Standard errors grow by sqrt(deviance per degree of freedom) when the fit is worse than "
                       "Poisson noise: template mismatch in strong spectra is not taken for extra isotopes."));
    of->addRow(m_quasi);
    m_significanceZ = dspin(QStringLiteral("significanceSpin"), 1.0, 20.0, 0.5, 1, defaults.significance,
                            tr("z of the statistical threshold (default 5, the conventional discovery level)."));
    of->addRow(tr("Significance z:"), m_significanceZ);
    v->addWidget(options);

    auto *validation = new QGroupBox(tr("Validation"));
    auto *vf = form(validation);
    m_quantile = dspin(QStringLiteral("quantileSpin"), 0.5, 1.0, 0.005, 3, 0.99,
                       tr("Unknown-isotope flag: every training spectrum is analysed by the trained model; a spectrum "
                          "is flagged when its fit is worse than this quantile of theirs (default 0.99)."));
    vf->addRow(tr("Unknown-flag quantile:"), m_quantile);
    v->addWidget(validation);

    connect(m_decision, &QComboBox::currentIndexChanged, this, [this] { updateEnabled(); });
        WheelGuard::install(this);
    updateEnabled();
}

void LatentTrainingPage::setComponents(const QStringList &components)
{
    m_components->setText(components.isEmpty() ? tr("(none: check single-label sets)") : components.join(QStringLiteral(", ")));
}

void LatentTrainingPage::updateEnabled()
{
    const bool significance = m_decision->currentData().toString() != QLatin1String("share");
    m_significanceZ->setEnabled(significance);
    m_quasi->setEnabled(significance);
}

LatentTrainingSpec LatentTrainingPage::spec(const QStringList &components) const
{
    LatentTrainingSpec spec;
    spec.components = components;
    spec.grid = EnergyGrid::gammaFlowDefault();
    spec.minChannel = m_minChannel->value();
    spec.unknownQuantile = m_quantile->value();
    LatentOptions o;
    o.poissonWeighted = m_poisson->isChecked();
    o.gainAdjust = m_gain->isChecked();
    o.resolutionMatch = m_match->isChecked();
    const QString decision = m_decision->currentData().toString();
    o.detection = decision == QLatin1String("two-stage")      ? DetectionRule::TwoStage
                  : decision == QLatin1String("significance") ? DetectionRule::Significance
                                                              : DetectionRule::ShareThreshold;
    o.overdispersion = m_quasi->isChecked();
    o.significance = m_significanceZ->value();
    spec.options = o;
    const QString iso = m_isotopeDetector->text().trimmed(), bg = m_backgroundDetector->text().trimmed();
    for (const QString &c : spec.components) {
        const QString det = c == LabelParser::backgroundLabel() ? bg : iso;
        if (!det.isEmpty())
            spec.detectorFilter[c] = det;
    }
    return spec;
}

} // namespace photopeak::ui
