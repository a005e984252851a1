// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentTrainer.h"

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace photopeak::ui {

class ParameterForm;

// The training panel's page for the latent decomposition (photopeak-cli latent train): components, training
// source, the options stored in the model (a ParameterForm of LatentParameters, the table behind latent train's
// options) and the unknown-flag quantile.
class LatentTrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit LatentTrainingPage(QWidget *parent = nullptr);

    void setComponents(const QStringList &components);
    photopeak::LatentTrainingSpec spec(const QStringList &components) const;
    // Shows a model's options in the form (e.g. a loaded model's).
    void setOptions(const photopeak::LatentOptions &options);
    ParameterForm *optionsForm() const { return m_options; }

private:
    void updateEnabled();

    QLabel *m_components = nullptr;
    QLineEdit *m_isotopeDetector = nullptr;
    QLineEdit *m_backgroundDetector = nullptr;
    QSpinBox *m_minChannel = nullptr;
    ParameterForm *m_options = nullptr;
    QDoubleSpinBox *m_quantile = nullptr;
};

} // namespace photopeak::ui
