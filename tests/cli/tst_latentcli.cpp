// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
using photopeak::testcli::Run;
Run cli(const QStringList &args) { return photopeak::testcli::cli(QStringList{QStringLiteral("latent")} + args); }

double percentAfter(const QString &text, const QString &label)
{
    const QRegularExpression re(QRegularExpression::escape(label) + QStringLiteral(" ([0-9.]+) %"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}
} // namespace

class TestLatentCli : public QObject {
    Q_OBJECT
private slots:
    void helpAndUsageErrors()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.code, 0);
        QVERIFY(help.out.contains(QLatin1String("classify")) && help.out.contains(QLatin1String("evaluate")));
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--help")}).code, 0);
        QCOMPARE(cli({}).code, 2);
        QCOMPARE(cli({QStringLiteral("frobnicate")}).code, 2);
        const Run noOut = cli({QStringLiteral("train"), QStringLiteral("--data"), QStringLiteral("/nonexistent")});
        QCOMPARE(noOut.code, 2);
        QVERIFY(noOut.err.contains(QLatin1String("-o")));
        const Run badImprove = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), QStringLiteral("."),
                                    QStringLiteral("--variants"), QStringLiteral("plain;turbo")});
        QCOMPARE(badImprove.code, 2);
        QVERIFY(badImprove.err.contains(QLatin1String("turbo")));
    }

    void trainOptionsComeFromTheTable()
    {
        // latent train's options are LatentParameters' (the training panel's form); --improve still works and the
        // options given after it change what it chose; ranges are refused before anything is read.
        PHOTOPEAK_REQUIRE_DATA(csv, "gamma_flow/reference/loadings_trained_dim_model.csv");
        const Run help = cli({QStringLiteral("train"), QStringLiteral("--help")});
        QVERIFY(help.out.contains(QLatin1String("--share-threshold")) && help.out.contains(QLatin1String("--no-match")));
        QTemporaryDir dir;
        const QString m1 = dir.filePath(QStringLiteral("far.ppmodel"));
        const Run far = cli({QStringLiteral("train"), QStringLiteral("--from-csv"), csv, QStringLiteral("-o"), m1,
                             QStringLiteral("--z"), QStringLiteral("100")});
        QCOMPARE(far.code, 2);
        QVERIFY2(far.err.contains(QLatin1String("'z'")), qPrintable(far.err));
        QVERIFY(!QFile::exists(m1));
        const QString m2 = dir.filePath(QStringLiteral("sig.ppmodel"));
        const Run sig = cli({QStringLiteral("train"), QStringLiteral("--from-csv"), csv, QStringLiteral("-o"), m2,
                             QStringLiteral("--improve"), QStringLiteral("plain"), QStringLiteral("--poisson"),
                             QStringLiteral("--decision"), QStringLiteral("significance"), QStringLiteral("--z"), QStringLiteral("4")});
        QVERIFY2(sig.code == 0, qPrintable(sig.err));
        QVERIFY2(sig.out.contains(QLatin1String("(poisson+significance(z=4))")), qPrintable(sig.out));
        const QString m3 = dir.filePath(QStringLiteral("default.ppmodel"));
        const Run legacy = cli({QStringLiteral("train"), QStringLiteral("--from-csv"), csv, QStringLiteral("-o"), m3,
                                QStringLiteral("--improve"), QStringLiteral("default"), QStringLiteral("--no-match")});
        QVERIFY2(legacy.code == 0, qPrintable(legacy.err));
        QVERIFY2(legacy.out.contains(QLatin1String("(poisson+gain(+-0.06)+two-stage(")) && !legacy.out.contains(QLatin1String("match")),
                 qPrintable(legacy.out));
    }

    void missingFilesAreNamed()
    {
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("none.ppmodel"));
        const Run r = cli({QStringLiteral("classify"), QStringLiteral("-m"), model, dir.path()});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(model), qPrintable(r.err));
        const Run t = cli({QStringLiteral("train"), QStringLiteral("--data"), dir.path(), QStringLiteral("-o"),
                           dir.filePath(QStringLiteral("m.ppmodel"))});
        QCOMPARE(t.code, 1);
        QVERIFY2(t.err.contains(QLatin1String("_simulated.h5")), qPrintable(t.err));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("m.ppmodel"))));
    }

    void trainThenClassify()
    {
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        PHOTOPEAK_REQUIRE_DATA(eu, "gamma_flow/Eu152_left.h5");
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("latent.ppmodel"));
        const Run t = cli({QStringLiteral("train"), QStringLiteral("--data"), data, QStringLiteral("-o"), model});
        QVERIFY2(t.code == 0, qPrintable(t.err));
        QVERIFY(QFile::exists(model));
        QVERIFY(t.out.contains(QLatin1String("Eu152")) && t.out.contains(QLatin1String("unknown flag")));
        const Run c = cli({QStringLiteral("classify"), QStringLiteral("-m"), model, eu});
        QVERIFY2(c.code == 0, qPrintable(c.err));
        // Header, one line per row of the file (492), summary.
        const QStringList lines = c.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        int rows = 0, eu152 = 0;
        for (const QString &l : lines)
            if (l.contains(QLatin1String("Eu152_left.h5"))) {
                ++rows;
                eu152 += l.split(QLatin1Char('\t')).value(2) == QLatin1String("Eu152");
            }
        QCOMPARE(rows, 492);
        QVERIFY2(eu152 >= 270 && eu152 <= 300, qPrintable(QString::number(eu152)));  // 283 rows hold Eu152
        QVERIFY(c.out.contains(QLatin1String("summary: 492 spectra classified")));
        // classify --latent (the analyzer of classify, report, watch and the window) decides as latent classify
        // does on spectra inside the model's domain: one Source row per row with an isotope present.
        int present = 0;
        for (const QString &l : lines)
            if (l.contains(QLatin1String("Eu152_left.h5")) && l.split(QLatin1Char('\t')).value(1) != QLatin1String("background"))
                ++present;
        const QString csv = dir.filePath(QStringLiteral("latent.csv"));
        const Run a = photopeak::testcli::cli({QStringLiteral("classify"), QStringLiteral("--latent"), model, QStringLiteral("-T"), eu,
                                               QStringLiteral("-o"), csv});
        QVERIFY2(a.code == 0, qPrintable(a.err));
        QVERIFY2(a.err.contains(QStringLiteral("%1 source, %2 background").arg(present).arg(492 - present)), qPrintable(a.err));
        // The improvements can be switched at classification time.
        const Run s = cli({QStringLiteral("classify"), QStringLiteral("-m"), model, eu, QStringLiteral("--summary"),
                           QStringLiteral("--improve"), QStringLiteral("poisson,significance")});
        QCOMPARE(s.code, 0);
        QVERIFY(!s.out.contains(QLatin1String("Eu152_left.h5#")));
        QVERIFY(s.out.contains(QLatin1String("background+Eu152")));
    }

    void evaluatePrintsTheProtocolFigures()
    {
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), data, QStringLiteral("--variants"),
                           QStringLiteral("plain;gain")});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        QVERIFY(e.out.contains(QLatin1String("single-label test 3503 spectra")));
        QVERIFY(e.out.contains(QLatin1String("multi-label test 580")));
        QVERIFY(e.out.contains(QLatin1String("unknown-isotope rows 54")));
        // The plain method, rebinned count-conserving, is the old method: 97.4 % / 69.0 % / 79 %.
        const double single = percentAfter(e.out, QStringLiteral("single-label accuracy"));
        const double perfect = percentAfter(e.out, QStringLiteral("perfect"));
        QVERIFY2(single > 96.5 && single < 98.5, qPrintable(QString::number(single)));
        QVERIFY2(perfect > 66.0 && perfect < 72.0, qPrintable(QString::number(perfect)));
        QVERIFY(e.out.contains(QLatin1String("comparison")));
        QVERIFY(e.out.contains(QLatin1String("gain(")));
    }

    void evaluateSecondRoundVariants()
    {
        // Resolution lattice, training-data resolution match and quasi-Poisson significance through the CLI:
        // the quasi rule removes most over-complete predictions of the 5-sigma rule (10.3 % -> below 5 %) and
        // lifts the perfect share above 82 %; the match reports its width from the training lines (about 10 keV).
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), data, QStringLiteral("--variants"),
                           QStringLiteral("all,resolution,quasi;poisson,gain,match")});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        const QStringList rows = e.out.section(QStringLiteral("comparison"), 1).split(QLatin1Char('\n'));
        QStringList quasi;
        for (const QString &r : rows)
            if (r.startsWith(QLatin1String("poisson+gain(+-0.06)+resolution(<=24keV)+significance(z=5,quasi)")))
                quasi = r.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(quasi.size() == 11, qPrintable(e.out.right(800)));
        const double perfect = quasi[4].toDouble(), overComplete = quasi[6].toDouble();
        QVERIFY2(perfect > 82.0, qPrintable(quasi.join(QLatin1Char(' '))));
        QVERIFY2(overComplete < 5.0, qPrintable(quasi.join(QLatin1Char(' '))));
        QVERIFY(e.out.contains(QLatin1String("extra sigma at 662 keV chosen")));
        const QRegularExpression re(QStringLiteral("extra sigma ([0-9.]+) keV at 662 keV, template shift"));
        const auto m = re.match(e.out);
        QVERIFY(m.hasMatch());
        QVERIFY2(m.captured(1).toDouble() > 8.0 && m.captured(1).toDouble() < 13.0, qPrintable(m.captured(1)));
        // Bad tokens are usage errors.
        QCOMPARE(cli({QStringLiteral("evaluate"), QStringLiteral("--data"), data, QStringLiteral("--variants"),
                      QStringLiteral("minshare=2")}).code, 2);
    }

    void defaultBeatsTheOldMethod()
    {
        // The default (latent train's and the window's) beats the plain method on the left protocol on all three
        // measures at once: single-label accuracy, perfect multi-label share and mean multi-label accuracy.
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), data});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        QStringList plain, best;
        for (const QString &r : e.out.section(QStringLiteral("comparison"), 1).split(QLatin1Char('\n'))) {
            const QStringList f = r.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (f.size() == 11 && f[0] == QLatin1String("plain"))
                plain = f;
            else if (f.size() == 11 && f[0].contains(QLatin1String("two-stage")))
                best = f;
        }
        QVERIFY2(plain.size() == 11 && best.size() == 11, qPrintable(e.out.right(900)));
        for (int column : {1, 4, 8})
            QVERIFY2(best[column].toDouble() > plain[column].toDouble(), qPrintable(best.join(' ') + '\n' + plain.join(' ')));
        QVERIFY(best[0].contains(QLatin1String("poisson")) && best[0].contains(QLatin1String("gain")));
        // Unknown-isotope flag (line excess over the training backgrounds' largest): most uranium rows, few known.
        QVERIFY2(best[9].toDouble() > 90.0 && best[10].toDouble() < 25.0, qPrintable(best.join(' ')));
        QVERIFY(e.out.contains(QLatin1String("are rows labelled background called the source of their own file")));
    }

    void evaluateAnyDetector()
    {
        // The protocol finds a detector's files by their stems: the left files copied as *_right give the
        // left figures; a detector without files is named with the missing pattern; explicit lists work too.
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        QTemporaryDir dir;
        const QDir source(data);
        for (const QString &f : source.entryList({QStringLiteral("*.h5")}, QDir::Files)) {
            QString target = f;
            target.replace(QLatin1String("_left."), QLatin1String("_right."));
            QVERIFY(QFile::copy(source.filePath(f), dir.filePath(target)));
        }
        const Run right = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), dir.path(), QStringLiteral("--detector"),
                               QStringLiteral("right"), QStringLiteral("--variants"), QStringLiteral("plain")});
        QVERIFY2(right.code == 0, qPrintable(right.err));
        QVERIFY(right.out.contains(QLatin1String("detector right")));
        QVERIFY(right.out.contains(QLatin1String("single-label test 3503 spectra")));
        QVERIFY(right.out.contains(QLatin1String("multi-label test 580 (multi-class_right)")));
        QVERIFY2(right.out.contains(QLatin1String("single-label accuracy 97.43 %")), qPrintable(right.out.left(900)));
        const Run none = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), dir.path(), QStringLiteral("--detector"),
                              QStringLiteral("left")});
        QCOMPARE(none.code, 1);
        QVERIFY2(none.err.contains(QLatin1String("background_*_left.h5")), qPrintable(none.err));

        QStringList train;
        for (const QString &c : {QStringLiteral("Am241"), QStringLiteral("Co60"), QStringLiteral("Cs137"), QStringLiteral("Eu152")})
            train << source.filePath(c + QStringLiteral("_simulated.h5"));
        train << source.filePath(QStringLiteral("background_20240124_left.h5"));
        const Run lists = cli({QStringLiteral("evaluate"), QStringLiteral("--train"), train.join(QLatin1Char(',')), QStringLiteral("--test"),
                               source.filePath(QStringLiteral("Eu152_left.h5")), QStringLiteral("--multi"),
                               source.filePath(QStringLiteral("multi-class_left.h5")), QStringLiteral("--variants"), QStringLiteral("plain")});
        QVERIFY2(lists.code == 0, qPrintable(lists.err));
        QVERIFY(lists.out.contains(QLatin1String("single-label test 492 spectra (Eu152_left)")));
        QVERIFY(lists.out.contains(QLatin1String("multi-label test 580")));
        QVERIFY(lists.out.contains(QLatin1String("components Am241, Co60, Cs137, Eu152, background")));
        // A training file with mixtures is refused, naming the file.
        const Run mixed = cli({QStringLiteral("evaluate"), QStringLiteral("--train"), source.filePath(QStringLiteral("multi-class_left.h5")),
                               QStringLiteral("--test"), source.filePath(QStringLiteral("Eu152_left.h5"))});
        QCOMPARE(mixed.code, 1);
        QVERIFY2(mixed.err.contains(QLatin1String("multi-class_left.h5")), qPrintable(mixed.err));
    }

    void oldLoadingsReproduceTheReferenceFigures()
    {
        // The old tool's loadings through Photopeak's protocol give the scipy reference's figures exactly:
        // single-label 3412/3503, perfect 400/580 (68.97 %), mean multi-label accuracy 78.99 %.
        PHOTOPEAK_REQUIRE_DATA(data, "gamma_flow");
        PHOTOPEAK_REQUIRE_DATA(csv, "gamma_flow/reference/loadings_trained_dim_model.csv");
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("old.ppmodel"));
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("--from-csv"), csv, QStringLiteral("-o"), model}).code, 0);
        const Run e = cli({QStringLiteral("evaluate"), QStringLiteral("--data"), data, QStringLiteral("-m"), model,
                           QStringLiteral("--variants"), QStringLiteral("plain")});
        QVERIFY2(e.code == 0, qPrintable(e.err));
        QVERIFY2(e.out.contains(QLatin1String("single-label accuracy 97.40 % (3412/3503)")), qPrintable(e.out.left(600)));
        QVERIFY(e.out.contains(QLatin1String("perfect 68.97 %")));
        QVERIFY(e.out.contains(QLatin1String("mean multi-label accuracy 78.99 %")));
    }
};

QTEST_GUILESS_MAIN(TestLatentCli)
#include "tst_latentcli.moc"
