// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalyzerModels.h"
#include "TestData.h"

#include "spectrum/LabelParser.h"
#include "live/AlarmLogic.h"
#include "live/LiveAnalysis.h"
#include "live/LiveMonitor.h"
#include "live/ReplaySource.h"
#include "ml/PreparedSet.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace photopeak;

namespace {
QString demo(const QString &relative)
{
    return QDir(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd")).filePath(relative);
}

// Mean counts per second per channel of the usable spectra of a folder, with one of them as layout.
struct MeanRate {
    Spectrum layout;
    std::vector<double> cps;
};
MeanRate meanRate(const QString &folder, double liveTime)
{
    MeanRate m;
    auto ds = SpectrumDataset::openFolder(folder);
    double live = 0.0;
    for (const DatasetEntry &e : ds->entries()) {
        if (!e.isUsable() || std::abs(e.spectrum.liveTime - liveTime) > 0.5)
            continue;
        if (m.cps.empty()) {
            m.layout = e.spectrum;
            m.cps.assign(e.spectrum.counts.size(), 0.0);
        }
        for (size_t c = 0; c < m.cps.size(); ++c)
            m.cps[c] += e.spectrum.counts[c];
        live += e.spectrum.liveTime;
    }
    for (double &v : m.cps)
        v /= live;
    return m;
}

LiveSpectrum sample(const Spectrum &layout, const std::vector<double> &cps, double liveTime, std::mt19937 &rng, int n)
{
    LiveSpectrum s;
    s.spectrum = layout;
    s.spectrum.liveTime = s.spectrum.realTime = liveTime;
    s.spectrum.startTime = QDateTime(QDate(2024, 1, 1), QTime(0, 0)).addSecs(qint64(n * liveTime));
    s.spectrum.rawHeader.clear();
    for (size_t c = 0; c < cps.size(); ++c)
        s.spectrum.counts[c] = cps[c] > 0.0 ? double(std::poisson_distribution<int>(cps[c] * liveTime)(rng)) : 0.0;
    s.spectrum.checkValues();
    s.path = QStringLiteral("/synthetic/%1.sps").arg(n, 4, 10, QLatin1Char('0'));
    return s;
}
} // namespace

// The running analysis: hysteresis, the alarm log, the XGD time series replayed into a folder in chunks
// (alarm on the first source interval, never on the backgrounds), slow drift followed without alarm,
// a weak source found by the sliding sum.
class TestLiveAnalysis : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void hysteresisRaisesAndClears();
    void replayedTimeSeriesAlarmsOnFirstSourceInterval();
    void raiseAfterTwoNamesTheFirstInterval();
    void slowDriftIsFollowedButAStepAlarms();
    void slidingSumFindsAWeakSource();
    void alarmLogCsvIsWrittenAtomically();

private:
    std::shared_ptr<const SpectrumAnalyzer> m_analyzer;
    QString m_bkg5, m_sig5;
    MeanRate m_bkgRate, m_sigRate;
};

void TestLiveAnalysis::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/set2/test/time/bkg/5s"));
    PHOTOPEAK_REQUIRE_DATA(sig, QStringLiteral("xgd/set2/test/time/sig/5s"));
    m_bkg5 = bkg;
    m_sig5 = sig;
    // A small classifier of the demo sources and backgrounds (as tst_spectrumanalyzer).
    auto srcs = SpectrumDataset::openFolder(demo(QStringLiteral("srcs")));
    auto bkgs = SpectrumDataset::openFolder(demo(QStringLiteral("bkgs")));
    QVERIFY(srcs && bkgs);
    for (DatasetEntry &e : bkgs->entries())
        if (e.spectrum.labels.isEmpty())
            e.spectrum.labels = QStringList{LabelParser::backgroundLabel()};
    std::vector<SpectrumDataset> sets;
    sets.push_back(*srcs);
    sets.push_back(*bkgs);
    const PreparedSet set = PreparedSet::fromDatasets(std::move(sets), EnergyGrid::xgdDefault());
    ClassifierOptions o;
    o.synthetic.singles = o.synthetic.mixtures = o.synthetic.backgrounds = 150;
    o.searchHyperParameters = false;
    o.folds = 3;
    auto model = SpectrumClassifier::train(set, o);
    QVERIFY2(model, qPrintable(model ? QString() : model.error().toString()));
    m_analyzer = std::make_shared<const SpectrumAnalyzer>(photopeak::testing::analyzerModels(std::make_shared<const SpectrumClassifier>(std::move(model.value()))));
    m_bkgRate = meanRate(m_bkg5, 5.0);
    m_sigRate = meanRate(m_sig5, 5.0);
    QVERIFY(!m_bkgRate.cps.empty() && !m_sigRate.cps.empty());
}

void TestLiveAnalysis::hysteresisRaisesAndClears()
{
    using E = AlarmLogic::Event;
    AlarmLogic logic(2, 3);
    QCOMPARE(logic.update(true), E::None);
    QCOMPARE(logic.update(false), E::None);   // a single alarming interval is not enough
    QCOMPARE(logic.update(true), E::None);
    QCOMPARE(logic.update(true), E::Raised);
    QVERIFY(logic.isActive());
    QCOMPARE(logic.update(false), E::None);
    QCOMPARE(logic.update(false), E::None);
    QCOMPARE(logic.update(true), E::None);    // quiet run broken: stays raised
    QCOMPARE(logic.update(false), E::None);
    QCOMPARE(logic.update(false), E::None);
    QCOMPARE(logic.update(false), E::Cleared);
    QVERIFY(!logic.isActive());
}

void TestLiveAnalysis::replayedTimeSeriesAlarmsOnFirstSourceInterval()
{
    QTemporaryDir dir;
    ReplaySource::Options ro;
    ro.intervalS = 0.03;
    ro.chunks = 3;
    ro.chunkGapMs = 5;
    ro.targetFolder = dir.filePath(QStringLiteral("detector"));
    auto replay = std::make_unique<ReplaySource>(QStringList{m_bkg5, m_sig5}, ro);
    const QStringList order = *ReplaySource::collect({m_bkg5, m_sig5});
    LiveMonitor monitor(std::move(replay), m_analyzer, LiveAnalysis::Options());
    std::vector<LiveResult> results;
    bool finished = false;
    LiveMonitor::Callbacks cb;
    cb.result = [&](const LiveResult &r) { results.push_back(r); };
    cb.finished = [&] { finished = true; };
    monitor.setCallbacks(cb);
    QVERIFY(monitor.start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(finished, 40000);
    QCOMPARE(int(results.size()), 110);
    int raised = 0, usableBackgrounds = 0;
    QString firstSource;
    for (const LiveResult &r : results) {
        const bool isSource = QFileInfo(r.file).fileName().contains(QLatin1String("Sig_Cs137"));
        if (!isSource) {
            QVERIFY2(!r.alarming && !r.alarmActive, qPrintable(r.file + QStringLiteral(" %1 sigma").arg(r.sigma)));
            usableBackgrounds += r.usable;
        } else if (firstSource.isEmpty() && r.usable) {
            firstSource = QFileInfo(r.file).fileName();
            QVERIFY(r.backgroundReady);
            QCOMPARE(r.event, AlarmLogic::Event::Raised);
            QVERIFY(r.alarm && r.alarm->isotopes.join(QString()).contains(QLatin1String("Cs137")));
            QCOMPARE(QFileInfo(r.alarm->file).fileName(), firstSource);
            QVERIFY(r.alarm->sigma > 10.0);
            QVERIFY(r.alarm->backgroundCps > 250.0 && r.alarm->backgroundCps < 400.0);
        }
        raised += r.event == AlarmLogic::Event::Raised;
    }
    QCOMPARE(firstSource, QFileInfo(order[60]).fileName());  // acquisition order: the 60 backgrounds come first
    QVERIFY(usableBackgrounds >= 58);  // the series' all-zero spectrum is skipped
    QCOMPARE(raised, 1);               // the source stays: one alarm, never cleared
    QCOMPARE(int(monitor.analysis().alarmLog().records().size()), 1);
    QVERIFY(monitor.analysis().alarmLog().records().front().isActive());
}

void TestLiveAnalysis::raiseAfterTwoNamesTheFirstInterval()
{
    LiveAnalysis::Options o;
    o.alarm.raiseAfter = 2;
    o.alarm.clearAfter = 2;
    LiveAnalysis live(m_analyzer, o);
    std::mt19937 rng(7);
    int n = 0;
    for (; n < 12; ++n)
        QCOMPARE(live.process(sample(m_bkgRate.layout, m_bkgRate.cps, 5.0, rng, n)).event, AlarmLogic::Event::None);
    const LiveResult first = live.process(sample(m_sigRate.layout, m_sigRate.cps, 5.0, rng, n++));
    QVERIFY(first.alarming);
    QCOMPARE(first.event, AlarmLogic::Event::None);
    const LiveResult second = live.process(sample(m_sigRate.layout, m_sigRate.cps, 5.0, rng, n++));
    QCOMPARE(second.event, AlarmLogic::Event::Raised);
    QCOMPARE(second.alarm->file, first.file);
    QCOMPARE(second.alarm->sequence, first.sequence);
    QCOMPARE(second.alarm->intervals, 2);
    QCOMPARE(live.process(sample(m_bkgRate.layout, m_bkgRate.cps, 5.0, rng, n++)).event, AlarmLogic::Event::None);
    const LiveResult cleared = live.process(sample(m_bkgRate.layout, m_bkgRate.cps, 5.0, rng, n++));
    QCOMPARE(cleared.event, AlarmLogic::Event::Cleared);
    QVERIFY(cleared.alarm && !cleared.alarm->isActive());
    // Source intervals never went into the background.
    QVERIFY(live.background().totalRate() < 360.0);
    // An all-zero spectrum is skipped and changes nothing.
    LiveSpectrum zero = sample(m_bkgRate.layout, m_bkgRate.cps, 5.0, rng, n++);
    std::fill(zero.spectrum.counts.begin(), zero.spectrum.counts.end(), 0.0);
    zero.spectrum.checkValues();
    const LiveResult skipped = live.process(zero);
    QVERIFY(!skipped.usable && !skipped.alarming && !skipped.addedToBackground);
}

void TestLiveAnalysis::slowDriftIsFollowedButAStepAlarms()
{
    LiveAnalysis live(m_analyzer);
    std::mt19937 rng(11);
    const int steps = 160;
    double firstBackground = 0.0;
    for (int n = 0; n < steps; ++n) {
        const double scale = 1.0 + 0.003 * n;  // +48 % over the run
        std::vector<double> cps = m_bkgRate.cps;
        for (double &v : cps)
            v *= scale;
        const LiveResult r = live.process(sample(m_bkgRate.layout, cps, 5.0, rng, n));
        QVERIFY2(!r.alarming, qPrintable(QStringLiteral("drift step %1: %2 sigma").arg(n).arg(r.sigma)));
        if (n == 10)
            firstBackground = r.backgroundCps;
    }
    // The background followed the drift; against the first one the last intervals would be far above.
    const double last = live.background().totalRate();
    QVERIFY2(last > 1.3 * firstBackground, qPrintable(QStringLiteral("%1 vs %2").arg(last).arg(firstBackground)));
    QVERIFY((1.45 - 1.0) * firstBackground / std::sqrt(1.45 * firstBackground / 5.0) > 10.0);
    // A Cs137 source on top of the drifted background alarms at once.
    std::vector<double> cps = m_bkgRate.cps;
    for (size_t c = 0; c < cps.size(); ++c)
        cps[c] = cps[c] * (1.0 + 0.003 * steps) + std::max(0.0, m_sigRate.cps[c] - m_bkgRate.cps[c]);
    const LiveResult step = live.process(sample(m_bkgRate.layout, cps, 5.0, rng, steps));
    QCOMPARE(step.event, AlarmLogic::Event::Raised);
}

void TestLiveAnalysis::slidingSumFindsAWeakSource()
{
    // A source adding 5 % of the Cs137 excess: about 1.7 sigma per 5-s interval, clear in a sum of 10.
    std::vector<double> weak = m_bkgRate.cps;
    for (size_t c = 0; c < weak.size(); ++c)
        weak[c] += 0.05 * std::max(0.0, m_sigRate.cps[c] - m_bkgRate.cps[c]);
    double summedLive = 0.0;
    auto run = [&](int sliding, QString *trigger) {
        LiveAnalysis::Options o;
        o.slidingIntervals = sliding;
        LiveAnalysis live(m_analyzer, o);
        std::mt19937 rng(3);
        for (int n = 0; n < 30; ++n)
            if (live.process(sample(m_bkgRate.layout, m_bkgRate.cps, 5.0, rng, n)).alarming)
                return -1;
        for (int n = 0; n < 20; ++n) {
            const LiveResult r = live.process(sample(m_bkgRate.layout, weak, 5.0, rng, 30 + n));
            if (r.event == AlarmLogic::Event::Raised) {
                *trigger = r.trigger;
                summedLive = r.runningSum ? r.runningSum->liveTime : 0.0;
                return n + 1;
            }
        }
        return 0;
    };
    QString trigger;
    QCOMPARE(run(0, &trigger), 0);  // intervals alone never reach 4 sigma
    const int after = run(10, &trigger);
    QVERIFY2(after > 0, "the sliding sum of 10 intervals found nothing");
    QVERIFY(trigger.startsWith(QLatin1String("sum of")));
    QVERIFY(summedLive > 20.0);
}

void TestLiveAnalysis::alarmLogCsvIsWrittenAtomically()
{
    AlarmLog log;
    AlarmRecord r;
    r.raisedAt = QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0));
    r.file = QStringLiteral("/d/a, b.sps");
    r.isotopes = QStringList{QStringLiteral("Cs137 0.99"), QStringLiteral("Co60 0.60")};
    r.trigger = QStringLiteral("interval");
    r.sigma = 12.5;
    const int id = log.raise(r);
    log.update(id, 20.0, true);
    log.clear(id, r.raisedAt.addSecs(30));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("alarms.csv"));
    QVERIFY(log.save(path).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0].startsWith(QLatin1String("id,raised,cleared")));
    QVERIFY(lines[1].contains(QLatin1String("\"/d/a, b.sps\",Cs137 0.99;Co60 0.60,interval,12.50,20.00")));
    QVERIFY(lines[1].contains(QLatin1String("2024-05-01T10:00:30")));
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("*.tmp")}, QDir::Files | QDir::Hidden).isEmpty());  // no temporary left
    QVERIFY(!log.save(dir.filePath(QStringLiteral("no/such/folder/alarms.csv"))).ok());
}

QTEST_GUILESS_MAIN(TestLiveAnalysis)
#include "tst_liveanalysis.moc"
