// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// ReportRenderer and ReportExporter on a real demo spectrum with a hand-made SpectrumAnalysis: page size and
// content, the Cs137 region shaded by probability, file names, atomic batch export with progress and errors.

#include "io/OutputLedger.h"
#include "library/SpectrumDataset.h"
#include "peaks/NuclideLibrary.h"
#include "report/ReportExporter.h"
#include "report/ReportRenderer.h"

#include <QDir>
#include <QImageReader>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
const QString kDemoCs = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd/srcs/Cs137/15s/15cm");
const QString kCsFile = kDemoCs + QStringLiteral("/2022629_152315_Cs-137_15s_15cm.sps");

SpectrumAnalysis csAnalysis(double csProbability)
{
    SpectrumAnalysis a;
    a.file = QStringLiteral("srcs/Cs137/15s/15cm/2022629_152315_Cs-137_15s_15cm.sps");
    a.entryIndex = 0;
    a.decision = SpectrumAnalysis::Decision::Source;
    a.sourceProbability = 0.99;
    a.sigmaSignificance = 42.0;
    a.sigmaSource = true;
    a.isotopes = {
        {QStringLiteral("Am241"), 0.01, false, std::nullopt, std::nullopt, 250.0},
        {QStringLiteral("Co60"), 0.02, false, std::nullopt, std::nullopt, std::nullopt},
        {QStringLiteral("Cs137"), csProbability, csProbability >= 0.5, 104e3, 8e3, std::nullopt},
    };
    a.liveTimeSeconds = 15;
    a.distanceCm = 15;
    a.model = QStringLiteral("logistic+logistic (model.json)");
    return a;
}

bool uniform(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}
} // namespace

class TestReportRenderer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void rendersPageOfFixedSize();
    void isotopeRegionShadedByProbability();
    void pageWithoutAnalysisOrCalibration();
    void samePageWhateverCameBefore();
    void fileNames_data();
    void fileNames();
    void exportsFolderIncrementally();
    void neverOverwritesForeignFiles();

private:
    std::shared_ptr<const SpectrumDataset> m_dataset;
};

void TestReportRenderer::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    qputenv("PHOTOPEAK_NUCLIDES", PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv");
    QVERIFY2(QFileInfo::exists(kCsFile), qPrintable(kCsFile));
    auto ds = SpectrumDataset::openFolder(kDemoCs);
    QVERIFY(ds.ok());
    QVERIFY(ds->size() >= 3);
    QVERIFY(ds->entries().front().isReadable());
    QCOMPARE(QFileInfo(ds->entries().front().spectrum.sourcePath).fileName(), QFileInfo(kCsFile).fileName());
    m_dataset = std::make_shared<const SpectrumDataset>(std::move(ds.value()));
}

void TestReportRenderer::rendersPageOfFixedSize()
{
    ReportRenderer renderer;
    QVERIFY2(renderer.library(), qPrintable(renderer.libraryProblem()));
    const SpectrumAnalysis analysis = csAnalysis(0.97);
    ReportRenderer::Input input;
    input.spectrum = &m_dataset->entries().front().spectrum;
    input.analysis = &analysis;
    const QImage image = renderer.render(input);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(1600, 1000));
    QVERIFY(!uniform(image));
    // The plot covers most of the width and sits between title and tables.
    QVERIFY(renderer.plotRect().width() > 1400);
    QVERIFY(renderer.plotRect().top() > 60 && renderer.plotRect().bottom() < 800);
    QCOMPARE(renderer.plot()->xAxis->label(), QStringLiteral("Energy (keV)"));

    ReportRenderer::Options small;
    small.size = QSize(800, 500);
    renderer.setOptions(small);
    QCOMPARE(renderer.render(input).size(), QSize(800, 500));
    ReportRenderer::Options empty;
    empty.size = QSize(0, 0);
    renderer.setOptions(empty);
    QVERIFY(renderer.render(input).isNull());
}

void TestReportRenderer::isotopeRegionShadedByProbability()
{
    ReportRenderer renderer;
    ReportRenderer::Input input;
    input.spectrum = &m_dataset->entries().front().spectrum;
    const SpectrumAnalysis shaded = csAnalysis(0.97), unshaded = csAnalysis(0.0);

    input.analysis = &unshaded;
    const QImage without = renderer.render(input);
    const QCPRange yRange = renderer.plot()->yAxis->range();
    const QCPRange xRange = renderer.plot()->xAxis->range();
    input.analysis = &shaded;
    const QImage with = renderer.render(input);
    QCOMPARE(renderer.plot()->yAxis->range(), yRange);  // same plot apart from the annotations
    QCOMPARE(renderer.plot()->xAxis->range(), xRange);
    QVERIFY(xRange.contains(661.657));

    // Sample a column through the 662 keV region at several heights (log axis): the shading changes most of
    // them (the step line itself may cover one). Far from any Cs137 line nothing changes.
    int changedInRegion = 0, changedOutside = 0, samples = 0;
    for (double f : {0.15, 0.3, 0.45, 0.6, 0.75, 0.9}) {
        const double value = std::pow(10.0, std::log10(yRange.lower) + f * (std::log10(yRange.upper) - std::log10(yRange.lower)));
        const QPoint in = renderer.pagePoint(661.657 + 4.0, value).toPoint();
        const QPoint out = renderer.pagePoint(1000.0, value).toPoint();
        QVERIFY(renderer.plotRect().contains(in));
        ++samples;
        changedInRegion += with.pixel(in) != without.pixel(in);
        changedOutside += with.pixel(out) != without.pixel(out);
    }
    QVERIFY2(changedInRegion >= samples - 1, qPrintable(QStringLiteral("%1 of %2").arg(changedInRegion).arg(samples)));
    QCOMPARE(changedOutside, 0);
    // Darker with the shading (a colour over white or over the light spectrum fill).
    const QPoint probe = renderer.pagePoint(661.657 + 4.0, yRange.upper / 2.0).toPoint();
    QVERIFY(qGray(with.pixel(probe)) < qGray(without.pixel(probe)));
}

void TestReportRenderer::pageWithoutAnalysisOrCalibration()
{
    ReportRenderer renderer;
    Spectrum s = m_dataset->entries().front().spectrum;
    s.calibration = EnergyCalibration();  // invalid: channel axis, no regions, a note on the page
    const SpectrumAnalysis analysis = csAnalysis(0.97);
    ReportRenderer::Input input;
    input.spectrum = &s;
    input.analysis = &analysis;
    const QImage image = renderer.render(input);
    QCOMPARE(image.size(), QSize(1600, 1000));
    QCOMPARE(renderer.plot()->xAxis->label(), QStringLiteral("Channel"));
    input.analysis = nullptr;
    QVERIFY(!uniform(renderer.render(input)));
    input.spectrum = nullptr;
    QVERIFY(renderer.render(input).isNull());
}

void TestReportRenderer::samePageWhateverCameBefore()
{
    // QCustomPlot's cached axis margins must not carry over from a fresh plot or from the page before.
    const SpectrumAnalysis analysis = csAnalysis(0.97);
    ReportRenderer::Input input;
    input.spectrum = &m_dataset->entries().front().spectrum;
    input.analysis = &analysis;
    ReportRenderer::Options options;
    options.date = QDateTime(QDate(2026, 1, 2), QTime(3, 4));
    ReportRenderer first(options);
    const QImage fresh = first.render(input);
    ReportRenderer other(options);
    ReportRenderer::Options linear = options;
    linear.plot.logScale = false;
    other.setOptions(linear);
    other.render(input);
    other.setOptions(options);
    QCOMPARE(other.render(input), fresh);
    QCOMPARE(first.render(input), fresh);
}

void TestReportRenderer::fileNames_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("name");
    QTest::newRow("folders joined") << QStringLiteral("srcs/Cs137/15s/15cm/a_Cs-137.sps") << 0
                                    << QStringLiteral("srcs_Cs137_15s_15cm_a_Cs-137");
    QTest::newRow("absolute file") << QStringLiteral("/data/x y/spec.spe") << 0 << QStringLiteral("spec");
    QTest::newRow("row of a library") << QStringLiteral("lib/all.h5") << 12 << QStringLiteral("lib_all_row12");
    QTest::newRow("unsafe characters") << QStringLiteral("ü:*?/..//a<b>|c.sps") << 0 << QStringLiteral("a_b_c");
    QTest::newRow("nothing left") << QStringLiteral("???") << 0 << QStringLiteral("spectrum");
}

void TestReportRenderer::fileNames()
{
    QFETCH(QString, relative);
    QFETCH(int, row);
    QFETCH(QString, name);
    QCOMPARE(ReportExporter::baseName(relative, row), name);
    const QString longName = ReportExporter::baseName(QString(300, QLatin1Char('a')) + QStringLiteral(".sps"));
    QVERIFY(longName.size() <= 120);
    QVERIFY(longName != ReportExporter::baseName(QString(301, QLatin1Char('a')) + QStringLiteral(".sps")));
}

void TestReportRenderer::exportsFolderIncrementally()
{
    QTemporaryDir out;
    std::vector<SpectrumAnalysis> analyses;
    for (int i = 0; i < 3; ++i) {
        SpectrumAnalysis a = csAnalysis(0.9);
        a.entryIndex = i;
        a.file = m_dataset->entries()[static_cast<size_t>(i)].relativePath;
        analyses.push_back(a);
    }
    analyses[1].file = analyses[0].file;  // same name twice: the second gets "_2"
    SpectrumAnalysis missing = csAnalysis(0.9);
    missing.entryIndex = 99;
    missing.file = QStringLiteral("gone.sps");
    analyses.push_back(missing);

    ReportExporter exporter;
    QSignalSpy progress(&exporter, &ReportExporter::progress);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    JobControl job;
    qint64 reported = 0;
    job.setProgressCallback([&](qint64 done, qint64, const QString &) { reported = done; });
    ReportExporter::Options options;
    options.outputDir = out.filePath(QStringLiteral("reports"));
    options.render.size = QSize(800, 500);
    const Status started = exporter.start(m_dataset, analyses, options, &job);
    QVERIFY(started.ok());
    QVERIFY(exporter.isRunning());
    QCOMPARE(finished.count(), 0);  // nothing rendered before the event loop runs
    QVERIFY(finished.wait(60000));
    QCOMPARE(progress.count(), 5);  // 0 and each of four
    QCOMPARE(progress.last().at(0).toInt(), 4);
    QCOMPARE(reported, 4);
    QCOMPARE(finished.first().at(0).toInt(), 3);
    const QStringList errors = finished.first().at(1).toStringList();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.front().contains(QStringLiteral("gone.sps")));
    const QStringList files = QDir(options.outputDir).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 3);
    QVERIFY(files.contains(ReportExporter::baseName(analyses[0].file) + QStringLiteral(".png")));
    QVERIFY(files.contains(ReportExporter::baseName(analyses[0].file) + QStringLiteral("_2.png")));
    for (const QString &f : files) {
        QImageReader reader(QDir(options.outputDir).filePath(f));
        QCOMPARE(reader.size(), QSize(800, 500));
        QCOMPARE(reader.text(QStringLiteral("Software")), ReportExporter::softwareTag());
    }
    // No temporary files left: the three reports and the output ledger.
    QCOMPARE(QDir(options.outputDir).entryList(QDir::Files | QDir::Hidden).size(), 4);
    QVERIFY(QFileInfo::exists(OutputLedger::ledgerPath(QDir(options.outputDir).filePath(files.front()))));

    // Again into the same folder: the old reports are replaced, not duplicated. Cancel stops early.
    JobControl cancelled;
    cancelled.cancel();
    QSignalSpy finished2(&exporter, &ReportExporter::finished);
    QVERIFY(exporter.start(m_dataset, analyses, options, &cancelled).ok());
    QVERIFY(finished2.wait(60000));
    QVERIFY(exporter.wasCancelled());
    QCOMPARE(finished2.first().at(0).toInt(), 0);
    QVERIFY(exporter.start(m_dataset, analyses, options).ok());
    QVERIFY(!exporter.start(m_dataset, analyses, options).ok());  // one export at a time
    QSignalSpy finished3(&exporter, &ReportExporter::finished);
    QVERIFY(finished3.wait(60000));
    QCOMPARE(QDir(options.outputDir).entryList({QStringLiteral("*.png")}, QDir::Files).size(), 3);
}

void TestReportRenderer::neverOverwritesForeignFiles()
{
    // Reports written into the input folder itself, where a PNG that Photopeak did not write has the name a
    // report would get.
    QTemporaryDir out;
    const QString input = out.filePath(QStringLiteral("a.sps"));
    QVERIFY(QFile::copy(kCsFile, input));
    const QString photo = out.filePath(QStringLiteral("b.png"));
    QVERIFY(QImage(10, 10, QImage::Format_RGB32).save(photo));
    const QByteArray inputBytes = [&] {
        QFile f(input);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    auto opened = SpectrumDataset::openFolder(out.path());
    QVERIFY(opened.ok());
    QCOMPARE(opened->size(), 1);  // the PNG is no spectrum
    auto ds = std::make_shared<const SpectrumDataset>(std::move(opened.value()));
    std::vector<SpectrumAnalysis> analyses(2, csAnalysis(0.9));
    analyses[0].entryIndex = analyses[1].entryIndex = 0;
    analyses[0].file = QStringLiteral("a.sps");
    analyses[1].file = QStringLiteral("b.sps");
    ReportExporter exporter;
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    ReportExporter::Options options;
    options.outputDir = out.path();
    options.render.size = QSize(400, 250);
    QVERIFY(exporter.start(ds, analyses, options).ok());
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toInt(), 2);
    QFile f(input);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), inputBytes);
    QCOMPARE(QImageReader(photo).size(), QSize(10, 10));
    QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("a.png"))));
    QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("b_2.png"))));
}

QTEST_MAIN(TestReportRenderer)
#include "tst_reportrenderer.moc"
