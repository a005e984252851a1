// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// photopeak-cli report end to end: a tiny model trained on the demo folders, one PNG per spectrum of a copied
// mixture folder with a broken file in it (named on stderr, the others written, the input untouched), no
// display needed, usage errors.

#include "CliRun.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using photopeak::testcli::cli;
using photopeak::testcli::Run;

namespace {
const QString kDemo = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd");

// Every file below `dir` with its size, modification time and content hash.
QMap<QString, QString> snapshot(const QString &dir)
{
    QMap<QString, QString> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        out.insert(QDir(dir).relativeFilePath(path),
                   QStringLiteral("%1 %2 %3")
                       .arg(it.fileInfo().size())
                       .arg(it.fileInfo().lastModified().toMSecsSinceEpoch())
                       .arg(QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex())));
    }
    return out;
}

// Width and height of a complete PNG file: signature, IHDR first, every chunk's CRC right, IEND last. CLI
// tests link only the core (no QtGui for QImageReader), so the file structure is checked here.
QSize pngSize(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray d = f.readAll();
    if (!d.startsWith(QByteArray::fromHex("89504e470d0a1a0a")))
        return {};
    auto be32 = [&d](qsizetype at) {
        return (quint32(quint8(d[at])) << 24) | (quint32(quint8(d[at + 1])) << 16) | (quint32(quint8(d[at + 2])) << 8)
               | quint32(quint8(d[at + 3]));
    };
    auto crc32 = [](const char *data, qsizetype n) {
        quint32 c = 0xffffffffu;
        for (qsizetype i = 0; i < n; ++i) {
            c ^= quint8(data[i]);
            for (int k = 0; k < 8; ++k)
                c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
        }
        return c ^ 0xffffffffu;
    };
    QSize size;
    qsizetype at = 8;
    while (at + 12 <= d.size()) {
        const quint32 length = be32(at);
        if (at + 12 + qsizetype(length) > d.size())
            return {};
        const QByteArray type = d.mid(at + 4, 4);
        if (crc32(d.constData() + at + 4, 4 + qsizetype(length)) != be32(at + 8 + length))
            return {};
        if (at == 8 && type != "IHDR")
            return {};
        if (type == "IHDR")
            size = QSize(int(be32(at + 8)), int(be32(at + 12)));
        if (type == "IEND")
            return at + 12 == d.size() ? size : QSize();
        at += 12 + length;
    }
    return {};
}

// The CLI in an environment without any display and without QT_QPA_PLATFORM.
Run cliWithoutDisplay(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PHOTOPEAK_CLI_PATH), args);
    p.waitForFinished(600000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

class TestReportCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void writesOnePngPerSpectrum();
    void singleFileAndPageSize();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString m_model, m_input;
};

void TestReportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_model = m_dir.filePath(QStringLiteral("model.json"));
    const Run train = cli({QStringLiteral("train"), QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Cs137"),
                           QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Am241"), QStringLiteral("-B"),
                           kDemo + QStringLiteral("/bkgs/15s"), QStringLiteral("-M"), QStringLiteral("logistic"),
                           QStringLiteral("--synthetic"), QStringLiteral("200"), QStringLiteral("--no-search"),
                           QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("-o"), m_model});
    QVERIFY2(train.code == 0, qPrintable(train.err + train.out));

    // A copy of the demo mixture folder plus a file no reader can read.
    m_input = m_dir.filePath(QStringLiteral("in/Am241_Cs137"));
    QVERIFY(QDir().mkpath(m_input));
    const QDir mix(kDemo + QStringLiteral("/misc/Am241_Cs137/15s/15cm"));
    const QStringList spectra = mix.entryList({QStringLiteral("*.sps")}, QDir::Files);
    QVERIFY(spectra.size() >= 2);
    for (const QString &name : spectra)
        QVERIFY(QFile::copy(mix.filePath(name), QDir(m_input).filePath(name)));
    QFile broken(QDir(m_input).filePath(QStringLiteral("broken.sps")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("not a spectrum");
    broken.close();
}

void TestReportCli::writesOnePngPerSpectrum()
{
    const QMap<QString, QString> before = snapshot(m_input);
    const QString out = m_dir.filePath(QStringLiteral("reports"));
    const Run r = cliWithoutDisplay({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("-o"), out,
                                     m_input});
    QCOMPARE(r.code, 1);  // the broken file failed, the batch went on
    QVERIFY2(r.err.contains(QLatin1String("broken.sps")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("wrote")), qPrintable(r.err));

    const QStringList spectra = QDir(m_input).entryList({QStringLiteral("*.sps")}, QDir::Files);
    const QStringList pngs = QDir(out).entryList({QStringLiteral("*.png")}, QDir::Files);
    QCOMPARE(pngs.size(), spectra.size() - 1);
    for (const QString &name : spectra) {
        if (name == QLatin1String("broken.sps"))
            continue;
        const QString png = QStringLiteral("Am241_Cs137_") + QFileInfo(name).completeBaseName() + QStringLiteral(".png");
        QVERIFY2(pngs.contains(png), qPrintable(png + QLatin1Char(' ') + pngs.join(QLatin1Char(','))));
        QCOMPARE(pngSize(QDir(out).filePath(png)), QSize(1600, 1000));
    }
    QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden).size(), pngs.size() + 1);  // the ledger, no temporary files
    QCOMPARE(snapshot(m_input), before);                                                 // input untouched

    // Into the input folder itself: reports beside the spectra, nothing of the input replaced.
    const Run again = cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("--no-peaks"),
                           QStringLiteral("-o"), m_input, m_input});
    QCOMPARE(again.code, 1);
    const QMap<QString, QString> after = snapshot(m_input);
    for (auto it = before.begin(); it != before.end(); ++it)
        QCOMPARE(after.value(it.key()), it.value());
    QCOMPARE(after.size(), before.size() + pngs.size() + 1);  // and the output ledger
}

void TestReportCli::singleFileAndPageSize()
{
    const QString file = QDir(m_input).filePath(QDir(m_input).entryList({QStringLiteral("2*.sps")}, QDir::Files).front());
    const QString out = m_dir.filePath(QStringLiteral("single"));
    const Run r = cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("--size"),
                       QStringLiteral("800x500"), QStringLiteral("--linear"), QStringLiteral("-o"), out, file});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const QString png = QDir(out).filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".png"));
    QCOMPARE(pngSize(png), QSize(800, 500));
}

void TestReportCli::usageErrors()
{
    const Run help = cli({QStringLiteral("report"), QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QLatin1String("--size")));
    QVERIFY(cli({QStringLiteral("--help")}).out.contains(QLatin1String("report")));
    const Run noOut = cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, m_input});
    QCOMPARE(noOut.code, 2);
    QVERIFY(noOut.err.contains(QLatin1String("-o")));
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("-o"), m_dir.path()}).code, 2);
    QCOMPARE(cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("--size"),
                  QStringLiteral("big"), QStringLiteral("-o"), m_dir.path(), m_input})
                 .code,
             2);
    const Run noModel = cli({QStringLiteral("report"), QStringLiteral("-o"), m_dir.path(), m_input});
    QCOMPARE(noModel.code, 2);
    const Run badModel = cli({QStringLiteral("report"), QStringLiteral("--model"), m_dir.filePath(QStringLiteral("none.json")),
                              QStringLiteral("-o"), m_dir.path(), m_input});
    QCOMPARE(badModel.code, 1);
    QVERIFY(badModel.err.contains(QLatin1String("none.json")));
}

QTEST_GUILESS_MAIN(TestReportCli)
#include "tst_reportcli.moc"
