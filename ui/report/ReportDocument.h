// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "report/ReportRenderer.h"
#include "util/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

class QPainter;
class QPdfWriter;
class QBuffer;

namespace photopeak::ui {

// A batch report as one file: a multi-page vector PDF (summary table first, then one page per spectrum,
// drawn by the same ReportRenderer as the view and the PNG pages) or a self-contained HTML page (summary
// table and every page as an embedded PNG) for sharing. Built in memory and written by writeFileAtomically
// (io/AtomicFile): the file appears only when complete. GUI thread only (the renderer uses widgets).
class ReportDocument {
    Q_DECLARE_TR_FUNCTIONS(photopeak::ui::ReportDocument)

public:
    enum class Format { Pdf, Html };
    struct Row {  // one line of the summary table
        QString file, decision, isotopes, problems;
    };

    ReportDocument();
    ~ReportDocument();

    static QString suffix(Format format);
    // Summary rows of analyses (notAnalysed: the files only).
    static std::vector<Row> summaryRows(const std::vector<SpectrumAnalysis> &analyses, bool notAnalysed);

    Status begin(Format format, const QString &path, const QSize &pageSize, std::vector<Row> rows,
                 const QString &softwareTag);
    void addPage(ReportRenderer &renderer, const ReportRenderer::Input &input);
    // Any other page of the page size (e.g. the latent model's): `paint` draws it, with its plots as drawing
    // commands when `vector` (PDF) and as pixmaps otherwise.
    void addPainted(const QString &title, const std::function<void(QPainter &painter, bool vector)> &paint);
    Status finish();
    void abandon();
    bool isOpen() const { return m_open; }
    int pages() const { return m_pages; }

private:
    void paintSummaryPages();
    QString htmlDocument() const;

    Format m_format = Format::Pdf;
    QString m_path, m_tag;
    QSize m_pageSize;
    std::vector<Row> m_rows;
    bool m_open = false;
    QByteArray m_bytes;
    std::unique_ptr<QBuffer> m_buffer;
    std::unique_ptr<QPdfWriter> m_pdf;
    std::unique_ptr<QPainter> m_painter;
    QStringList m_htmlPages;  // per spectrum: title and base64 PNG
    int m_pages = 0;
};

} // namespace photopeak::ui
