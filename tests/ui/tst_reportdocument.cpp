// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"

#include "library/SpectrumDataset.h"
#include "report/ReportExporter.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
QByteArray bytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::shared_ptr<const SpectrumDataset> demoMixtures()
{
    const QString folder = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd/misc/Co60_Cs137");
    auto ds = SpectrumDataset::openFolder(folder);
    return ds ? std::make_shared<const SpectrumDataset>(std::move(ds).value()) : nullptr;
}

bool runExport(ReportExporter &exporter, std::shared_ptr<const SpectrumDataset> ds, ReportExporter::Options options,
               bool cancelAtOnce = false)
{
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    if (!exporter.start(std::move(ds), {}, options).ok())
        return false;
    if (cancelAtOnce)
        exporter.cancel();
    return finished.wait(120000);
}
} // namespace

// One batch document (vector PDF or self-contained HTML) instead of PNG files, drawn by the same renderer.
class TestReportDocument : public QObject {
    Q_OBJECT
private slots:
    void pdfHasSummaryAndOneVectorPagePerSpectrum();
    void existingDocumentIsNeverReplaced();
    void htmlEmbedsEveryPage();
    void cancelledExportLeavesNoDocument();
};

void TestReportDocument::pdfHasSummaryAndOneVectorPagePerSpectrum()
{
    auto ds = demoMixtures();
    QVERIFY(ds && ds->size() > 0);
    QTemporaryDir dir;
    ReportExporter exporter;
    ReportExporter::Options o;
    o.outputDir = dir.path();
    o.fitPeaks = false;
    o.document = ReportDocument::Format::Pdf;
    QVERIFY(runExport(exporter, ds, o));
    QCOMPARE(exporter.writtenFiles(), QStringList{dir.filePath(QStringLiteral("report.pdf"))});
    const QByteArray pdf = bytes(dir.filePath(QStringLiteral("report.pdf")));
    QVERIFY(pdf.startsWith("%PDF-"));
    const qsizetype pages = pdf.count("/Type /Page") - pdf.count("/Type /Pages");
    QCOMPARE(pages, qsizetype(1 + ds->size()));
    QCOMPARE(pdf.count("/Subtype /Image"), 0);  // the plots are vector drawings, not pixmaps
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("report.pdf")});
}

void TestReportDocument::existingDocumentIsNeverReplaced()
{
    auto ds = demoMixtures();
    QVERIFY(ds);
    QTemporaryDir dir;
    const QString foreign = dir.filePath(QStringLiteral("report.pdf"));
    QFile f(foreign);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("somebody else's report");
    f.close();
    ReportExporter exporter;
    ReportExporter::Options o;
    o.outputDir = dir.path();
    o.fitPeaks = false;
    o.document = ReportDocument::Format::Pdf;
    QVERIFY(runExport(exporter, ds, o));
    QCOMPARE(bytes(foreign), QByteArray("somebody else's report"));
    QCOMPARE(exporter.writtenFiles(), QStringList{dir.filePath(QStringLiteral("report_2.pdf"))});
    QVERIFY(bytes(dir.filePath(QStringLiteral("report_2.pdf"))).startsWith("%PDF-"));
}

void TestReportDocument::htmlEmbedsEveryPage()
{
    auto ds = demoMixtures();
    QVERIFY(ds);
    QTemporaryDir dir;
    ReportExporter exporter;
    ReportExporter::Options o;
    o.outputDir = dir.path();
    o.fitPeaks = false;
    o.render.size = QSize(800, 500);
    o.document = ReportDocument::Format::Html;
    QVERIFY(runExport(exporter, ds, o));
    const QString html = QString::fromUtf8(bytes(dir.filePath(QStringLiteral("report.html"))));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QCOMPARE(html.count(QStringLiteral("data:image/png;base64,")), ds->size());
    for (const DatasetEntry &e : ds->entries())
        QVERIFY2(html.contains(QFileInfo(e.relativePath).fileName()), qPrintable(e.relativePath));
    QVERIFY(html.contains(ReportExporter::softwareTag()));
}

void TestReportDocument::cancelledExportLeavesNoDocument()
{
    auto ds = demoMixtures();
    QVERIFY(ds);
    QTemporaryDir dir;
    ReportExporter exporter;
    ReportExporter::Options o;
    o.outputDir = dir.path();
    o.fitPeaks = false;
    o.document = ReportDocument::Format::Pdf;
    QVERIFY(runExport(exporter, ds, o, true));
    QVERIFY(exporter.wasCancelled());
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

QTEST_MAIN(TestReportDocument)
#include "tst_reportdocument.moc"
