// The shipped nuclide library against the published ENSDF values in ../shared/data/nuclear.
#include "TestData.h"
#include "peaks/NuclideLibrary.h"

#include <QFile>
#include <QTest>

#include <cmath>

using namespace photopeak;

class TestNuclideLibrary : public QObject {
    Q_OBJECT
private:
    NuclideLibrary m_lib;

    static QList<QStringList> readTsv(const QString &path)
    {
        QList<QStringList> rows;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return rows;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            rows << line.split(QLatin1Char('\t'));
        }
        if (!rows.isEmpty())
            rows.removeFirst();  // header
        return rows;
    }

private slots:
    void initTestCase()
    {
        const QString path = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv");
        auto lib = NuclideLibrary::load(path);
        QVERIFY2(lib.ok(), lib.ok() ? "" : qPrintable(lib.error().toString()));
        m_lib = *lib;
    }

    void statesSourceAndVersion()
    {
        QVERIFY(m_lib.source().contains(QLatin1String("ENSDF")));
        QVERIFY(!m_lib.version().isEmpty());
    }

    void canonicalNames_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::newRow("dash") << "Cs-137" << "Cs137";
        QTest::newRow("lower") << "co60" << "Co60";
        QTest::newRow("mass first") << "137Cs" << "Cs137";
        QTest::newRow("meta") << "Tc-99m" << "Tc99m";
        QTest::newRow("not a name") << "background" << "background";
    }
    void canonicalNames()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(NuclideLibrary::canonicalName(in), out);
    }

    // Every reference line >= 25 keV is in the library (within 0.3 keV) with its intensity: gamma rays within
    // 10 % (or 0.25 photons per 100 decays: weak lines differ between evaluations), X-rays within a factor 1.5 (evaluations differ more there).
    void linesMatchReference()
    {
        PHOTOPEAK_REQUIRE_DATA(ref, QStringLiteral("nuclear/gamma_lines_reference.tsv"));
        const auto rows = readTsv(ref);
        QVERIFY(rows.size() > 150);
        // Reference energies per nuclide, so that each library line counts for the nearest reference line only.
        QMap<QString, QList<double>> refEnergies;
        for (const auto &r : rows)
            refEnergies[r[0]] << r[1].toDouble();
        int checked = 0;
        QStringList failures;
        for (const auto &r : rows) {
            const QString name = r[0];
            const double e = r[1].toDouble(), pct = r[2].toDouble();
            if (e < 25.0)
                continue;
            const Nuclide *n = m_lib.find(name);
            if (!n) {
                failures << QStringLiteral("%1 missing").arg(name);
                continue;
            }
            double sum = 0.0;
            bool xray = false, found = false;
            for (const auto &l : n->lines) {
                double nearest = e;
                for (double other : refEnergies[name])
                    if (std::abs(other - l.energyKeV) < std::abs(nearest - l.energyKeV))
                        nearest = other;
                if (nearest == e && std::abs(l.energyKeV - e) <= 0.3) {
                    sum += l.intensity * 100.0;
                    xray = xray || l.kind == GammaLine::Kind::XRay;
                    found = true;
                }
            }
            ++checked;
            if (!found) {
                failures << QStringLiteral("%1 %2 keV missing").arg(name).arg(e);
                continue;
            }
            const bool ok = xray ? (sum / pct < 1.5 && pct / sum < 1.5)
                                 : (std::abs(sum - pct) <= std::max(0.10 * pct, 0.25));
            if (!ok)
                failures << QStringLiteral("%1 %2 keV: library %3 %, reference %4 %").arg(name).arg(e).arg(sum).arg(pct);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QStringLiteral("; "))));
        QVERIFY(checked > 150);
    }

    void halfLivesMatchReference()
    {
        PHOTOPEAK_REQUIRE_DATA(ref, QStringLiteral("nuclear/half_lives.tsv"));
        const auto rows = readTsv(ref);
        QVERIFY(rows.size() >= 10);
        const QMap<QString, double> unit{{"s", 1.0}, {"m", 60.0}, {"h", 3600.0}, {"d", 86400.0}, {"y", 365.2422 * 86400.0}};
        for (const auto &r : rows) {
            const Nuclide *n = m_lib.find(r[0]);
            QVERIFY2(n, qPrintable(r[0]));
            const double t = r[1].toDouble() * unit.value(r[2], 0.0);
            QVERIFY2(std::abs(n->halfLifeSeconds / t - 1.0) < 0.01,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(r[0], n->halfLifeText(), r[1] + r[2])));
        }
    }

    void chainsAndDecay()
    {
        const Nuclide *th = m_lib.find(QStringLiteral("Th232"));
        QVERIFY(th);
        const auto top = th->linesIn(2000.0, 3000.0, 0.1);
        QCOMPARE(top.size(), size_t(1));
        QCOMPARE(top.front().emitter, QStringLiteral("Tl208"));
        QVERIFY(std::abs(top.front().intensity - 0.9975 * 0.3594) < 0.003);
        const Nuclide *co = m_lib.find(QStringLiteral("Co-60"));
        QVERIFY(co);
        const QDateTime t0(QDate(2016, 10, 1), QTime(0, 0));
        const double f = co->decayFactor(t0, t0.addSecs(qint64(co->halfLifeSeconds)));
        QVERIFY(std::abs(f - 0.5) < 1e-6);
        QCOMPARE(co->decayFactor(QDateTime(), t0), 1.0);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("needle");
        QTest::newRow("no source") << QByteArray("# version\t1\nnuclide\tX1\t1\ty\t0\t-\n") << "source";
        QTest::newRow("bad number") << QByteArray("# source\ts\n# version\t1\nnuclide\tX1\tabc\ty\t0\t-\n") << "line 3";
        QTest::newRow("orphan line") << QByteArray("# source\ts\n# version\t1\nline\tX1\t1\t0\t1\t0\tg\n") << "before";
        QTest::newRow("unknown daughter") << QByteArray("# source\ts\n# version\t1\nnuclide\tX1\t1\ty\t0\tY2:1\n") << "Y2";
        QTest::newRow("bad unit") << QByteArray("# source\ts\n# version\t1\nnuclide\tX1\t1\tfortnight\t0\t-\n") << "unit";
    }
    void rejectsBadFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, needle);
        auto lib = NuclideLibrary::parse(text, QStringLiteral("mem.tsv"));
        QVERIFY(!lib.ok());
        QVERIFY2(lib.error().toString().contains(needle), qPrintable(lib.error().toString()));
        QVERIFY(lib.error().toString().contains(QLatin1String("mem.tsv")));
    }
};

QTEST_GUILESS_MAIN(TestNuclideLibrary)
#include "tst_nuclidelibrary.moc"
