// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "report/ReportExporter.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "peaks/PeakAnalyzer.h"
#include "report/LatentReportPage.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QBuffer>
#include <QPainter>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace photopeak::ui {

namespace {
constexpr int kMaxBaseLength = 120;

} // namespace

namespace {
constexpr int kMaxQueuedWrites = 3;  // rendered pages waiting for the writer (each about 6 MB)
}

ReportExporter::ReportExporter(QObject *parent) : QObject(parent)
{
    m_writers.setMaxThreadCount(1);
}

ReportExporter::~ReportExporter()
{
    m_writers.waitForDone();
}

void ReportExporter::collectWrites(bool wait)
{
    while (!m_pendingWrites.isEmpty() && (wait || m_pendingWrites.first().isFinished())) {
        const WriteOutcome outcome = m_pendingWrites.takeFirst().result();
        if (!outcome.error.isEmpty()) {
            m_errors << outcome.error;
            continue;
        }
        m_written << outcome.path;
        emit reportWritten(outcome.path);
    }
}

QString ReportExporter::softwareTag() { return QStringLiteral("Photopeak report"); }

QString ReportExporter::baseName(const QString &relativePath, int indexInSource)
{
    QString path = QDir::fromNativeSeparators(relativePath.trimmed());
    if (QDir::isAbsolutePath(path))
        path = QFileInfo(path).fileName();  // single files: the name only, never the whole tree
    // Drop the spectrum file suffix ("x.sps" -> "x"), keep dots inside names.
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype dot = path.lastIndexOf(QLatin1Char('.'));
    if (dot > slash + 1)
        path.truncate(dot);
    if (indexInSource > 0)
        path += QStringLiteral("_row%1").arg(indexInSource);
    QString out;
    out.reserve(path.size());
    for (const QChar c : path) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                          || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('.');
        const QChar next = safe ? c : QLatin1Char('_');
        if (next == QLatin1Char('_') && out.endsWith(QLatin1Char('_')))
            continue;
        out += next;
    }
    while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('_')))
        out.remove(0, 1);
    while (out.endsWith(QLatin1Char('.')) || out.endsWith(QLatin1Char('_')))
        out.chop(1);
    if (out.isEmpty())
        out = QStringLiteral("spectrum");
    if (out.size() > kMaxBaseLength) {
        const QString hash = QString::fromLatin1(
            QCryptographicHash::hash(relativePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(8));
        out = out.right(kMaxBaseLength - 9);
        while (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('_')))
            out.remove(0, 1);
        out = hash + QLatin1Char('_') + out;
    }
    return out;
}

Status ReportExporter::start(std::shared_ptr<const SpectrumDataset> dataset, std::vector<SpectrumAnalysis> analyses,
                             Options options, JobControl *job)
{
    if (m_running)
        return makeError(options.outputDir, tr("a report export is already running"));
    if (!dataset)
        return makeError(options.outputDir, tr("no spectra to export"));
    if (options.outputDir.isEmpty())
        return makeError(QString(), tr("no output folder given"));
    if (!QDir().mkpath(options.outputDir) || !QFileInfo(options.outputDir).isDir())
        return makeError(options.outputDir, tr("cannot create the output folder"));

    m_notAnalysed = analyses.empty();
    if (m_notAnalysed) {
        // Nothing analysed: one "not analysed" page per entry (the results only carry the entry).
        for (int i = 0; i < dataset->size(); ++i) {
            SpectrumAnalysis a;
            a.entryIndex = i;
            a.file = dataset->entries()[static_cast<size_t>(i)].relativePath;
            analyses.push_back(std::move(a));
        }
    }
    m_dataset = std::move(dataset);
    m_analyses = std::move(analyses);
    m_options = std::move(options);
    m_options.reportsPerTurn = std::max(1, m_options.reportsPerTurn);
    m_job = job;
    if (!m_renderer)
        m_renderer = std::make_unique<ReportRenderer>(m_options.render);
    else
        m_renderer->setOptions(m_options.render);
    m_usedNames.clear();
    m_guard = OutputGuard();
    for (const DatasetEntry &e : m_dataset->entries())
        m_guard.addInput(e.spectrum.sourcePath);
    m_written.clear();
    m_errors.clear();
    m_next = 0;
    m_cancelled = false;
    m_latentDone = !m_options.render.latent || m_notAnalysed;
    m_documentPath.clear();
    if (m_options.document) {
        const QString suffix = ReportDocument::suffix(*m_options.document);
        const QDir dir(m_options.outputDir);
        for (int n = 1;; ++n) {
            m_documentPath = dir.filePath(n == 1 ? QStringLiteral("report.%1").arg(suffix)
                                                 : QStringLiteral("report_%1.%2").arg(n).arg(suffix));
            if (!QFileInfo::exists(m_documentPath))
                break;
        }
        const Status st = m_document.begin(*m_options.document, m_documentPath, m_options.render.size,
                                           ReportDocument::summaryRows(m_analyses, m_notAnalysed), softwareTag());
        if (!st)
            return st;
    }
    m_running = true;
    JobControl::report(m_job, 0, total(), tr("Writing reports"));
    emit progress(0, total());
    QTimer::singleShot(0, this, &ReportExporter::step);
    return Ok{};
}

void ReportExporter::cancel()
{
    if (m_running)
        m_cancelled = true;
}

void ReportExporter::step()
{
    if (!m_running)
        return;
    collectWrites(false);
    if (m_pendingWrites.size() >= kMaxQueuedWrites) {
        QTimer::singleShot(5, this, &ReportExporter::step);  // let the writer catch up
        return;
    }
    for (int k = 0; k < m_options.reportsPerTurn && m_next < total(); ++k) {
        if (m_cancelled || JobControl::cancelled(m_job)) {
            m_cancelled = true;
            break;
        }
        exportOne(m_analyses[static_cast<size_t>(m_next)]);
        ++m_next;
        JobControl::report(m_job, m_next, total(), tr("Writing reports"));
        emit progress(m_next, total());
    }
    if (!m_cancelled && !JobControl::cancelled(m_job) && m_next >= total() && !m_latentDone) {
        m_latentDone = true;
        exportLatentPage();
    }
    if (m_cancelled || JobControl::cancelled(m_job) || m_next >= total()) {
        m_cancelled = m_cancelled || (JobControl::cancelled(m_job) && m_next < total());
        if (!m_pendingWrites.isEmpty()) {
            // Pages already rendered are still written; finish when the writer is done.
            collectWrites(false);
            if (!m_pendingWrites.isEmpty()) {
                QTimer::singleShot(5, this, &ReportExporter::step);
                return;
            }
        }
        finish();
        return;
    }
    QTimer::singleShot(0, this, &ReportExporter::step);
}

void ReportExporter::finish()
{
    m_running = false;
    if (m_document.isOpen()) {
        if (m_cancelled) {
            m_document.abandon();  // no partial document under the final name
        } else if (const Status st = m_document.finish(); st) {
            m_written << m_documentPath;
            emit reportWritten(m_documentPath);
        } else {
            m_errors << st.error().toString();
        }
    }
    if (m_cancelled)
        m_errors << tr("Export cancelled after %1 of %2 spectra.").arg(m_next).arg(total());
    m_renderer.reset();  // releases the offscreen plot between batches
    emit finished(static_cast<int>(m_written.size()), m_errors);
}

QString ReportExporter::targetPath(const QString &relativePath, int indexInSource)
{
    const QDir dir(m_options.outputDir);
    const QString base = baseName(relativePath, indexInSource);
    for (int n = 1;; ++n) {
        const QString name = n == 1 ? base + QStringLiteral(".png") : QStringLiteral("%1_%2.png").arg(base).arg(n);
        const QString path = dir.filePath(name);
        // Never an input, never a file Photopeak did not write as a PNG report: such names get a suffix.
        if (m_usedNames.contains(name.toLower()) || !m_guard.check(path, OutputKind::image()))
            continue;
        m_usedNames.insert(name.toLower());
        return path;
    }
}

void ReportExporter::exportOne(const SpectrumAnalysis &analysis)
{
    const int index = analysis.entryIndex;
    const QString shown = analysis.file;
    if (index < 0 || index >= m_dataset->size()) {
        m_errors << tr("%1: no spectrum for this result").arg(shown.isEmpty() ? tr("(unnamed)") : shown);
        return;
    }
    const DatasetEntry &entry = m_dataset->entries()[static_cast<size_t>(index)];
    const QString name = shown.isEmpty() ? entry.relativePath : shown;
    if (!entry.isReadable()) {
        m_errors << tr("%1: %2").arg(name, entry.message);
        return;
    }
    if (entry.spectrum.channelCount() == 0) {
        m_errors << tr("%1: no channels to draw").arg(name);
        return;
    }
    // The analysis' own peak fit when it ran one (fit once); otherwise fitted here.
    std::shared_ptr<const PeakAnalysis> peaks = analysis.peaks;
    const bool fitted = m_options.fitPeaks && !entry.spectrum.problems.blocksAnalysis();
    if (fitted && !peaks)
        peaks = std::make_shared<const PeakAnalysis>(PeakAnalyzer().run(entry.spectrum));
    ReportRenderer::Input input;
    input.spectrum = &entry.spectrum;
    input.analysis = m_notAnalysed ? nullptr : &analysis;
    input.peaks = fitted ? peaks.get() : nullptr;
    input.background = m_options.background.get();
    input.title = name;
    if (m_document.isOpen()) {
        m_document.addPage(*m_renderer, input);
        return;
    }
    QImage image = m_renderer->render(input);
    if (image.isNull()) {
        m_errors << tr("%1: nothing to draw").arg(name);
        return;
    }
    queueWrite(std::move(image), targetPath(name, entry.spectrum.indexInSource), name, entry.spectrum.sourcePath);
}

void ReportExporter::exportLatentPage()
{
    const LatentReportPage::Data data
        = LatentReportPage::collect(m_options.render.latent, m_options.latentName, *m_dataset, m_analyses);
    const QSize size = m_options.render.size;
    const QDateTime date = m_options.render.date;
    if (m_document.isOpen()) {
        m_document.addPainted(LatentReportPage::title(),
                              [&](QPainter &painter, bool vector) { LatentReportPage::paint(painter, size, data, vector, date); });
        return;
    }
    QImage image = LatentReportPage::render(size, data, date);
    if (image.isNull())
        return;
    const QString name = QStringLiteral("latent-model");
    queueWrite(std::move(image), targetPath(name, 0), name, m_options.latentName);
}

void ReportExporter::queueWrite(QImage image, const QString &path, const QString &name, const QString &source)
{
    image.setText(QStringLiteral("Software"), softwareTag());
    image.setText(QStringLiteral("Source"), source);
    m_pendingWrites << QtConcurrent::run(&m_writers, [image = std::move(image), path, name]() -> WriteOutcome {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!image.save(&buffer, "PNG"))
            return {path, tr("%1: cannot encode %2 as PNG").arg(name, path)};
        if (const Status st = writeFileAtomically(path, png, OutputKind::image()); !st)
            return {path, tr("%1: %2").arg(name, st.error().toString())};
        return {path, QString()};
    });
}

} // namespace photopeak::ui
