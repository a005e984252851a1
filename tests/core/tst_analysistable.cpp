// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/AnalysisTable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace photopeak;

namespace {
IsotopeFinding finding(const QString &iso, double p, bool reported)
{
    IsotopeFinding f;
    f.isotope = iso;
    f.probability = p;
    f.reported = reported;
    return f;
}

// Hand-built rows: a source with activities (one estimate, one detection limit), a background, a skipped
// file with awkward characters in its name and message, and an unreadable one.
std::vector<SpectrumAnalysis> rows()
{
    SpectrumAnalysis src;
    src.file = QStringLiteral("mix/Co60_Cs137/a.sps");
    src.entryIndex = 0;
    src.decision = SpectrumAnalysis::Decision::Source;
    src.sourceProbability = 0.98765;
    src.sigmaSignificance = 41.234;
    src.sigmaExcessCps = 123.5;
    src.sigmaSource = true;
    src.isotopes = {finding(QStringLiteral("Co60"), 0.91, true), finding(QStringLiteral("Cs137"), 0.99994, true),
                    finding(QStringLiteral("Am241"), 0.01, false)};
    src.isotopes[0].mdaBq = 5000.04;
    src.isotopes[1].activityBq = 101234.56;
    src.isotopes[1].activityUncBq = 7000.0;
    src.unknownIsotope = true;
    src.latentScores = {1.5, 0.0, 2.5};
    src.liveTimeSeconds = 15.0674;
    src.distanceCm = 15.0;
    src.notes << QStringLiteral("activity uses the default calibration");
    src.model = QStringLiteral("logistic+logistic (model.json)");

    SpectrumAnalysis bkg;
    bkg.file = QStringLiteral("bkgs/b.sps");
    bkg.entryIndex = 1;
    bkg.decision = SpectrumAnalysis::Decision::Background;
    bkg.sourceProbability = 0.0123;
    bkg.sigmaSignificance = -0.5;
    bkg.isotopes = {finding(QStringLiteral("Co60"), 0.2, false), finding(QStringLiteral("Cs137"), 0.1, false),
                    finding(QStringLiteral("Am241"), 0.05, false)};
    bkg.liveTimeSeconds = 60.0;

    SpectrumAnalysis skipped;
    skipped.file = QStringLiteral("odd, \"name\".sps");
    skipped.entryIndex = 2;
    skipped.decision = SpectrumAnalysis::Decision::Skipped;
    skipped.flags = QStringList{QStringLiteral("all-zero"), QStringLiteral("zero-live-time")};
    skipped.message = QStringLiteral("odd, \"name\".sps: cannot be analysed:\nall counts are zero");
    skipped.liveTimeSeconds = 0.0;

    SpectrumAnalysis error;
    error.file = QStringLiteral("gone.sps");
    error.decision = SpectrumAnalysis::Decision::Error;
    error.message = QStringLiteral("gone.sps: cannot open");
    return {src, bkg, skipped, error};
}

// Splits one CSV line into fields (RFC 4180, no line breaks inside).
QStringList splitCsv(const QString &line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            out << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    out << cur;
    return out;
}
} // namespace

class TestAnalysisTable : public QObject {
    Q_OBJECT
private slots:
    void quoting_data();
    void quoting();
    void columnsInOrder();
    void rowsFieldByField();
    void isotopeColumnsFromRows();
    void jsonKeys();
    void outOfDomainRow();
};

void TestAnalysisTable::outOfDomainRow()
{
    SpectrumAnalysis a;
    a.file = QStringLiteral("hpge.n42");
    a.decision = SpectrumAnalysis::Decision::OutOfDomain;
    a.outOfDomain = true;
    a.domainReason = QStringLiteral("8192 channels (model trained on 4096), energy scale 0.36 keV/channel");
    a.sourceProbability = 1.0;
    a.detectionThreshold = 0.79;
    a.excessStatistic = 1234.5;
    a.excessTemplate = QStringLiteral("lib:Ba133");
    a.peakNuclides = QStringList{QStringLiteral("Ba133 0.95")};
    a.libraryNuclides = QStringList{QStringLiteral("Ba133 41.2"), QStringLiteral("Cs137 6.0")};
    a.evidence = QStringLiteral("out of the model's domain; library templates: Ba133 (z 41.2), Cs137 (z 6.0)");
    IsotopeFinding f;
    f.isotope = QStringLiteral("Cs137");
    f.probability = 1.0;
    a.isotopes.push_back(f);
    const QStringList header = AnalysisTable::csvColumns({QStringLiteral("Cs137")});
    const QStringList row = splitCsv(AnalysisTable::csvRow(a, {QStringLiteral("Cs137")}, false));
    QCOMPARE(row.size(), header.size());
    auto col = [&](const char *name) { return row[header.indexOf(QLatin1String(name))]; };
    QCOMPARE(col("decision"), QStringLiteral("unknown (out of domain)"));
    QCOMPARE(col("isotopes"), QString());  // never a confident isotope outside the domain
    QCOMPARE(col("out_of_domain"), QStringLiteral("1"));
    QCOMPARE(col("domain_reason"), a.domainReason);
    QCOMPARE(col("detection_threshold"), QStringLiteral("0.7900"));
    QCOMPARE(col("excess_statistic"), QStringLiteral("1234.50"));
    QCOMPARE(col("excess_template"), QStringLiteral("lib:Ba133"));
    QCOMPARE(col("peak_nuclides"), QStringLiteral("Ba133 0.95"));
    QCOMPARE(col("library_nuclides"), QStringLiteral("Ba133 41.2;Cs137 6.0"));
    QCOMPARE(col("evidence"), a.evidence);
    const QJsonObject j = AnalysisTable::jsonRow(a);
    QCOMPARE(j.value(QStringLiteral("libraryNuclides")).toArray().first().toString(), QStringLiteral("Ba133 41.2"));
    QCOMPARE(j.value(QStringLiteral("evidence")).toString(), a.evidence);
    QCOMPARE(j.value(QStringLiteral("outOfDomain")).toBool(), true);
    QCOMPARE(j.value(QStringLiteral("domainReason")).toString(), a.domainReason);
    QCOMPARE(j.value(QStringLiteral("detectionThreshold")).toDouble(), 0.79);
    QCOMPARE(j.value(QStringLiteral("excess")).toObject().value(QStringLiteral("template")).toString(), QStringLiteral("lib:Ba133"));
    QCOMPARE(AnalysisTable::jsonRow(SpectrumAnalysis()).value(QStringLiteral("outOfDomain")).toBool(), false);
}

void TestAnalysisTable::quoting_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("plain") << "a/b.sps" << "a/b.sps";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "a\nb" << "\"a\nb\"";
    QTest::newRow("cr") << "a\rb" << "\"a\rb\"";
    QTest::newRow("semicolon") << "a;b" << "a;b";
}

void TestAnalysisTable::quoting()
{
    QFETCH(QString, in);
    QFETCH(QString, out);
    QCOMPARE(AnalysisTable::csvField(in), out);
}

void TestAnalysisTable::columnsInOrder()
{
    const QStringList c = AnalysisTable::csvColumns({QStringLiteral("Co60"), QStringLiteral("Cs137")});
    const QStringList expected{
        "file", "decision", "source_probability", "sigma_significance", "sigma_source", "isotopes", "p_Co60", "p_Cs137",
        "activity_bq", "live_time_s", "flags", "message", "unknown_isotope", "distance_cm", "A_Co60_bq", "A_Co60_unc_bq",
        "A_Co60_mda_bq", "A_Cs137_bq", "A_Cs137_unc_bq", "A_Cs137_mda_bq", "peak_nuclides", "out_of_domain",
        "domain_reason", "detection_threshold", "excess_statistic", "excess_template", "library_nuclides", "evidence"};
    QCOMPARE(c, expected);
    QCOMPARE(AnalysisTable::csvColumns({}).size(), 20);
}

void TestAnalysisTable::rowsFieldByField()
{
    const QStringList isotopes{QStringLiteral("Co60"), QStringLiteral("Cs137"), QStringLiteral("Am241")};
    const QString text = QString::fromUtf8(AnalysisTable::toCsv(rows(), isotopes));
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    // The skipped row's message holds a line break inside quotes: split records on the known row starts.
    const QStringList header = AnalysisTable::csvColumns(isotopes);
    QVERIFY(text.startsWith(header.join(QLatin1Char(',')) + QLatin1Char('\n')));
    const QStringList lines = text.split(QLatin1Char('\n'));
    const QStringList src = splitCsv(lines[1]);
    QCOMPARE(src.size(), header.size());
    auto col = [&](const QStringList &row, const char *name) { return row[header.indexOf(QLatin1String(name))]; };
    QCOMPARE(col(src, "file"), QStringLiteral("mix/Co60_Cs137/a.sps"));
    QCOMPARE(col(src, "decision"), QStringLiteral("Source"));
    QCOMPARE(col(src, "source_probability"), QStringLiteral("0.9877"));
    QCOMPARE(col(src, "sigma_significance"), QStringLiteral("41.23"));
    QCOMPARE(col(src, "sigma_source"), QStringLiteral("1"));
    QCOMPARE(col(src, "isotopes"), QStringLiteral("Co60+Cs137"));
    QCOMPARE(col(src, "p_Co60"), QStringLiteral("0.9100"));
    QCOMPARE(col(src, "p_Cs137"), QStringLiteral("0.9999"));
    QCOMPARE(col(src, "p_Am241"), QStringLiteral("0.0100"));
    QCOMPARE(col(src, "activity_bq"), QStringLiteral("101234.6"));  // sum of the estimates (Co60 has only a limit)
    QCOMPARE(col(src, "live_time_s"), QStringLiteral("15.067"));
    QCOMPARE(col(src, "flags"), QString());
    QCOMPARE(col(src, "message"), QStringLiteral("activity uses the default calibration"));  // notes when no message
    QCOMPARE(col(src, "unknown_isotope"), QStringLiteral("1"));
    QCOMPARE(col(src, "distance_cm"), QStringLiteral("15.0"));
    QCOMPARE(col(src, "A_Cs137_bq"), QStringLiteral("101234.6"));
    QCOMPARE(col(src, "A_Cs137_unc_bq"), QStringLiteral("7000.0"));
    QCOMPARE(col(src, "A_Cs137_mda_bq"), QString());
    QCOMPARE(col(src, "A_Co60_bq"), QString());
    QCOMPARE(col(src, "A_Co60_mda_bq"), QStringLiteral("5000.0"));
    QCOMPARE(col(src, "A_Am241_bq"), QString());

    QCOMPARE(col(src, "out_of_domain"), QStringLiteral("0"));
    QCOMPARE(col(src, "domain_reason"), QString());

    const QStringList bkg = splitCsv(lines[2]);
    QCOMPARE(bkg.size(), header.size());
    QCOMPARE(col(bkg, "decision"), QStringLiteral("Background"));
    QCOMPARE(col(bkg, "sigma_source"), QStringLiteral("0"));
    QCOMPARE(col(bkg, "isotopes"), QString());
    QCOMPARE(col(bkg, "activity_bq"), QString());
    QCOMPARE(col(bkg, "unknown_isotope"), QString());  // no latent model ran on it
    QCOMPARE(col(bkg, "distance_cm"), QString());

    // Skipped row: quoted name, the message with its line break joined back.
    const QString skippedRecord = lines[3] + QLatin1Char('\n') + lines[4];
    QVERIFY(skippedRecord.startsWith(QLatin1String("\"odd, \"\"name\"\".sps\",skipped,")));
    const QStringList sk = splitCsv(skippedRecord);
    QCOMPARE(sk.size(), header.size());
    QCOMPARE(col(sk, "file"), QStringLiteral("odd, \"name\".sps"));
    QCOMPARE(col(sk, "source_probability"), QString());
    QCOMPARE(col(sk, "p_Cs137"), QString());
    QCOMPARE(col(sk, "unknown_isotope"), QString());
    QCOMPARE(col(sk, "live_time_s"), QStringLiteral("0.000"));
    QCOMPARE(col(sk, "flags"), QStringLiteral("all-zero;zero-live-time"));
    QCOMPARE(col(sk, "message"), QStringLiteral("odd, \"name\".sps: cannot be analysed:\nall counts are zero"));

    const QStringList err = splitCsv(lines[5]);
    QCOMPARE(err.size(), header.size());
    QCOMPARE(col(err, "decision"), QStringLiteral("error"));
    QCOMPARE(col(err, "live_time_s"), QString());
    QCOMPARE(col(err, "message"), QStringLiteral("gone.sps: cannot open"));
    QCOMPARE(lines.size(), 7);  // header, 4 records (one spanning two lines), trailing empty

    // Without a latent model the flag column stays empty.
    const QStringList noLatent = splitCsv(AnalysisTable::csvRow(rows()[0], isotopes, false));
    QCOMPARE(col(noLatent, "unknown_isotope"), QString());
    // Without a sigma test (latent model alone) the sigma columns stay empty.
    SpectrumAnalysis latentOnly = rows()[0];
    latentOnly.noSigmaTest = true;
    latentOnly.sourceProbability.reset();
    const QStringList lo = splitCsv(AnalysisTable::csvRow(latentOnly, isotopes));
    QCOMPARE(col(lo, "source_probability"), QString());
    QCOMPARE(col(lo, "sigma_significance"), QString());
    QCOMPARE(col(lo, "sigma_source"), QString());
    QVERIFY(!AnalysisTable::jsonRow(latentOnly).contains(QStringLiteral("sigma")));
}

void TestAnalysisTable::isotopeColumnsFromRows()
{
    std::vector<SpectrumAnalysis> r = rows();
    r[1].isotopes.push_back(finding(QStringLiteral("Eu152"), 0.3, false));
    QCOMPARE(AnalysisTable::isotopesOf(r),
             (QStringList{QStringLiteral("Co60"), QStringLiteral("Cs137"), QStringLiteral("Am241"), QStringLiteral("Eu152")}));
    const QString text = QString::fromUtf8(AnalysisTable::toCsv(r));
    QVERIFY(text.startsWith(AnalysisTable::csvColumns(AnalysisTable::isotopesOf(r)).join(QLatin1Char(','))));
    QCOMPARE(QString::fromUtf8(AnalysisTable::toCsv({})), AnalysisTable::csvColumns({}).join(QLatin1Char(',')) + QLatin1Char('\n'));
}

void TestAnalysisTable::jsonKeys()
{
    const QJsonObject header{{QStringLiteral("model"), QStringLiteral("m")}, {QStringLiteral("threshold"), 0.5},
                             {QStringLiteral("activity"), QStringLiteral("not requested")}};
    const QJsonDocument doc = AnalysisTable::toJson(rows(), header);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value(QStringLiteral("model")).toString(), QStringLiteral("m"));
    QCOMPARE(o.value(QStringLiteral("threshold")).toDouble(), 0.5);
    QCOMPARE(o.value(QStringLiteral("isotopes")).toArray().size(), 3);
    const QJsonArray spectra = o.value(QStringLiteral("spectra")).toArray();
    QCOMPARE(spectra.size(), 4);

    const QJsonObject src = spectra[0].toObject();
    for (const char *key : {"file", "decision", "flags", "liveTime", "sourceProbability", "sigma", "isotopes", "latentScores",
                            "isotopeProbabilities", "activity", "unknownIsotope", "distanceCm", "notes", "entryIndex", "model"})
        QVERIFY2(src.contains(QLatin1String(key)), key);
    QCOMPARE(src.value(QStringLiteral("decision")).toString(), QStringLiteral("Source"));
    const QJsonObject sigma = src.value(QStringLiteral("sigma")).toObject();
    QCOMPARE(sigma.value(QStringLiteral("significance")).toDouble(), 41.234);
    QCOMPARE(sigma.value(QStringLiteral("excessCps")).toDouble(), 123.5);
    QCOMPARE(sigma.value(QStringLiteral("source")).toBool(), true);
    QCOMPARE(src.value(QStringLiteral("isotopes")).toArray().size(), 2);
    QCOMPARE(src.value(QStringLiteral("isotopeProbabilities")).toObject().value(QStringLiteral("Am241")).toDouble(), 0.01);
    const QJsonObject act = src.value(QStringLiteral("activity")).toObject();
    QCOMPARE(act.value(QStringLiteral("Cs137")).toObject().value(QStringLiteral("bq")).toDouble(), 101234.56);
    QCOMPARE(act.value(QStringLiteral("Cs137")).toObject().value(QStringLiteral("uncBq")).toDouble(), 7000.0);
    QCOMPARE(act.value(QStringLiteral("Co60")).toObject().value(QStringLiteral("mdaBq")).toDouble(), 5000.04);
    QVERIFY(!act.contains(QStringLiteral("Am241")));
    QCOMPARE(src.value(QStringLiteral("latentScores")).toArray().size(), 3);
    QVERIFY(!spectra[1].toObject().contains(QStringLiteral("latentScores")));
    QVERIFY(!spectra[1].toObject().contains(QStringLiteral("unknownIsotope")));
    std::vector<SpectrumAnalysis> flagged = rows();
    flagged[1].latentScores = {0.0, 0.0, 1.0};
    const QStringList f1 = splitCsv(QString::fromUtf8(AnalysisTable::toCsv(flagged)).split(QLatin1Char('\n'))[2]);
    QCOMPARE(f1[AnalysisTable::csvColumns(AnalysisTable::isotopesOf(flagged)).indexOf(QStringLiteral("unknown_isotope"))],
             QStringLiteral("0"));

    const QJsonObject bkg = spectra[1].toObject();
    QVERIFY(bkg.value(QStringLiteral("activity")).isNull());
    QVERIFY(!bkg.contains(QStringLiteral("message")));

    const QJsonObject sk = spectra[2].toObject();
    QCOMPARE(sk.value(QStringLiteral("decision")).toString(), QStringLiteral("skipped"));
    QVERIFY(sk.value(QStringLiteral("message")).toString().contains(QLatin1String("all counts are zero")));
    QCOMPARE(sk.value(QStringLiteral("flags")).toArray().size(), 2);
    QVERIFY(!sk.contains(QStringLiteral("isotopeProbabilities")));
    QCOMPARE(spectra[3].toObject().value(QStringLiteral("decision")).toString(), QStringLiteral("error"));

    // Without isotopes in the header they come from the rows.
    QCOMPARE(AnalysisTable::toJson(rows()).object().value(QStringLiteral("isotopes")).toArray().size(), 3);
}

QTEST_GUILESS_MAIN(TestAnalysisTable)
#include "tst_analysistable.moc"
