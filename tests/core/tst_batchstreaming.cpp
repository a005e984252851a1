// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "analysis/AnalysisReportStream.h"
#include "analysis/AnalysisTable.h"
#include "io/AtomicFile.h"
#include "io/ReaderRegistry.h"
#include "library/DatasetChunks.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace photopeak;

// Issue 21, item 3: batches go in chunks (read, analyse, write, release) and give what the whole batch gave.
class TestBatchStreaming : public QObject {
    Q_OBJECT
private slots:
    void chunksCoverTheFolderLikeOpenFolder();
    void reportStreamWritesWhatTheTableWrites();
    void unfinishedStreamLeavesNoFile();
    void libraryWrittenInChunksReadsBack();
};

void TestBatchStreaming::chunksCoverTheFolderLikeOpenFolder()
{
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("xgd/srcs/Cs137/5s"));
    QTemporaryDir dir;
    QCOMPARE(::symlink("missing.sps", qPrintable(dir.filePath(QStringLiteral("dangling.sps")))), 0);
    auto whole = SpectrumDataset::openFolder(folder);
    QVERIFY(whole.ok());
    QVERIFY(whole->size() > 20);
    QStringList names;
    QList<int> sizes;
    DatasetChunks::forEach({folder, dir.path(), dir.filePath(QStringLiteral("absent"))},
                           [&](const QString &input, bool isDir, Result<SpectrumDataset> &&chunk) {
                               QVERIFY(isDir || input.endsWith(QLatin1String("absent")));
                               if (!chunk) {
                                   names << QStringLiteral("error: ") + chunk.error().message;
                                   return;
                               }
                               sizes << chunk->size();
                               for (const DatasetEntry &e : chunk->entries())
                                   names << (input == folder ? e.relativePath + QLatin1Char(' ') + e.spectrum.labels.join(QLatin1Char('+'))
                                                             : e.relativePath + QStringLiteral(": ") + e.message);
                           },
                           nullptr, 7);
    QStringList expected;
    for (const DatasetEntry &e : whole->entries())
        expected << e.relativePath + QLatin1Char(' ') + e.spectrum.labels.join(QLatin1Char('+'));
    QCOMPARE(names.mid(0, expected.size()), expected);
    QCOMPARE(sizes.front(), 7);  // chunks of at most 7 files
    QVERIFY(names.contains(QStringLiteral("dangling.sps: skipped: broken symbolic link to ") + dir.filePath(QStringLiteral("missing.sps"))));
    // A missing file given by name is an unreadable entry of its own, named, like any bad file in a batch.
    QVERIFY2(names.back().endsWith(QLatin1String("absent: file does not exist")), qPrintable(names.back()));
}

static std::vector<SpectrumAnalysis> sampleRows()
{
    std::vector<SpectrumAnalysis> rows;
    for (int i = 0; i < 5; ++i) {
        SpectrumAnalysis r;
        r.file = QStringLiteral("folder/a,\"%1\".sps").arg(i);
        r.decision = i == 3 ? SpectrumAnalysis::Decision::Skipped : SpectrumAnalysis::Decision::Source;
        r.sourceProbability = 0.1 * i;
        r.liveTimeSeconds = 60;
        r.isotopes = {{QStringLiteral("Cs137"), 0.9 - 0.1 * i, i < 2, {}, {}, {}}, {QStringLiteral("Co60"), 0.05, false, {}, {}, {}}};
        if (i == 3)
            r.message = QStringLiteral("folder/a.sps: cannot be analysed");
        rows.push_back(r);
    }
    return rows;
}

void TestBatchStreaming::reportStreamWritesWhatTheTableWrites()
{
    const std::vector<SpectrumAnalysis> rows = sampleRows();
    const QStringList isotopes{QStringLiteral("Cs137"), QStringLiteral("Co60")};
    const QJsonObject header{{QStringLiteral("model"), QStringLiteral("test model")}, {QStringLiteral("zeta"), 1}};
    QTemporaryDir dir;
    AnalysisReportStream stream;
    QVERIFY(stream.open(dir.filePath(QStringLiteral("r.csv")), nullptr, dir.filePath(QStringLiteral("r.json")), isotopes, header).ok());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.csv"))));  // nothing at the final name until finish()
    QVERIFY(stream.append({rows.begin(), rows.begin() + 2}).ok());
    QVERIFY(stream.append({}).ok());
    QVERIFY(stream.append({rows.begin() + 2, rows.end()}).ok());
    QVERIFY(stream.finish().ok());
    QCOMPARE(stream.rowCount(), qint64(rows.size()));

    QFile csv(dir.filePath(QStringLiteral("r.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll(), AnalysisTable::toCsv(rows, isotopes));
    QFile json(dir.filePath(QStringLiteral("r.json")));
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument streamed = QJsonDocument::fromJson(json.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QJsonObject withIsotopes = header;
    withIsotopes[QStringLiteral("isotopes")] = QJsonArray::fromStringList(isotopes);
    QCOMPARE(streamed, AnalysisTable::toJson(rows, withIsotopes));
}

void TestBatchStreaming::unfinishedStreamLeavesNoFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.csv"));
    QVERIFY(writeFileAtomically(path, "earlier\n", OutputKind::table()).ok());
    {
        AnalysisReportStream stream;
        QVERIFY(stream.open(path, nullptr, QString(), {QStringLiteral("Cs137")}, {}).ok());
        QVERIFY(stream.append(sampleRows()).ok());
        // Destroyed without finish(): a failed or interrupted batch.
    }
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("earlier\n"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral(".tmp")).size(), 0);
}

void TestBatchStreaming::libraryWrittenInChunksReadsBack()
{
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("xgd/srcs/Co60/5s"));
    auto whole = SpectrumDataset::openFolder(folder);
    QVERIFY(whole.ok());
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("lib.h5"));
    int passes = 0;
    const Status written = ReaderRegistry::instance().writeChunks(out, [&](const auto &take) {
        ++passes;
        DatasetChunks::forEach({folder}, [&](const QString &, bool, Result<SpectrumDataset> &&chunk) {
            std::vector<Spectrum> part;
            for (const DatasetEntry &e : chunk->entries())
                part.push_back(e.spectrum);
            take(part);
        }, nullptr, 5);
    });
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    QCOMPARE(passes, 2);  // one to size the file, one to write it
    const auto back = ReaderRegistry::instance().read(out);
    QVERIFY(back.ok());
    QCOMPARE(int(back->size()), whole->size());
    for (size_t i = 0; i < back->size(); ++i) {
        QCOMPARE(back->at(i).counts, whole->entries()[i].spectrum.counts);
        QCOMPARE(back->at(i).sourcePath, whole->entries()[i].spectrum.sourcePath);
        QCOMPARE(back->at(i).liveTime, whole->entries()[i].spectrum.liveTime);
    }
    // A source that changes between the passes is refused and leaves nothing behind.
    int calls = 0;
    const QString changed = dir.filePath(QStringLiteral("changed.h5"));
    const Status refused = ReaderRegistry::instance().writeChunks(changed, [&](const auto &take) {
        std::vector<Spectrum> part{whole->entries()[0].spectrum};
        if (++calls == 2)
            part.push_back(whole->entries()[1].spectrum);
        take(part);
    });
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(QLatin1String("changed")));
    QVERIFY(!QFile::exists(changed));
}

QTEST_GUILESS_MAIN(TestBatchStreaming)
#include "tst_batchstreaming.moc"
