// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// OutputGuard, OutputLedger and the atomic writer: which outputs a run may write, how Photopeak recognises
// its own files, and the clean-up of temporaries left by killed writers.

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/OutputLedger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
void writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestOutputGuard : public QObject {
    Q_OBJECT
private slots:
    void inputIsRefusedEvenWithForce();
    void inputThroughSymlinkAndOtherSpelling();
    void existingFileInsideInputFolder();
    void foreignFileNeedsForce();
    void ownOutputOfSameKindIsReplaced();
    void changedOwnOutputIsForeignAgain();
    void folderAndDuplicateOutputs();
    void atomicWriteFollowsLinkAndKeepsPermissions();
    void failedWriteLeavesOldFile();
    void staleTemporariesOfDeadWritersAreRemoved();
};

void TestOutputGuard::inputIsRefusedEvenWithForce()
{
    QTemporaryDir dir;
    const QString in = dir.filePath(QStringLiteral("in.sps"));
    writeRaw(in, "spectrum");
    for (bool force : {false, true}) {
        const Status st = OutputGuard({in}, force).check(in, OutputKind::table());
        QVERIFY(!st);
        QVERIFY(st.error().source == in);
        QVERIFY(st.error().message.contains(QLatin1String("input")));
        QVERIFY(st.error().kind != OutputGuard::Overridable);
    }
    QVERIFY(OutputGuard({in}, false).check(dir.filePath(QStringLiteral("new.csv")), OutputKind::table()));
}

void TestOutputGuard::inputThroughSymlinkAndOtherSpelling()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    const QString in = dir.filePath(QStringLiteral("sub/in.sps"));
    writeRaw(in, "spectrum");
    const QString link = dir.filePath(QStringLiteral("link.sps"));
    QVERIFY(QFile::link(in, link));
    const OutputGuard guard({in}, true);
    QVERIFY(!guard.check(link, OutputKind::table()));
    QVERIFY(!guard.check(dir.filePath(QStringLiteral("sub/../sub/./in.sps")), OutputKind::table()));
    // The input given through the link, the output by its real name.
    QVERIFY(!OutputGuard({link}, true).check(in, OutputKind::table()));
    QVERIFY(OutputGuard({link}, true).isInput(in));
}

void TestOutputGuard::existingFileInsideInputFolder()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("data/deep")));
    const QString inside = dir.filePath(QStringLiteral("data/deep/a.sps"));
    writeRaw(inside, "spectrum");
    const OutputGuard guard({dir.filePath(QStringLiteral("data"))}, true);
    const Status st = guard.check(inside, OutputKind::spectra());
    QVERIFY(!st);
    QVERIFY(st.error().message.contains(QLatin1String("inside the input folder")));
    // A new file there reads nothing of the input.
    QVERIFY(guard.check(dir.filePath(QStringLiteral("data/new.h5")), OutputKind::spectra()));
    // A sibling folder whose name starts like the input folder's is not inside it.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("data2")));
    writeRaw(dir.filePath(QStringLiteral("data2/x.csv")), "x");
    QVERIFY(guard.check(dir.filePath(QStringLiteral("data2/x.csv")), OutputKind::table()));
}

void TestOutputGuard::foreignFileNeedsForce()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("notes.csv"));
    writeRaw(out, "someone's notes");
    const Status st = OutputGuard({}, false).check(out, OutputKind::table());
    QVERIFY(!st);
    QCOMPARE(st.error().kind, OutputGuard::Overridable);
    QVERIFY(st.error().message.contains(QLatin1String("not written by Photopeak")));
    QVERIFY(OutputGuard({}, true).check(out, OutputKind::table()));
    QVERIFY(OutputLedger::recordedKind(out).isEmpty());
}

void TestOutputGuard::ownOutputOfSameKindIsReplaced()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("R.csv"));
    QVERIFY(writeFileAtomically(out, "a,b\n1,2\n", OutputKind::table()));
    QCOMPARE(OutputLedger::recordedKind(out), OutputKind::table());
    QVERIFY(OutputGuard({}, false).check(out, OutputKind::table()));
    // A model is never replaced by a report without force.
    const QString model = dir.filePath(QStringLiteral("R.json"));
    QVERIFY(writeFileAtomically(model, "{}", OutputKind::model(QStringLiteral("spectrum-classifier"))));
    const Status st = OutputGuard({}, false).check(model, OutputKind::report());
    QVERIFY(!st);
    QVERIFY(st.error().message.contains(QLatin1String("spectrum-classifier model")));
    QCOMPARE(st.error().kind, OutputGuard::Overridable);
    QVERIFY(OutputGuard({}, false).check(model, OutputKind::model(QStringLiteral("spectrum-classifier"))));
    QVERIFY(QFileInfo::exists(OutputLedger::ledgerPath(out)));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 3);  // R.csv, R.json, the ledger
}

void TestOutputGuard::changedOwnOutputIsForeignAgain()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("peaks.csv"));
    QVERIFY(writeFileAtomically(out, "file,channel\n", OutputKind::table()));
    writeRaw(out, "file,channel\nedited by hand\n");
    QVERIFY(OutputLedger::recordedKind(out).isEmpty());
    QVERIFY(!OutputGuard({}, false).check(out, OutputKind::table()));
    // Same size, other bytes: still foreign.
    QVERIFY(writeFileAtomically(out, "abcd", OutputKind::table()));
    writeRaw(out, "abce");
    QVERIFY(!OutputGuard({}, false).check(out, OutputKind::table()));
    // Entries of deleted files are dropped on the next update.
    QVERIFY(QFile::remove(out));
    QVERIFY(writeFileAtomically(dir.filePath(QStringLiteral("other.csv")), "x", OutputKind::table()));
    QVERIFY(!contents(OutputLedger::ledgerPath(out)).contains("peaks.csv"));
}

void TestOutputGuard::folderAndDuplicateOutputs()
{
    QTemporaryDir dir;
    QVERIFY(!OutputGuard({}, true).check(dir.path(), OutputKind::table()));
    const QString a = dir.filePath(QStringLiteral("R.json"));
    const Status st = OutputGuard({}, false).check({{a, OutputKind::table()}, {dir.filePath(QStringLiteral("./R.json")), OutputKind::report()}});
    QVERIFY(!st);
    QVERIFY(st.error().message.contains(QLatin1String("two outputs")));
    QVERIFY(OutputGuard({}, false).check({{a, OutputKind::table()}, {QString(), OutputKind::report()}}));
}

void TestOutputGuard::atomicWriteFollowsLinkAndKeepsPermissions()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("target.csv"));
    QVERIFY(writeFileAtomically(target, "old", OutputKind::table()));
    QVERIFY(QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner));
    const QString link = dir.filePath(QStringLiteral("link.csv"));
    QVERIFY(QFile::link(target, link));
    QVERIFY(writeFileAtomically(link, "new", OutputKind::table()));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(contents(target), QByteArray("new"));
    QCOMPARE(QFileInfo(target).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    QCOMPARE(OutputLedger::recordedKind(link), OutputKind::table());
}

void TestOutputGuard::failedWriteLeavesOldFile()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("sub/out.csv"));
    QVERIFY(!writeFileAtomically(out, "x", OutputKind::table()));  // no such folder
    QVERIFY(!QFileInfo::exists(out));
    // A folder that cannot take the temporary: the old file stays as it was, no temporary is left.
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("ro")));
    const QString kept = dir.filePath(QStringLiteral("ro/kept.csv"));
    QVERIFY(writeFileAtomically(kept, "earlier", OutputKind::table()));
    QVERIFY(QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFile::ReadOwner | QFile::ExeOwner));
    const Status st = writeFileAtomically(kept, "later", OutputKind::table());
    QFile::setPermissions(dir.filePath(QStringLiteral("ro")), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (QFileInfo(dir.filePath(QStringLiteral("ro"))).isWritable() && st)
        QSKIP("running with permissions that ignore a read-only folder (root)");
    QVERIFY(!st);
    QVERIFY(st.error().source == kept);
    QCOMPARE(contents(kept), QByteArray("earlier"));
    QCOMPARE(QDir(dir.filePath(QStringLiteral("ro"))).entryList(QDir::Files | QDir::Hidden).size(), 2);  // file + ledger
}

void TestOutputGuard::staleTemporariesOfDeadWritersAreRemoved()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("lib.h5"));
    // The pid of a process that has ended.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForFinished());
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
    const QString dead = dir.filePath(QStringLiteral(".lib.h5.%1-0123abcd.tmp").arg(deadPid));
    const QString alive = temporarySibling(out);  // this process: still writing
    const QString legacyOld = dir.filePath(QStringLiteral(".lib.h5.89abcdef.tmp"));
    const QString legacyNew = dir.filePath(QStringLiteral(".lib.h5.fedcba98.tmp"));
    const QString otherOutput = dir.filePath(QStringLiteral(".lib.h5x.%1-0123abcd.tmp").arg(deadPid));
    for (const QString &p : {dead, alive, legacyOld, legacyNew, otherOutput})
        writeRaw(p, "partial");
    QFile old(legacyOld);
    QVERIFY(old.open(QIODevice::ReadWrite));
    QVERIFY(old.setFileTime(QDateTime::currentDateTime().addSecs(-7200), QFileDevice::FileModificationTime));
    old.close();
    QStringList removed = OutputGuard::removeStaleTemporaries(out);
    removed.sort();
    QStringList expected{QFileInfo(dead).absoluteFilePath(), QFileInfo(legacyOld).absoluteFilePath()};
    expected.sort();
    QCOMPARE(removed, expected);
    QVERIFY(QFileInfo::exists(alive));
    QVERIFY(QFileInfo::exists(legacyNew));
    QVERIFY(QFileInfo::exists(otherOutput));
}

QTEST_GUILESS_MAIN(TestOutputGuard)
#include "tst_outputguard.moc"
