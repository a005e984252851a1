// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImagePanel.h"

#include "images/ImageView.h"
#include "images/PeakFinder.h"
#include "images/PeakListWriter.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"

#include <QApplication>
#include <QBuffer>
#include <QPainter>

#include <cmath>

// The Images tab's outputs: the accepted peaks of the whole stack and the PNG report of one frame.
namespace photopeak::ui {

Status ImagePanel::exportPeaks(const QString &path)
{
    if (!m_stack)
        return makeError(path, tr("open an image stack first"));
    const bool csv = path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive);
    const QString kind = csv ? OutputKind::table() : QStringLiteral("peak-list");
    // The file dialog asked before replacing a file: forced, but never over the images.
    if (Status allowed = OutputGuard(QStringList{m_stack->path()}, true).check(path, kind); !allowed)
        return allowed;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    PeakFinder finder(finderFor(*m_stack, m_model));
    finder.setGeometry(m_stack->width(), m_stack->height(), m_mask);
    std::vector<BraggCandidate> accepted;
    std::vector<int> frames;
    for (int f = 0; f < m_stack->frameCount(); ++f) {
        auto frame = m_stack->readFrame(f);
        if (!frame) {
            QApplication::restoreOverrideCursor();
            return frame.error();
        }
        frames.push_back(f);
        std::vector<BraggCandidate> c = finder.find(*frame);
        if (m_model)
            m_model->classify(*frame, m_mask, c);
        const std::vector<int> labels = m_labels.labelCandidates(c, ClickRadius);
        // A label decides; otherwise the model (or, without one, nothing is accepted unlabelled).
        for (size_t i = 0; i < c.size(); ++i)
            if (labels[i] == 1 || (labels[i] == -1 && m_model && c[i].probability >= m_model->threshold()))
                accepted.push_back(c[i]);
        // Peaks the user added where the finder found nothing.
        std::vector<ImageLabel> peaks;
        for (const ImageLabel &l : m_labels.labels)
            if (l.frame == f && l.label == 1)
                peaks.push_back(l);
        const std::vector<int> matched = ImageLabelSet::match(c, peaks, ClickRadius);
        for (size_t k = 0; k < peaks.size(); ++k)
            if (matched[k] < 0) {
                BraggCandidate added;
                added.frame = f;
                added.x = peaks[k].x;
                added.y = peaks[k].y;
                added.peakX = int(std::lround(peaks[k].x));
                added.peakY = int(std::lround(peaks[k].y));
                accepted.push_back(added);
            }
    }
    QApplication::restoreOverrideCursor();
    const QByteArray bytes = csv ? PeakListWriter::csv(m_stack->path(), accepted)
                                 : PeakListWriter::crystfelStream(m_stack->path(), m_stack->dataset().path,
                                                                  m_stack->frameCount(), frames, accepted);
    return writeFileAtomically(path, bytes, kind);
}

Status ImagePanel::saveFramePng(const QString &path)
{
    if (!m_stack)
        return makeError(path, tr("open an image stack first"));
    if (Status allowed = OutputGuard(QStringList{m_stack->path()}, true).check(path, OutputKind::image()); !allowed)
        return allowed;
    const QPixmap view = m_view->grab();
    QImage page(view.width(), view.height() + 60, QImage::Format_RGB32);
    page.fill(Qt::white);
    QPainter painter(&page);
    painter.drawPixmap(0, 0, view);
    painter.setPen(Qt::black);
    painter.drawText(QRect(8, view.height() + 4, view.width() - 16, 52), Qt::TextWordWrap,
                     m_stack->summary() + QStringLiteral("\n") + statusText());
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!page.save(&buffer, "PNG"))
        return makeError(path, tr("the PNG could not be encoded"));
    return writeFileAtomically(path, bytes, OutputKind::image());
}

} // namespace photopeak::ui
