// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "report/ReportDocument.h"

#include "io/AtomicFile.h"

#include <QBuffer>
#include <QDateTime>
#include <QFont>
#include <QFontMetrics>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace photopeak::ui {

namespace {
constexpr int kResolution = 96;  // page pixels per inch: a 1600 x 1000 page is 16.7 x 10.4 inches

QFont pixelFont(double px, bool bold = false)
{
    QFont f;
    f.setPixelSize(std::max(6, static_cast<int>(px)));
    f.setBold(bold);
    return f;
}

// One page of the HTML summary: its title and the page as an embedded PNG.
QString htmlSection(const QString &title, const QImage &image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("<section><h2>%1</h2><img alt=\"%1\" src=\"data:image/png;base64,%2\"></section>\n")
        .arg(title.toHtmlEscaped(), QString::fromLatin1(png.toBase64()));
}
} // namespace

ReportDocument::ReportDocument() = default;
ReportDocument::~ReportDocument() { abandon(); }

QString ReportDocument::suffix(Format format)
{
    return format == Format::Pdf ? QStringLiteral("pdf") : QStringLiteral("html");
}

std::vector<ReportDocument::Row> ReportDocument::summaryRows(const std::vector<SpectrumAnalysis> &analyses,
                                                             bool notAnalysed)
{
    std::vector<Row> rows;
    const QLocale locale;
    for (const SpectrumAnalysis &a : analyses) {
        Row r;
        r.file = a.file;
        if (notAnalysed) {
            r.decision = tr("not analysed");
        } else {
            r.decision = SpectrumAnalysis::decisionName(a.decision);
            QStringList isotopes;
            for (const IsotopeFinding &f : a.isotopes)
                if (f.reported)
                    isotopes << QStringLiteral("%1 %2").arg(f.isotope, f.probability >= 0.995
                                                                            ? QStringLiteral("> 99 %")
                                                                            : locale.toString(100.0 * f.probability, 'f', 0)
                                                                                  + QStringLiteral(" %"));
            r.isotopes = isotopes.join(QStringLiteral(", "));
            r.problems = a.flags.join(QStringLiteral(", "));
            if (!a.message.isEmpty())
                r.problems = r.problems.isEmpty() ? a.message : r.problems + QStringLiteral("; ") + a.message;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

Status ReportDocument::begin(Format format, const QString &path, const QSize &pageSize, std::vector<Row> rows,
                             const QString &softwareTag)
{
    abandon();
    m_format = format;
    m_path = path;
    m_pageSize = pageSize;
    m_rows = std::move(rows);
    m_tag = softwareTag;
    m_pages = 0;
    m_htmlPages.clear();
    m_bytes.clear();
    m_open = true;
    if (format == Format::Pdf) {
        m_buffer = std::make_unique<QBuffer>(&m_bytes);
        m_buffer->open(QIODevice::WriteOnly);
        m_pdf = std::make_unique<QPdfWriter>(m_buffer.get());
        m_pdf->setCreator(softwareTag);
        m_pdf->setTitle(tr("Photopeak report"));
        m_pdf->setResolution(kResolution);
        m_pdf->setPageLayout(QPageLayout(QPageSize(QSizeF(pageSize) / kResolution, QPageSize::Inch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        m_painter = std::make_unique<QPainter>();
        if (!m_painter->begin(m_pdf.get())) {
            abandon();
            return makeError(path, tr("cannot start the PDF"));
        }
        paintSummaryPages();
    }
    return Ok{};
}

void ReportDocument::paintSummaryPages()
{
    QPainter &p = *m_painter;
    const int W = m_pageSize.width(), H = m_pageSize.height();
    const double s = std::min(W / 1600.0, H / 1000.0);
    const int margin = int(24 * s), rowH = int(26 * s), top = int(110 * s);
    const int perPage = std::max(1, (H - top - margin) / rowH);
    const int pages = std::max<int>(1, int((m_rows.size() + size_t(perPage) - 1) / size_t(perPage)));
    const int cols[] = {margin, int(W * 0.45), int(W * 0.58), int(W * 0.80)};
    const QStringList headers{tr("Spectrum"), tr("Decision"), tr("Reported isotopes"), tr("Problems")};
    for (int page = 0; page < pages; ++page) {
        if (m_pages > 0)
            m_pdf->newPage();
        ++m_pages;
        p.fillRect(QRect(0, 0, W, H), Qt::white);
        p.setPen(Qt::black);
        p.setFont(pixelFont(26 * s, true));
        p.drawText(QRect(margin, margin, W - 2 * margin, int(34 * s)), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Photopeak report: %n spectra", nullptr, int(m_rows.size())));
        p.setFont(pixelFont(14 * s));
        p.drawText(QRect(margin, margin, W - 2 * margin, int(34 * s)), Qt::AlignRight | Qt::AlignVCenter,
                   tr("Summary, page %1 of %2 · %3").arg(page + 1).arg(pages)
                       .arg(QLocale().toString(QDateTime::currentDateTime(), QStringLiteral("yyyy-MM-dd HH:mm"))));
        int y = top - rowH;
        p.setFont(pixelFont(15 * s, true));
        for (int c = 0; c < 4; ++c)
            p.drawText(QRect(cols[c], y, (c < 3 ? cols[c + 1] : W - margin) - cols[c] - int(8 * s), rowH),
                       Qt::AlignLeft | Qt::AlignVCenter, headers[c]);
        p.drawLine(margin, y + rowH, W - margin, y + rowH);
        p.setFont(pixelFont(14 * s));
        const QFontMetrics fm = p.fontMetrics();
        for (int i = page * perPage; i < std::min<int>(int(m_rows.size()), (page + 1) * perPage); ++i) {
            y += rowH;
            const Row &r = m_rows[size_t(i)];
            const QString cells[] = {r.file, r.decision, r.isotopes, r.problems};
            for (int c = 0; c < 4; ++c) {
                const int w = (c < 3 ? cols[c + 1] : W - margin) - cols[c] - int(8 * s);
                p.drawText(QRect(cols[c], y, w, rowH), Qt::AlignLeft | Qt::AlignVCenter,
                           fm.elidedText(cells[c], Qt::ElideMiddle, w));
            }
        }
    }
}

void ReportDocument::addPage(ReportRenderer &renderer, const ReportRenderer::Input &input)
{
    if (!m_open)
        return;
    if (m_format == Format::Pdf) {
        if (m_pages > 0)
            m_pdf->newPage();
        ++m_pages;
        renderer.paintVector(*m_painter, input);
        return;
    }
    const QImage image = renderer.render(input);
    if (image.isNull())
        return;
    ++m_pages;
    m_htmlPages << htmlSection(input.title, image);
}

void ReportDocument::addPainted(const QString &title, const std::function<void(QPainter &, bool)> &paint)
{
    if (!m_open)
        return;
    if (m_format == Format::Pdf) {
        if (m_pages > 0)
            m_pdf->newPage();
        ++m_pages;
        paint(*m_painter, true);
        return;
    }
    QImage image(m_pageSize, QImage::Format_RGB32);
    image.fill(Qt::white);
    {
        QPainter p(&image);
        paint(p, false);
    }
    ++m_pages;
    m_htmlPages << htmlSection(title, image);
}

QString ReportDocument::htmlDocument() const
{
    QString html = QStringLiteral(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"%1\">\n"
        "<title>%2</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border-bottom:1px solid #ccc;padding:4px 10px;text-align:left}img{max-width:100%}</style>\n"
        "</head><body>\n<h1>%2</h1>\n<table>\n<tr><th>%3</th><th>%4</th><th>%5</th><th>%6</th></tr>\n")
                       .arg(m_tag.toHtmlEscaped(), tr("Photopeak report: %n spectra", nullptr, int(m_rows.size())),
                            tr("Spectrum"), tr("Decision"), tr("Reported isotopes"), tr("Problems"));
    for (const Row &r : m_rows)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                    .arg(r.file.toHtmlEscaped(), r.decision.toHtmlEscaped(), r.isotopes.toHtmlEscaped(),
                         r.problems.toHtmlEscaped());
    html += QStringLiteral("</table>\n");
    html += m_htmlPages.join(QString());
    html += QStringLiteral("</body></html>\n");
    return html;
}

Status ReportDocument::finish()
{
    if (!m_open)
        return makeError(m_path, tr("no report document is open"));
    if (m_format == Format::Pdf) {
        m_painter->end();
        m_painter.reset();
        m_pdf.reset();
        m_buffer.reset();
    } else {
        m_bytes = htmlDocument().toUtf8();
    }
    m_open = false;
    const Status st = writeFileAtomically(m_path, m_bytes, OutputKind::document());
    m_bytes.clear();
    return st;
}

void ReportDocument::abandon()
{
    if (m_painter && m_painter->isActive())
        m_painter->end();
    m_painter.reset();
    m_pdf.reset();
    m_buffer.reset();
    m_bytes.clear();
    m_htmlPages.clear();
    m_open = false;
}

} // namespace photopeak::ui
