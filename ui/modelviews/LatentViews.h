// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "modelviews/ModelViewData.h"
#include "spectrum/Spectrum.h"

#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

class QMenu;
class QTabWidget;
class QWidget;

namespace photopeak {
class LatentModel;
class SpectrumDataset;
}

namespace photopeak::ui {

class DenoisedSpectrumView;
class LoadingsSimilarityView;
class MeanSharesView;
class MisclassifiedSpectraView;

// The latent model's detail views (the old GAMMA_FLOW tool's): original vs denoised spectrum, misclassified
// spectra beside the loadings, mean shares per true label, loadings similarity. Owns the four tabs and the
// menu that shows them; views that depend on the current spectrum are computed when shown.
class LatentViews : public QObject {
    Q_OBJECT
public:
    LatentViews(QTabWidget *tabs, QWidget *parent);

    QMenu *menu() const { return m_menu; }
    void setModel(std::shared_ptr<const LatentModel> model);
    // Files the views must never be saved over (the opened data).
    void setInputs(const QStringList &inputs);
    // The spectrum selected in the browser (copied; analysed when the denoised view is shown).
    void setCurrentSpectrum(const Spectrum *spectrum, const QString &name);
    // A classification's latent shares against the labels: mean shares and the misclassified spectra.
    void setEvaluation(const QStringList &components, const std::vector<LatentScatterPoint> &points,
                       const SpectrumDataset &dataset);
    void clearEvaluation(const QString &why);

    DenoisedSpectrumView *denoisedView() const { return m_denoised; }
    MisclassifiedSpectraView *misclassifiedView() const { return m_misclassified; }
    MeanSharesView *meanSharesView() const { return m_meanShares; }
    LoadingsSimilarityView *similarityView() const { return m_similarity; }

signals:
    void entryActivated(int entryIndex);

private:
    void updateDenoised();

    QTabWidget *m_tabs;
    QMenu *m_menu;
    DenoisedSpectrumView *m_denoised;
    MisclassifiedSpectraView *m_misclassified;
    MeanSharesView *m_meanShares;
    LoadingsSimilarityView *m_similarity;
    std::shared_ptr<const LatentModel> m_model;
    Spectrum m_current;
    QString m_currentName;
    bool m_hasCurrent = false;
    bool m_denoisedStale = false;
};

} // namespace photopeak::ui
