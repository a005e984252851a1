// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The latent model's detail views (ui/modelviews): original vs denoised with cosine similarity, misclassified
// spectra beside the loadings, mean shares per true label, loadings similarity; PNG export through the guard.
// Real GAMMA_FLOW reference loadings and measured test spectra (PNGs to $PHOTOPEAK_MODELVIEWS_PNG_DIR when set).

#include "TestData.h"

#include "eval/LatentProtocol.h"
#include "io/ReaderRegistry.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentModel.h"
#include "modelviews/DenoisedSpectrumView.h"
#include "modelviews/LatentExample.h"
#include "modelviews/LoadingsSimilarityView.h"
#include "modelviews/MeanSharesView.h"
#include "modelviews/MisclassifiedSpectraView.h"
#include "modelviews/PlotExport.h"
#include "analysis/SpectrumAnalyzer.h"
#include "library/SpectrumDataset.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "report/LatentReportPage.h"
#include "report/ReportExporter.h"
#include "report/ReportRenderer.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
double inkShare(const QImage &image)
{
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 200;
    return double(ink) / double(image.width() * image.height());
}
} // namespace

class TestLatentViews : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void similarityOfTheReferenceLoadings();
    void denoisedSpectrumAndMisclassified();
    void meanSharesPerLabel();
    void pngExportIsGuarded();
    void reportPagesCarryTheViews();

private:
    std::optional<LatentModel> m_model;
    QString m_dataDir;
    QString m_outDir;
    QTemporaryDir m_tmp;
    void render(QWidget *w, const QString &name);
};

void TestLatentViews::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(csv, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    PHOTOPEAK_REQUIRE_DATA(dataDir, QStringLiteral("gamma_flow"));
    auto model = LatentModel::fromReferenceCsv(csv, 7);
    QVERIFY(model.ok());
    m_model = std::move(model).value();
    m_dataDir = dataDir;
    const QByteArray keep = qgetenv("PHOTOPEAK_MODELVIEWS_PNG_DIR");
    m_outDir = keep.isEmpty() ? m_tmp.path() : QString::fromLocal8Bit(keep);
    QDir().mkpath(m_outDir);
}

void TestLatentViews::render(QWidget *w, const QString &name)
{
    w->resize(1200, 700);
    w->show();
    QVERIFY(QTest::qWaitForWindowExposed(w));
    const QImage image = w->grab().toImage();
    QVERIFY(image.save(QDir(m_outDir).filePath(name)));
    const double ink = inkShare(image);
    QVERIFY2(ink > 0.02, qPrintable(QStringLiteral("%1 looks blank: %2 % ink").arg(name).arg(100 * ink)));
    w->hide();
}

void TestLatentViews::similarityOfTheReferenceLoadings()
{
    const std::vector<double> s = loadingsSimilarity(*m_model);
    const int K = m_model->componentCount();
    QCOMPARE(int(s.size()), K * K);
    for (int a = 0; a < K; ++a) {
        QVERIFY(std::abs(s[size_t(a) * K + a] - 1.0) < 1e-12);
        for (int b = 0; b < K; ++b) {
            QCOMPARE(s[size_t(a) * K + b], s[size_t(b) * K + a]);
            QVERIFY(s[size_t(a) * K + b] >= 0.0 && s[size_t(a) * K + b] <= 1.0 + 1e-12);
            if (a != b)  // distinct isotopes: clearly below 1 (the fit can tell them apart)
                QVERIFY2(s[size_t(a) * K + b] < 0.99, qPrintable(m_model->components()[a] + m_model->components()[b]));
        }
    }
    LoadingsSimilarityView view;
    view.setModel(*m_model);
    QCOMPARE(view.similarity(), s);
    render(&view, QStringLiteral("loadings-similarity.png"));
}

void TestLatentViews::denoisedSpectrumAndMisclassified()
{
    const LatentProtocol protocol = LatentProtocol::gammaFlowDefault(m_dataDir);
    std::vector<Spectrum> raw;
    for (const QString &path : protocol.singleFiles) {
        auto spectra = ReaderRegistry::instance().read(path);
        QVERIFY2(spectra.ok(), qPrintable(spectra.ok() ? QString() : spectra.error().message));
        for (Spectrum &s : *spectra)
            raw.push_back(std::move(s));
    }
    QVERIFY(raw.size() > 100);
    LatentAnalyser analyser(*m_model);
    // A Cs137 spectrum: reconstructed closely, Cs137 holds a large share.
    const Spectrum *cs = nullptr;
    for (const Spectrum &s : raw)
        if (s.labels.contains(QStringLiteral("Cs137")) && s.totalCounts() > 2000) {
            cs = &s;
            break;
        }
    QVERIFY(cs);
    const LatentExample e = LatentExample::analyse(analyser, *cs, QStringLiteral("Cs137 test row"));
    QVERIFY(e.isValid());
    QCOMPARE(e.channels(), m_model->channelCount());
    QVERIFY2(e.cosine > 0.9, qPrintable(QString::number(e.cosine)));
    const int cs137 = int(m_model->components().indexOf(QStringLiteral("Cs137")));
    QVERIFY(e.shares[size_t(cs137)] > 0.2);
    double sum = 0.0;  // the reconstruction is scores x loadings
    for (int k = 0; k < m_model->componentCount(); ++k)
        sum += e.scores[size_t(k)] * e.loading(k)[100];
    QVERIFY(std::abs(sum - e.denoised[100]) <= 1e-9 * (1.0 + std::abs(sum)));

    DenoisedSpectrumView denoised;
    denoised.setExample(e);
    QVERIFY(denoised.plot()->graphCount() >= 3);  // original, at least one component, denoised
    render(&denoised, QStringLiteral("denoised.png"));

    // Misclassified: the rows whose predicted set differs from the truth.
    std::vector<LatentExample> wrong;
    int total = 0;
    for (const Spectrum &s : raw) {
        LatentExample x = LatentExample::analyse(analyser, s, s.displayName());
        if (!x.isValid())
            continue;
        ++total;
        QStringList truth = s.labels;
        truth.sort(Qt::CaseInsensitive);
        x.trueKey = truth.join(QLatin1Char('+'));
        if (x.trueKey != x.predictedKey && wrong.size() < 40)
            wrong.push_back(std::move(x));
    }
    QVERIFY(!wrong.empty());
    MisclassifiedSpectraView view;
    view.setExamples(wrong, total);
    QCOMPARE(view.exampleCount(), int(wrong.size()));
    QCOMPARE(view.findChild<QComboBox *>()->count(), int(wrong.size()));
    QVERIFY(view.plot()->graphCount() >= 3);  // spectrum, denoised, at least one loading
    render(&view, QStringLiteral("misclassified.png"));
    view.showExample(int(wrong.size()) - 1);
    QCOMPARE(view.findChild<QComboBox *>()->currentIndex(), int(wrong.size()) - 1);
}

void TestLatentViews::meanSharesPerLabel()
{
    const QStringList components{QStringLiteral("Am241"), QStringLiteral("Cs137"), QStringLiteral("background")};
    std::vector<LatentScatterPoint> points{
        {{0.8, 0.0, 0.2}, QStringLiteral("Am241"), QStringLiteral("Am241"), true, 0},
        {{0.6, 0.1, 0.3}, QStringLiteral("Am241"), QStringLiteral("Am241"), true, 1},
        {{0.0, 0.5, 0.5}, QStringLiteral("Cs137"), QStringLiteral("Cs137"), true, 2},
    };
    MeanSharesView view;
    view.setData(components, points);
    QCOMPARE(view.classes(), (QStringList{QStringLiteral("Am241"), QStringLiteral("Cs137")}));
    QVERIFY(std::abs(view.meanShare(0, 0) - 0.7) < 1e-12);
    QVERIFY(std::abs(view.meanShare(0, 2) - 0.25) < 1e-12);
    QVERIFY(std::abs(view.meanShare(1, 1) - 0.5) < 1e-12);
    QVERIFY(std::isnan(view.meanShare(2, 0)));
    render(&view, QStringLiteral("mean-shares.png"));
}

void TestLatentViews::pngExportIsGuarded()
{
    LoadingsSimilarityView view;
    view.setModel(*m_model);
    view.resize(800, 600);
    QTemporaryDir dir;
    const QString out = QDir(dir.path()).filePath(QStringLiteral("similarity.png"));
    QVERIFY(savePlotPng(view.plot(), out, {}, 800, 600).ok());
    QImage image(out);
    QCOMPARE(image.size(), QSize(800, 600));
    // Never over an input: the input stays byte-identical.
    const QString input = QDir(dir.path()).filePath(QStringLiteral("input.h5"));
    QFile f(input);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a png");
    f.close();
    QVERIFY(!savePlotPng(view.plot(), input, {input}, 800, 600).ok());
    QFile back(input);
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.readAll(), QByteArray("not a png"));
}


void TestLatentViews::reportPagesCarryTheViews()
{
    // Labelled test rows analysed by the latent model alone, as `report --latent` and the window's export do.
    const LatentProtocol protocol = LatentProtocol::gammaFlowDefault(m_dataDir);
    auto dataset = std::make_shared<SpectrumDataset>(SpectrumDataset::openFile(protocol.singleFiles.first()));
    QVERIFY(dataset->size() > 20);
    auto model = std::make_shared<const LatentModel>(*m_model);
    const SpectrumAnalyzer analyzer(SpectrumAnalyzer::Models{std::make_shared<const LatentSpectrumModel>(model)});
    std::vector<SpectrumAnalysis> analyses = analyzer.analyseAll(*dataset);
    QCOMPARE(int(analyses.size()), dataset->size());

    // The model page: similarity matrix, mean shares per true label, a misclassified spectrum.
    const LatentReportPage::Data data = LatentReportPage::collect(model, QStringLiteral("reference.csv"), *dataset, analyses);
    QCOMPARE(data.labelled, dataset->size());
    QVERIFY(!data.means.classes.isEmpty());
    QVERIFY(data.wrong == 0 || !data.misclassified.empty());
    const QImage page = LatentReportPage::render(QSize(1600, 1000), data);
    QCOMPARE(page.size(), QSize(1600, 1000));
    QVERIFY(page.save(QDir(m_outDir).filePath(QStringLiteral("report-latent-model.png"))));
    for (const QRect &r : {QRect(24, 120, 600, 400), QRect(700, 120, 870, 400), QRect(24, 560, 1550, 400)})
        QVERIFY2(inkShare(page.copy(r)) > 0.01, qPrintable(QStringLiteral("empty region %1,%2").arg(r.x()).arg(r.y())));

    // A spectrum's page: the denoised view beside the annotated spectrum, which gets narrower.
    const DatasetEntry &entry = dataset->entries().front();
    ReportRenderer::Input input;
    input.spectrum = &entry.spectrum;
    input.analysis = &analyses.front();
    ReportRenderer plain;
    plain.render(input);
    const int wide = plain.plotRect().width();
    ReportRenderer::Options options;
    options.latent = model;
    ReportRenderer withLatent(options);
    const QImage spectrumPage = withLatent.render(input);
    QVERIFY(spectrumPage.save(QDir(m_outDir).filePath(QStringLiteral("report-spectrum-page.png"))));
    QVERIFY2(withLatent.plotRect().width() < 0.7 * wide, qPrintable(QString::number(withLatent.plotRect().width())));
    const QRect right(withLatent.plotRect().right() + 20, withLatent.plotRect().top(), 1600 - 44 - withLatent.plotRect().right(),
                      withLatent.plotRect().height());
    QVERIFY(inkShare(spectrumPage.copy(right)) > 0.02);

    // The exporter writes the model page beside the spectra's pages.
    QTemporaryDir out;
    ReportExporter exporter;
    ReportExporter::Options exportOptions;
    exportOptions.outputDir = out.path();
    exportOptions.fitPeaks = false;
    exportOptions.render.latent = model;
    exportOptions.latentName = QStringLiteral("reference.csv");
    analyses.resize(3);
    QSignalSpy finished(&exporter, &ReportExporter::finished);
    QVERIFY(exporter.start(dataset, analyses, exportOptions).ok());
    QVERIFY(finished.wait(60000));
    QVERIFY2(exporter.errors().isEmpty(), qPrintable(exporter.errors().join(QLatin1Char('\n'))));
    QCOMPARE(exporter.writtenFiles().size(), 4);
    QVERIFY(QFileInfo::exists(QDir(out.path()).filePath(QStringLiteral("latent-model.png"))));
}

QTEST_MAIN(TestLatentViews)
#include "tst_latentviews.moc"
