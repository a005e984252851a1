// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentTrainer.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace photopeak::ui {

// The training panel's page for the latent decomposition (photopeak-cli latent train): components, training
// source, the options stored in the model and the unknown-flag quantile.
class LatentTrainingPage : public QWidget {
    Q_OBJECT
public:
    explicit LatentTrainingPage(QWidget *parent = nullptr);

    void setComponents(const QStringList &components);
    photopeak::LatentTrainingSpec spec(const QStringList &components) const;

private:
    void updateEnabled();

    QLabel *m_components = nullptr;
    QLineEdit *m_isotopeDetector = nullptr;
    QLineEdit *m_backgroundDetector = nullptr;
    QSpinBox *m_minChannel = nullptr;
    QCheckBox *m_poisson = nullptr;
    QCheckBox *m_gain = nullptr;
    QCheckBox *m_match = nullptr;
    QComboBox *m_decision = nullptr;
    QCheckBox *m_quasi = nullptr;
    QDoubleSpinBox *m_significanceZ = nullptr;
    QDoubleSpinBox *m_quantile = nullptr;
};

} // namespace photopeak::ui
