#include "CliRun.h"
#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using photopeak::testcli::cli;
using photopeak::testcli::Run;

// End to end on small real folders of the XGD campaign: train, classify (CSV + JSON, a broken file in the
// batch), evaluate, refusal of a damaged model, the old tool's flags.
class TestIdentifyCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void trainWritesModelAndReusesIt();
    void classifyWritesReportsAndGoesOnAfterBadFile();
    void evaluatePrintsMetrics();
    void refusesDamagedModelAndBadFlags();

private:
    QTemporaryDir m_dir;
    QString m_model, m_cs, m_co, m_bkg, m_mix, m_bad;
    QStringList m_trainArgs;
};

void TestIdentifyCli::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(cs, QStringLiteral("xgd/srcs/Cs137/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(co, QStringLiteral("xgd/srcs/Co60/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/bkgs/60s"));
    PHOTOPEAK_REQUIRE_DATA(mix, QStringLiteral("xgd/misc/Co60_Cs137/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(bad, QStringLiteral("bad/xgd-all-zero-header.sps"));
    m_cs = cs;
    m_co = co;
    m_bkg = bkg;
    m_mix = mix;
    m_bad = bad;
    m_model = m_dir.filePath(QStringLiteral("model.json"));
    // Old flags: -S sources, -B backgrounds, -m detection method (old name), -M identification, -f/-F features.
    m_trainArgs = {QStringLiteral("train"), QStringLiteral("-S"), m_cs, QStringLiteral("-S"), m_co, QStringLiteral("-B"), m_bkg,
                   QStringLiteral("-m"), QStringLiteral("mllgr"), QStringLiteral("-M"), QStringLiteral("logistic"),
                   QStringLiteral("-f"), QStringLiteral("average"), QStringLiteral("-F"), QStringLiteral("template-fit"),
                   QStringLiteral("-c"), QStringLiteral("--synthetic"), QStringLiteral("300"), QStringLiteral("--no-search"),
                   QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("-o"), m_model};
}

void TestIdentifyCli::trainWritesModelAndReusesIt()
{
    const Run r = cli(m_trainArgs);
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(QFile::exists(m_model));
    QVERIFY(r.out.contains(QLatin1String("cross-validation by acquisition series")));
    QVERIFY(r.out.contains(QLatin1String("Cs137")));
    const Run again = cli(m_trainArgs);
    QCOMPARE(again.code, 0);
    QVERIFY2(again.out.contains(QLatin1String("up to date")), qPrintable(again.out));
    QStringList changed = m_trainArgs;
    changed << QStringLiteral("--seed") << QStringLiteral("5") << QStringLiteral("-o") << m_dir.filePath(QStringLiteral("m2.json"));
    QCOMPARE(cli(changed).code, 0);
}

void TestIdentifyCli::classifyWritesReportsAndGoesOnAfterBadFile()
{
    const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
    const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                       QStringLiteral("-T"), m_bad, QStringLiteral("-o"), csv});
    QCOMPARE(r.code, 1);  // one input failed, the others were classified
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    QVERIFY(lines.front().startsWith(QLatin1String("file,decision,source_probability")));
    QVERIFY(lines.front().contains(QLatin1String("p_Cs137")));
    int mixtures = 0, correct = 0, skipped = 0;
    for (const QString &l : lines.mid(1)) {
        if (l.contains(QLatin1String("xgd-all-zero-header")) || l.contains(QLatin1String(",skipped,"))) {
            ++skipped;
            continue;
        }
        ++mixtures;
        correct += l.contains(QLatin1String(",Source,")) && l.contains(QLatin1String("Co60+Cs137")) ? 1 : 0;
    }
    QVERIFY(skipped >= 1);
    QVERIFY(mixtures >= 4);
    QVERIFY2(correct >= mixtures - 1, qPrintable(lines.join(QLatin1Char('\n'))));
    QFile j(m_dir.filePath(QStringLiteral("report.json")));
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(j.readAll()).object();
    const QJsonArray rows = doc.value(QStringLiteral("spectra")).toArray();
    QCOMPARE(rows.size(), lines.size() - 1);
    bool sawFlags = false;
    for (const auto &row : rows) {
        const QJsonObject o = row.toObject();
        QVERIFY(o.contains(QStringLiteral("file")));
        if (o.value(QStringLiteral("decision")).toString() == QLatin1String("Source")) {
            QVERIFY(o.value(QStringLiteral("sourceProbability")).toDouble() >= 0.5);
            QVERIFY(o.value(QStringLiteral("isotopeProbabilities")).toObject().contains(QStringLiteral("Co60")));
        }
        sawFlags = sawFlags || !o.value(QStringLiteral("flags")).toArray().isEmpty();
    }
    QVERIFY(sawFlags);
    QVERIFY(r.err.contains(QLatin1String("skipped or unreadable")));
}

void TestIdentifyCli::evaluatePrintsMetrics()
{
    const Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("exact set match")));
    QVERIFY(r.out.contains(QLatin1String("detection rate")));
    QVERIFY(r.out.contains(QLatin1String("Co60+Cs137")));
}

void TestIdentifyCli::refusesDamagedModelAndBadFlags()
{
    const QString damaged = m_dir.filePath(QStringLiteral("damaged.json"));
    QFile in(m_model);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(in.readAll()).object();
    o[QStringLiteral("kind")] = QStringLiteral("latent");
    QFile out(damaged);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(o).toJson());
    out.close();
    const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), damaged, QStringLiteral("-T"), m_mix});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(damaged) && r.err.contains(QLatin1String("spectrum-classifier")), qPrintable(r.err));
    QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("-S"), m_cs, QStringLiteral("-m"), QStringLiteral("nonsense")}).code, 2);
    QCOMPARE(cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model}).code, 2);
}

QTEST_GUILESS_MAIN(TestIdentifyCli)
#include "tst_identifycli.moc"
