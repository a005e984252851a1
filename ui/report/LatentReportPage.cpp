// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "report/LatentReportPage.h"
#include "report/ReportStyle.h"

#include "library/SpectrumDataset.h"
#include "ml/latent/LatentAnalyser.h"
#include "modelviews/LoadingsSimilarityView.h"
#include "modelviews/MisclassifiedSpectraView.h"
#include "plot/SpectrumPlotter.h"
#include "session/ResultEvaluation.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPicture>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
const QColor kText = report_style::text;
const QColor kMuted = report_style::muted;
const QColor kRule = report_style::rule;
using report_style::pixelFont;

// An offscreen plot in house style, never shown.
std::unique_ptr<QCustomPlot> offscreenPlot()
{
    auto plot = std::make_unique<QCustomPlot>();
    plot->setAttribute(Qt::WA_DontShowOnScreen, true);
    SpectrumPlotter::setupPlot(plot.get());
    plot->setPlottingHint(QCP::phCacheLabels, false);
    return plot;
}

void note(QPainter &p, const QRect &rect, const QString &text, double s)
{
    p.setPen(QPen(kRule, 1));
    p.drawRect(rect.adjusted(0, 0, -1, -1));
    p.setFont(pixelFont(16 * s));
    p.setPen(kMuted);
    p.drawText(rect.adjusted(int(20 * s), 0, -int(20 * s), 0), Qt::AlignCenter | Qt::TextWordWrap, text);
}
} // namespace

void paintReportPlot(QPainter &painter, QCustomPlot *plot, const QRect &rect, double scale, bool vector)
{
    const int w = std::max(50, static_cast<int>(std::lround(rect.width() / scale)));
    const int h = std::max(50, static_cast<int>(std::lround(rect.height() / scale)));
    if (vector) {
        QPicture picture;
        QCPPainter recorder(&picture);
        plot->toPainter(&recorder, w, h);
        recorder.end();
        painter.save();
        painter.translate(rect.topLeft());
        painter.scale(double(rect.width()) / w, double(rect.height()) / h);
        painter.drawPicture(0, 0, picture);
        painter.restore();
    } else {
        painter.drawPixmap(rect, plot->toPixmap(w, h, scale));
    }
}

LatentReportPage::Data LatentReportPage::collect(std::shared_ptr<const LatentModel> model, const QString &modelName,
                                                 const SpectrumDataset &dataset, const std::vector<SpectrumAnalysis> &analyses)
{
    Data d;
    d.model = std::move(model);
    d.modelName = modelName;
    if (!d.model)
        return d;
    const ResultEvaluation e = ResultEvaluation::compute(dataset, analyses, d.model->components(), std::nullopt);
    d.labelled = int(e.scatter.size());
    d.means = MeanSharesView::compute(e.scatterComponents, e.scatter);
    LatentAnalyser analyser(*d.model);
    for (const LatentScatterPoint &p : e.scatter) {
        if (!p.isError())
            continue;
        ++d.wrong;
        if (int(d.misclassified.size()) >= MaxMisclassified)
            continue;
        const Spectrum &spectrum = dataset.entries()[size_t(p.entryIndex)].spectrum;
        LatentExample x = LatentExample::analyse(analyser, spectrum, spectrum.displayName());
        if (!x.isValid())
            continue;
        x.entryIndex = p.entryIndex;
        x.trueKey = p.trueKey;
        x.predictedKey = p.predictedKey;
        d.misclassified.push_back(std::move(x));
    }
    return d;
}

void LatentReportPage::paint(QPainter &p, const QSize &size, const Data &data, bool vector, const QDateTime &date)
{
    const int W = size.width(), H = size.height();
    const double s = std::min(W / 1600.0, H / 1000.0);
    const auto px = [s](double v) { return static_cast<int>(std::lround(v * s)); };
    const double plotScale = std::max(0.5, 1.2 * s);
    const double narrowScale = 0.7 * plotScale;  // the narrow panel: smaller type, so its title fits
    const int margin = px(24);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(QRect(0, 0, W, H), Qt::white);

    const QLocale locale;
    const QString dateText = tr("Photopeak report · %1")
                                 .arg(locale.toString(date.isValid() ? date : QDateTime::currentDateTime(),
                                                      QStringLiteral("yyyy-MM-dd HH:mm")));
    p.setFont(pixelFont(14 * s));
    const int dateWidth = p.fontMetrics().horizontalAdvance(dateText);
    p.setPen(kMuted);
    p.drawText(QRect(W - margin - dateWidth, margin, dateWidth, px(34)), Qt::AlignRight | Qt::AlignVCenter, dateText);
    p.setFont(pixelFont(26 * s, true));
    p.setPen(kText);
    const int titleWidth = W - 2 * margin - dateWidth - px(24);
    const QString title = data.modelName.isEmpty() ? tr("Latent model") : tr("Latent model: %1").arg(data.modelName);
    p.drawText(QRect(margin, margin, titleWidth, px(34)), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(title, Qt::ElideMiddle, titleWidth));
    int y = margin + px(40);
    if (!data.model) {
        note(p, QRect(margin, y, W - 2 * margin, H - y - margin), tr("No latent model."), s);
        return;
    }
    const LatentModel &m = *data.model;
    p.setFont(pixelFont(16 * s));
    const QString line = tr("Components %1 · decision %2 · %3 labelled spectra analysed by the model, %4 misclassified")
                             .arg(m.components().join(QStringLiteral(", ")), m.options().describe())
                             .arg(data.labelled)
                             .arg(data.wrong);
    p.drawText(QRect(margin, y, W - 2 * margin, px(26)), Qt::AlignLeft | Qt::AlignVCenter,
               p.fontMetrics().elidedText(line, Qt::ElideRight, W - 2 * margin));
    y += px(26) + px(6);
    p.setPen(QPen(kRule, 1));
    p.drawLine(margin, y, W - margin, y);
    y += px(8);

    const int gap = px(16);
    const int rowH = (H - y - margin - gap) / 2;
    const int leftW = int((W - 2 * margin - gap) * 0.44);
    const QRect similarityRect(margin, y, leftW, rowH);
    const QRect sharesRect(margin + leftW + gap, y, W - 2 * margin - leftW - gap, rowH);
    const QRect bottomRect(margin, y + rowH + gap, W - 2 * margin, H - margin - (y + rowH + gap));

    auto plot = offscreenPlot();
    LoadingsSimilarityView::draw(plot.get(), m);
    paintReportPlot(p, plot.get(), similarityRect, narrowScale, vector);
    if (!data.means.classes.isEmpty()) {
        plot = offscreenPlot();
        MeanSharesView::draw(plot.get(), data.means);
        paintReportPlot(p, plot.get(), sharesRect, plotScale, vector);
    } else {
        note(p, sharesRect,
             tr("Mean shares per true label: no labelled spectra were analysed by the latent model in this batch."), s);
    }
    if (!data.misclassified.empty()) {
        plot = offscreenPlot();
        MisclassifiedSpectraView::draw(plot.get(), data.misclassified.front());
        paintReportPlot(p, plot.get(), bottomRect, plotScale, vector);
    } else {
        note(p, bottomRect,
             data.labelled > 0 ? tr("Misclassified spectra: none; all %1 labelled spectra were classified correctly.").arg(data.labelled)
                               : tr("Misclassified spectra: no labelled spectra were analysed by the latent model in this batch."),
             s);
    }
}

QImage LatentReportPage::render(const QSize &size, const Data &data, const QDateTime &date)
{
    if (size.isEmpty())
        return {};
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    paint(p, size, data, false, date);
    p.end();
    return image;
}

} // namespace photopeak::ui
