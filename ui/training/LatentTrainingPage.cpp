// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "training/LatentTrainingPage.h"

#include "ml/latent/LatentParameters.h"
#include "spectrum/LabelParser.h"
#include "widgets/ParameterForm.h"
#include "widgets/WheelGuard.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace photopeak::ui {

namespace {
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

    // The options stored in the model: generated from the table behind `latent train`'s options.
    m_options = new ParameterForm(LatentParameters::table());
    m_options->setObjectName(QStringLiteral("latentOptionsForm"));
    v->addWidget(m_options);

    auto *validation = new QGroupBox(tr("Validation"));
    auto *vf = form(validation);
    m_quantile = dspin(QStringLiteral("quantileSpin"), 0.5, 1.0, 0.005, 3, 0.99,
                       tr("Unknown-isotope flag: every training spectrum is analysed by the trained model; a spectrum "
                          "is flagged when its fit is worse than this quantile of theirs (default 0.99)."));
    vf->addRow(tr("Unknown-flag quantile:"), m_quantile);
    v->addWidget(validation);

    connect(m_options, &ParameterForm::valuesChanged, this, [this] { updateEnabled(); });
    WheelGuard::install(this);
    updateEnabled();
}

void LatentTrainingPage::setComponents(const QStringList &components)
{
    m_components->setText(components.isEmpty() ? tr("(none: check single-label sets)") : components.join(QStringLiteral(", ")));
}

void LatentTrainingPage::updateEnabled()
{
    const QJsonObject v = m_options->values();
    const bool significance = v.value(QStringLiteral("decision")).toString() != QLatin1String("share");
    for (const char *key : {"z", "quasi", "min-share"})
        m_options->setOptionEnabled(QLatin1String(key), significance);
    m_options->setOptionEnabled(QStringLiteral("poisson-steps"), v.value(QStringLiteral("poisson")).toBool());
    for (const char *key : {"gain-range", "gain-step"})
        m_options->setOptionEnabled(QLatin1String(key), v.value(QStringLiteral("gain")).toBool());
    for (const char *key : {"resolution-max", "resolution-step"})
        m_options->setOptionEnabled(QLatin1String(key), v.value(QStringLiteral("resolution")).toBool());
}

void LatentTrainingPage::setOptions(const LatentOptions &options)
{
    m_options->setValues(LatentParameters::values(options));
    updateEnabled();
}

LatentTrainingSpec LatentTrainingPage::spec(const QStringList &components) const
{
    LatentTrainingSpec spec;
    spec.components = components;
    spec.grid = EnergyGrid::gammaFlowDefault();
    spec.minChannel = m_minChannel->value();
    spec.unknownQuantile = m_quantile->value();
    // The form's editors keep to the table's ranges and choices, so the values always validate.
    if (auto options = LatentParameters::options(m_options->values(), QStringLiteral("training panel")))
        spec.options = *options;
    const QString iso = m_isotopeDetector->text().trimmed(), bg = m_backgroundDetector->text().trimmed();
    for (const QString &c : spec.components) {
        const QString det = c == LabelParser::backgroundLabel() ? bg : iso;
        if (!det.isEmpty())
            spec.detectorFilter[c] = det;
    }
    return spec;
}

} // namespace photopeak::ui
