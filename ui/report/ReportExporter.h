// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "io/OutputGuard.h"
#include "jobs/JobControl.h"
#include "library/SpectrumDataset.h"
#include "report/ReportDocument.h"
#include "report/ReportRenderer.h"
#include "util/Result.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak::ui {

// Batch export of PNG reports (one per analysed spectrum) into a folder, or of one PDF/HTML batch document. Rendering uses widgets, so it runs
// in the GUI thread, a few reports per event-loop turn: the window stays responsive, progress() follows each
// report and cancel() (or the JobControl's cancel flag) stops between two reports. File names come from the
// spectrum's relative path (safe characters, unique in the batch); an input file or a PNG that Photopeak did
// not write (OutputGuard) is never overwritten, and every PNG is written atomically (writeFileAtomically). Rendering happens in the
// GUI thread; encoding and writing the PNG on a worker thread (a few pages may be queued).
class ReportExporter : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString outputDir;
        ReportRenderer::Options render;
        bool fitPeaks = true;                       // fit the peaks of each spectrum: drawn, and their widths size the shading
        int reportsPerTurn = 1;                     // reports rendered per event-loop turn
        std::shared_ptr<const Spectrum> background; // optional overlay on every report
        // Set: one batch file (vector PDF or HTML, summary table first) named report.pdf / report.html in
        // outputDir (report_2.pdf, ... when taken: an existing file is never replaced) instead of PNG files.
        std::optional<ReportDocument::Format> document;
        // With render.latent: after the spectra, one page of the latent model's views (LatentReportPage), named
        // latent-model.png (PNG reports) or the last page of the document; latentName is its title.
        QString latentName;
    };

    explicit ReportExporter(QObject *parent = nullptr);
    ~ReportExporter() override;

    // Starts exporting `analyses` (each refers to dataset entry SpectrumAnalysis::entryIndex); with no analyses
    // every entry of the dataset gets a "not analysed" report. Fails at once when an export is running or the
    // folder cannot be created; otherwise returns immediately and reports through the signals. `job` (optional)
    // must outlive the export.
    Status start(std::shared_ptr<const SpectrumDataset> dataset, std::vector<SpectrumAnalysis> analyses, Options options,
                 JobControl *job = nullptr);
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }
    int total() const { return static_cast<int>(m_analyses.size()); }
    const QStringList &writtenFiles() const { return m_written; }
    const QStringList &errors() const { return m_errors; }

    // File name without folder and suffix for a spectrum: the relative path with '/' as '_', only
    // [A-Za-z0-9._-] (others become '_'), a "_rowN" suffix for rows of multi-spectrum files, at most 120
    // characters (longer paths keep their end and get a short hash). Never empty.
    static QString baseName(const QString &relativePath, int indexInSource = 0);
    // Key written into every PNG ("Software" text chunk) to recognise Photopeak reports.
    static QString softwareTag();

signals:
    void progress(int done, int total);
    void reportWritten(const QString &path);
    void finished(int written, const QStringList &errors);

private:
    void step();
    void exportOne(const SpectrumAnalysis &analysis);
    void exportLatentPage();
    // Queues the PNG write of a rendered page (worker thread).
    void queueWrite(QImage image, const QString &path, const QString &name, const QString &source);
    QString targetPath(const QString &relativePath, int indexInSource);
    void finish();
    // Takes in the PNG writes that have completed (in order); with `wait`, all of them.
    void collectWrites(bool wait);

    struct WriteOutcome {
        QString path;
        QString error;  // empty when written
    };

    std::shared_ptr<const SpectrumDataset> m_dataset;
    std::vector<SpectrumAnalysis> m_analyses;
    Options m_options;
    JobControl *m_job = nullptr;
    std::unique_ptr<ReportRenderer> m_renderer;
    QSet<QString> m_usedNames;   // lower case, this batch
    OutputGuard m_guard;         // the dataset's files are its inputs
    QStringList m_written, m_errors;
    int m_next = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_notAnalysed = false;  // started without analyses
    bool m_latentDone = false;   // the latent model page was made (or is not wanted)
    // PNG encoding and writing run on one worker thread, so the GUI thread only renders.
    QThreadPool m_writers;
    ReportDocument m_document;
    QString m_documentPath;
    QList<QFuture<WriteOutcome>> m_pendingWrites;
};

} // namespace photopeak::ui
