// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include <QFile>
#include <QMap>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <vector>

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
    void classifyEstimatesActivityWithEfficiency();
    void classifyActivityWithoutEfficiencyExplains();
    void classifyWithLatentModel();
    void classifyOutOfDomainNamesLibraryNuclide();

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

namespace {
// Rows of a classify CSV as maps column -> field (RFC 4180 quotes; no line breaks inside fields here).
QList<QMap<QString, QString>> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto split = [](const QString &line) {
        QStringList out;
        QString cur;
        bool quoted = false;
        for (int i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (quoted && c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = !quoted;
            } else if (c == QLatin1Char(',') && !quoted) {
                out << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        out << cur;
        return out;
    };
    const QStringList lines = QString::fromUtf8(f.readAll()).trimmed().split(QLatin1Char('\n'));
    const QStringList header = split(lines.front());
    QList<QMap<QString, QString>> rows;
    for (const QString &l : lines.mid(1)) {
        const QStringList fields = split(l);
        QMap<QString, QString> row;
        for (int i = 0; i < header.size(); ++i)
            row[header[i]] = fields.value(i);
        row[QStringLiteral("#fields")] = QString::number(fields.size());
        row[QStringLiteral("#columns")] = QString::number(header.size());
        rows << row;
    }
    return rows;
}
} // namespace

void TestIdentifyCli::classifyEstimatesActivityWithEfficiency()
{
    const QString efficiency = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json");
    QVERIFY2(QFile::exists(efficiency), "shipped efficiency curve missing");
    const QString csv = m_dir.filePath(QStringLiteral("activity.csv"));
    // The shipped curve by path, and by its name.
    for (const QString &eff : {efficiency, QStringLiteral("xgd")}) {
        const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                           QStringLiteral("-a"), QStringLiteral("--efficiency"), eff, QStringLiteral("-o"), csv});
        QVERIFY2(r.code == 0 || r.code == 1, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("activity:")) && r.err.contains(QLatin1String("estimates")), qPrintable(r.err));
        const auto rows = readCsv(csv);
        QVERIFY(rows.size() >= 4);
        for (const char *column : {"activity_bq", "A_Cs137_bq", "A_Cs137_unc_bq", "A_Cs137_mda_bq", "A_Co60_bq",
                                   "unknown_isotope", "distance_cm"})
            QVERIFY2(rows.front().contains(QLatin1String(column)), column);
        // Cs137 of the mixture: certificate 116 kBq on 2016-10-01, 101.6 kBq in June 2022 (methods.md 1.6).
        std::vector<double> cs;
        for (const auto &row : rows) {
            QCOMPARE(row.value(QStringLiteral("#fields")), row.value(QStringLiteral("#columns")));
            if (!row.value(QStringLiteral("isotopes")).contains(QLatin1String("Cs137")))
                continue;
            const double a = row.value(QStringLiteral("A_Cs137_bq")).toDouble();
            const double u = row.value(QStringLiteral("A_Cs137_unc_bq")).toDouble();
            QVERIFY2(a > 0.0 && u > 0.0 && u < a, qPrintable(row.value(QStringLiteral("file")) + ": " + row.value(QStringLiteral("message"))));
            QVERIFY2(a > 101.6e3 / 2 && a < 101.6e3 * 2, qPrintable(QString::number(a)));
            QVERIFY(row.value(QStringLiteral("activity_bq")).toDouble() >= a);
            cs.push_back(a);
        }
        QVERIFY(cs.size() >= 3);
        std::sort(cs.begin(), cs.end());
        const double median = cs[cs.size() / 2];
        QVERIFY2(median > 0.8 * 101.6e3 && median < 1.25 * 101.6e3, qPrintable(QString::number(median)));
        QFile j(m_dir.filePath(QStringLiteral("activity.json")));
        QVERIFY(j.open(QIODevice::ReadOnly));
        const QJsonObject doc = QJsonDocument::fromJson(j.readAll()).object();
        QVERIFY(doc.value(QStringLiteral("activity")).toString().contains(QLatin1String("efficiency curve")));
        bool sawActivity = false;
        for (const auto &row : doc.value(QStringLiteral("spectra")).toArray())
            sawActivity = sawActivity
                || row.toObject().value(QStringLiteral("activity")).toObject().value(QStringLiteral("Cs137")).toObject().contains(QStringLiteral("bq"));
        QVERIFY(sawActivity);
    }
    // A distance given on the command line is used for every spectrum.
    const Run far = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                         QStringLiteral("--efficiency"), QStringLiteral("xgd"), QStringLiteral("--distance"),
                         QStringLiteral("50"), QStringLiteral("-o"), csv});
    QVERIFY2(far.code == 0 || far.code == 1, qPrintable(far.err));
    for (const auto &row : readCsv(csv))
        if (row.value(QStringLiteral("decision")) == QLatin1String("Source"))
            QCOMPARE(row.value(QStringLiteral("distance_cm")), QStringLiteral("50.0"));
    // Bad inputs: a missing curve names the file; a distance that is no number is a usage error.
    const Run missing = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                             QStringLiteral("-a"), QStringLiteral("--efficiency"), m_dir.filePath(QStringLiteral("none.json"))});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QLatin1String("none.json")), qPrintable(missing.err));
    QCOMPARE(cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                  QStringLiteral("-a"), QStringLiteral("--distance"), QStringLiteral("far")}).code, 2);
}

void TestIdentifyCli::classifyActivityWithoutEfficiencyExplains()
{
    const QString csv = m_dir.filePath(QStringLiteral("noeff.csv"));
    const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                       QStringLiteral("-a"), QStringLiteral("-o"), csv});
    QVERIFY2(r.code == 0 || r.code == 1, qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("--efficiency")) && r.err.contains(QLatin1String("activity --build-efficiency")),
             qPrintable(r.err));
    const auto rows = readCsv(csv);
    QVERIFY(rows.size() >= 4);
    int sources = 0;
    for (const auto &row : rows) {
        QVERIFY(row.value(QStringLiteral("activity_bq")).isEmpty());
        QVERIFY(row.value(QStringLiteral("A_Cs137_bq")).isEmpty());
        QVERIFY(row.value(QStringLiteral("A_Cs137_mda_bq")).isEmpty());
        if (row.value(QStringLiteral("decision")) == QLatin1String("Source")) {
            ++sources;
            QVERIFY2(row.value(QStringLiteral("message")).contains(QLatin1String("efficiency")),
                     qPrintable(row.value(QStringLiteral("message"))));
        }
    }
    QVERIFY(sources >= 3);
    QFile j(m_dir.filePath(QStringLiteral("noeff.json")));
    QVERIFY(j.open(QIODevice::ReadOnly));
    QVERIFY(QJsonDocument::fromJson(j.readAll()).object().value(QStringLiteral("activity")).toString().startsWith(
        QLatin1String("not available")));
}

void TestIdentifyCli::classifyWithLatentModel()
{
    const QString latent = m_dir.filePath(QStringLiteral("latent-model.json"));
    const Run t = cli({QStringLiteral("latent"), QStringLiteral("train"), m_cs, m_co, m_bkg, QStringLiteral("-o"), latent});
    QVERIFY2(t.code == 0 && QFile::exists(latent), qPrintable(t.err + t.out));
    const QString csv = m_dir.filePath(QStringLiteral("latent.csv"));

    // Alone: shares as probabilities, its decision, no sigma test. The model was trained on these detectors' 1.3 keV
    // channels, so XGD spectra are inside its domain although its grid has 8.5 keV bins (LatentModel::domainProblem).
    const Run alone = cli({QStringLiteral("classify"), QStringLiteral("--latent"), latent, QStringLiteral("-T"), m_mix,
                           QStringLiteral("-o"), csv});
    QVERIFY2(alone.code == 0 || alone.code == 1, qPrintable(alone.err));
    QVERIFY(alone.err.contains(QLatin1String("flagged with an isotope unknown")));
    auto rows = readCsv(csv);
    QVERIFY(rows.size() >= 4);
    QVERIFY(rows.front().contains(QStringLiteral("p_Cs137")) && rows.front().contains(QStringLiteral("p_Co60")));
    QVERIFY(!rows.front().contains(QStringLiteral("p_background")));
    int both = 0;
    for (const auto &row : rows) {
        if (row.value(QStringLiteral("decision")) != QLatin1String("Source"))
            continue;
        QVERIFY(row.value(QStringLiteral("sigma_significance")).isEmpty());
        QVERIFY(row.value(QStringLiteral("source_probability")).isEmpty());
        const QString flag = row.value(QStringLiteral("unknown_isotope"));
        QVERIFY(flag == QLatin1String("0") || flag == QLatin1String("1"));
        both += row.value(QStringLiteral("isotopes")) == QLatin1String("Co60+Cs137");
    }
    QVERIFY2(both >= 3, qPrintable(QString::number(both)));

    // Beside the classifier: same decisions as the classifier alone, plus the flag.
    const QString plainCsv = m_dir.filePath(QStringLiteral("plain.csv"));
    QVERIFY(cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_mix,
                 QStringLiteral("-o"), plainCsv}).code <= 1);
    const Run beside = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("--latent"), latent,
                            QStringLiteral("-T"), m_mix, QStringLiteral("-o"), csv});
    QVERIFY2(beside.code == 0 || beside.code == 1, qPrintable(beside.err));
    rows = readCsv(csv);
    const auto plain = readCsv(plainCsv);
    QCOMPARE(rows.size(), plain.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].value(QStringLiteral("decision")), plain[i].value(QStringLiteral("decision")));
        QCOMPARE(rows[i].value(QStringLiteral("isotopes")), plain[i].value(QStringLiteral("isotopes")));
        QVERIFY(plain[i].value(QStringLiteral("unknown_isotope")).isEmpty());
        if (rows[i].value(QStringLiteral("decision")) == QLatin1String("Source"))
            QVERIFY(!rows[i].value(QStringLiteral("unknown_isotope")).isEmpty());
    }
    QFile report(m_dir.filePath(QStringLiteral("latent.json")));
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QJsonObject doc = QJsonDocument::fromJson(report.readAll()).object();
    QVERIFY(doc.value(QStringLiteral("model")).toString().contains(QLatin1String("latent")));
    QVERIFY(doc.value(QStringLiteral("latent")).toObject().contains(QStringLiteral("components")));
    // A damaged latent model is refused, naming the file.
    const QString damaged = m_dir.filePath(QStringLiteral("damaged-latent.json"));
    QFile d(damaged);
    QVERIFY(d.open(QIODevice::WriteOnly));
    d.write("{\"kind\": \"latent\"");
    d.close();
    const Run bad = cli({QStringLiteral("classify"), QStringLiteral("--latent"), damaged, QStringLiteral("-T"), m_mix});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(damaged), qPrintable(bad.err));
}

QTEST_GUILESS_MAIN(TestIdentifyCli)
// An HPGe Ba-133 file (8 detectors, 16384 channels) through the XGD model: every row is out of the model's
// domain, never a trained isotope, and the library evidence names Ba133 first, from the templates and the peaks.
void TestIdentifyCli::classifyOutOfDomainNamesLibraryNuclide()
{
    PHOTOPEAK_REQUIRE_DATA(hpge, QStringLiteral("formats/InterSpec/ba133_source_640s_20100317.n42"));
    const QString csv = m_dir.filePath(QStringLiteral("library-evidence.csv"));
    const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), hpge,
                       QStringLiteral("-o"), csv});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto rows = readCsv(csv);
    QCOMPARE(rows.size(), 8);
    for (const auto &row : rows) {
        QCOMPARE(row.value(QStringLiteral("decision")), QStringLiteral("unknown (out of domain)"));
        QCOMPARE(row.value(QStringLiteral("isotopes")), QString());
        QVERIFY2(row.value(QStringLiteral("library_nuclides")).startsWith(QLatin1String("Ba133 ")),
                 qPrintable(row.value(QStringLiteral("library_nuclides"))));
        const QString evidence = row.value(QStringLiteral("evidence"));
        QVERIFY2(evidence.contains(QLatin1String("out of the model's domain")) && evidence.contains(QLatin1String("HPGe response"))
                     && evidence.contains(QLatin1String("peak ranking: Ba133")),
                 qPrintable(evidence));
    }
    // The JSON report beside it carries the same evidence.
    QFile json(m_dir.filePath(QStringLiteral("library-evidence.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonArray spectra = QJsonDocument::fromJson(json.readAll()).object().value(QStringLiteral("spectra")).toArray();
    QCOMPARE(spectra.size(), 8);
    QVERIFY(spectra.first().toObject().value(QStringLiteral("libraryNuclides")).toArray().first().toString().startsWith(QLatin1String("Ba133")));
    // Inside the domain, a trained isotope named: no library evidence.
    const QString inside = m_dir.filePath(QStringLiteral("inside.csv"));
    const Run in = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), m_cs, QStringLiteral("-o"), inside});
    QVERIFY2(in.code == 0 || in.code == 1, qPrintable(in.err));  // 1: a skipped (empty) file of the folder
    const auto insideRows = readCsv(inside);
    QVERIFY(!insideRows.isEmpty());
    for (const auto &row : insideRows)
        if (!row.value(QStringLiteral("isotopes")).isEmpty())
            QCOMPARE(row.value(QStringLiteral("evidence")), QString());
}

#include "tst_identifycli.moc"
