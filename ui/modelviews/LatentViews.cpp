// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/LatentViews.h"

#include "library/SpectrumDataset.h"
#include "ml/latent/LatentAnalyser.h"
#include "modelviews/DenoisedSpectrumView.h"
#include "modelviews/LatentExample.h"
#include "modelviews/LoadingsSimilarityView.h"
#include "modelviews/MeanSharesView.h"
#include "modelviews/MisclassifiedSpectraView.h"

#include <QMenu>
#include <QTabWidget>

namespace photopeak::ui {

namespace {
constexpr int kMaxExamples = 500;  // misclassified spectra analysed for the chooser
}

LatentViews::LatentViews(QTabWidget *tabs, QWidget *parent)
    : QObject(parent)
    , m_tabs(tabs)
    , m_menu(new QMenu(tr("La&tent Model Views"), parent))
    , m_denoised(new DenoisedSpectrumView)
    , m_misclassified(new MisclassifiedSpectraView)
    , m_meanShares(new MeanSharesView)
    , m_similarity(new LoadingsSimilarityView)
{
    m_denoised->setObjectName(QStringLiteral("denoisedView"));
    m_misclassified->setObjectName(QStringLiteral("misclassifiedSpectraView"));
    m_meanShares->setObjectName(QStringLiteral("meanSharesView"));
    m_similarity->setObjectName(QStringLiteral("loadingsSimilarityView"));
    const struct {
        QWidget *view;
        QString tab, action, tip;
    } views[] = {
        {m_denoised, tr("Denoised"), tr("&Denoised Spectrum"),
         tr("The selected spectrum beside its reconstruction by the latent model, with the cosine similarity")},
        {m_misclassified, tr("Misclassified Spectra"), tr("&Misclassified Spectra"),
         tr("Spectra the latent model got wrong, beside the loadings of their true and predicted components")},
        {m_meanShares, tr("Mean Shares"), tr("Mean &Shares per Label"),
         tr("Mean latent share of every component per true label, as bars")},
        {m_similarity, tr("Loadings Similarity"), tr("Loadings S&imilarity"),
         tr("Cosine similarity of every pair of loadings: which components can be confused")},
    };
    for (const auto &v : views) {
        const int index = m_tabs->addTab(v.view, v.tab);
        m_tabs->setTabToolTip(index, v.tip);
        QAction *action = m_menu->addAction(v.action);
        action->setStatusTip(v.tip);
        QWidget *view = v.view;
        connect(action, &QAction::triggered, this, [this, view] { m_tabs->setCurrentWidget(view); });
    }
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_denoised && m_denoisedStale)
            updateDenoised();
    });
    connect(m_misclassified, &MisclassifiedSpectraView::entryActivated, this, &LatentViews::entryActivated);
}

void LatentViews::setModel(std::shared_ptr<const LatentModel> model)
{
    m_model = std::move(model);
    if (m_model)
        m_similarity->setModel(*m_model);
    else
        m_similarity->clear();
    m_denoisedStale = true;
    if (m_tabs->currentWidget() == m_denoised)
        updateDenoised();
}

void LatentViews::setInputs(const QStringList &inputs)
{
    m_denoised->setInputs(inputs);
    m_misclassified->setInputs(inputs);
    m_meanShares->setInputs(inputs);
    m_similarity->setInputs(inputs);
}

void LatentViews::setCurrentSpectrum(const Spectrum *spectrum, const QString &name)
{
    m_hasCurrent = spectrum != nullptr;
    m_current = spectrum ? *spectrum : Spectrum{};
    m_currentName = name;
    m_denoisedStale = true;
    if (m_tabs->currentWidget() == m_denoised)
        updateDenoised();
}

void LatentViews::updateDenoised()
{
    m_denoisedStale = false;
    if (!m_model) {
        m_denoised->clear(tr("Train or open a latent model first."));
        return;
    }
    if (!m_hasCurrent) {
        m_denoised->clear(tr("Select a spectrum to see it beside its reconstruction by the latent model."));
        return;
    }
    LatentAnalyser analyser(*m_model);
    m_denoised->setExample(LatentExample::analyse(analyser, m_current, m_currentName));
}

void LatentViews::setEvaluation(const QStringList &components, const std::vector<LatentScatterPoint> &points,
                                const SpectrumDataset &dataset)
{
    if (points.empty() || !m_model) {
        clearEvaluation(tr("Classify labelled spectra with a latent model first."));
        return;
    }
    m_meanShares->setData(components, points);
    LatentAnalyser analyser(*m_model);
    std::vector<LatentExample> examples;
    const auto &entries = dataset.entries();
    for (const LatentScatterPoint &p : points) {
        if (!p.isError() || p.entryIndex < 0 || p.entryIndex >= int(entries.size()))
            continue;
        const DatasetEntry &entry = entries[size_t(p.entryIndex)];
        LatentExample e = LatentExample::analyse(analyser, entry.spectrum, entry.spectrum.displayName());
        if (!e.isValid())
            continue;
        e.entryIndex = p.entryIndex;
        e.trueKey = p.trueKey;
        e.predictedKey = p.predictedKey;
        examples.push_back(std::move(e));
        if (int(examples.size()) >= kMaxExamples)
            break;
    }
    m_misclassified->setExamples(std::move(examples), int(points.size()));
}

void LatentViews::clearEvaluation(const QString &why)
{
    m_meanShares->clear(why);
    m_misclassified->clear(why);
}

} // namespace photopeak::ui
