// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "modelviews/LatentExample.h"
#include "modelviews/MeanSharesView.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QRect>
#include <QSize>
#include <QString>

#include <memory>
#include <vector>

class QCustomPlot;
class QPainter;

namespace photopeak {
class LatentModel;
class SpectrumDataset;
}

namespace photopeak::ui {

// A plot drawn into `rect` of a report page at a logical size rect / scale (fonts and lines grow with the page):
// as a pixmap, or (PDF pages, `vector`) as recorded drawing commands replayed scaled. The one way report pages
// paint their plots (ReportRenderer, LatentReportPage).
void paintReportPlot(QPainter &painter, QCustomPlot *plot, const QRect &rect, double scale, bool vector);

// The latent model's views in the batch report (issue 15), drawn by the views' own draw functions: one page
// with the cosine similarity of the loadings, the mean shares per true label (labelled spectra analysed by
// the model) and the first misclassified spectra beside the loadings of their true and predicted components.
// The denoised spectrum goes on every spectrum's page (ReportRenderer::Options::latent). GUI thread only.
class LatentReportPage {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::LatentReportPage)

public:
    static constexpr int MaxMisclassified = 1;  // misclassified spectra drawn on the page (the first)

    struct Data {
        std::shared_ptr<const LatentModel> model;
        QString modelName;
        MeanSharesView::Means means;              // empty classes: no labelled spectra with latent scores
        std::vector<LatentExample> misclassified; // the first MaxMisclassified of them
        int labelled = 0, wrong = 0;              // labelled spectra with latent scores, and how many were wrong
    };

    // From a batch's analyses (SpectrumAnalysis::latentScores against the spectra's labels).
    static Data collect(std::shared_ptr<const LatentModel> model, const QString &modelName, const SpectrumDataset &dataset,
                        const std::vector<SpectrumAnalysis> &analyses);
    // The page (size as the spectrum pages); `vector`: plots as drawing commands (PDF).
    static void paint(QPainter &painter, const QSize &size, const Data &data, bool vector, const QDateTime &date = {});
    static QImage render(const QSize &size, const Data &data, const QDateTime &date = {});
    static QString title() { return tr("Latent model"); }
};

} // namespace photopeak::ui
