// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Damaged models are refused, never used (issue 21): the checksum of model and efficiency files, the checks of
// every stored number, the size bound before reading; tampered real models (a flipped digit, a NaN in the
// detector weights, a truncation, a huge file) are refused with messages naming the file and the field.

#include "TestData.h"

#include "io/JsonChecksum.h"
#include "model/ModelFile.h"
#include "util/JsonNumbers.h"
#include "ml/SpectrumClassifier.h"
#include "ml/TrainingSetBuilder.h"
#include "ml/latent/LatentModel.h"
#include "peaks/EfficiencyCurve.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
const QString kDemo = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd");
const QString kEfficiency = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

// What a deliberate edit looks like: the JSON changed by `change` and given a fresh checksum.
void rewrite(const QString &from, const QString &to, const std::function<void(QJsonObject &)> &change, bool restamp = true)
{
    QJsonObject root = QJsonDocument::fromJson(readAll(from)).object();
    root.remove(QStringLiteral("checksum"));
    change(root);
    writeAll(to, restamp ? JsonChecksum::serialize(root) : QJsonDocument(root).toJson());
}

// The first base64 array named `key` anywhere below `o`, with element `index` replaced by `value`.
bool replaceInArray(QJsonObject &o, const QString &key, size_t index, double value)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == key && it.value().isString()) {
            std::vector<double> v = JsonNumbers::decodeDoubles(it.value().toString());
            if (v.size() <= index)
                return false;
            v[index] = value;
            it.value() = JsonNumbers::encodeDoubles(v);
            return true;
        }
        if (it.value().isObject()) {
            QJsonObject child = it.value().toObject();
            if (replaceInArray(child, key, index, value)) {
                it.value() = child;
                return true;
            }
        }
    }
    return false;
}
} // namespace

class TestModelFile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void savedModelCarriesChecksumAndLoads();
    void flippedDigitIsRefused();
    void nanInDetectorWeightsIsRefused();
    void hugeNumberInHeaderIsRefused();
    void truncatedFileIsRefused();
    void hugeFileIsRefusedBeforeReading();
    void fileWithoutChecksumLoadsWithWarning();
    void badGridIsRefused();
    void tamperedLatentModelIsRefused();
    void efficiencyFileChecksumAndBounds();

private:
    QTemporaryDir m_dir;
    QString m_model;
};

void TestModelFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto set = TrainingSetBuilder::fromFolders({kDemo + QStringLiteral("/srcs/Cs137"), kDemo + QStringLiteral("/srcs/Am241")},
                                               {kDemo + QStringLiteral("/bkgs/15s")});
    QVERIFY(set.ok());
    ClassifierOptions o;
    o.synthetic.singles = o.synthetic.mixtures = o.synthetic.backgrounds = 100;
    o.searchHyperParameters = false;
    o.folds = 3;
    auto model = SpectrumClassifier::train(*set, o);
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
    m_model = m_dir.filePath(QStringLiteral("model.json"));
    QVERIFY(model->save(m_model).ok());
}

void TestModelFile::savedModelCarriesChecksumAndLoads()
{
    const QByteArray bytes = readAll(m_model);
    QVERIFY(QRegularExpression(QStringLiteral("\"checksum\": \"sha256:[0-9a-f]{64}\"")).match(QString::fromLatin1(bytes)).hasMatch());
    auto doc = ModelFile::load(m_model, QString::fromLatin1(SpectrumClassifier::Kind));
    QVERIFY(doc.ok());
    QVERIFY(doc->warnings.isEmpty());
    QVERIFY(SpectrumClassifier::load(m_model).ok());
    // Saved again, it reads back the same.
    const QString again = m_dir.filePath(QStringLiteral("again.json"));
    QVERIFY(SpectrumClassifier::load(m_model)->save(again).ok());
    QCOMPARE(readAll(again), bytes);
}

void TestModelFile::flippedDigitIsRefused()
{
    QByteArray bytes = readAll(m_model);
    // The first digit of the decision threshold (or any number): one character changed.
    const qsizetype at = bytes.indexOf("\"decisionThreshold\": ");
    QVERIFY(at > 0);
    const qsizetype digit = at + qsizetype(strlen("\"decisionThreshold\": ")) + 2;  // "0.5": the 5
    bytes[digit] = bytes[digit] == '9' ? '8' : char(bytes[digit] + 1);
    const QString tampered = m_dir.filePath(QStringLiteral("flipped.json"));
    writeAll(tampered, bytes);
    auto model = SpectrumClassifier::load(tampered);
    QVERIFY(!model.ok());
    QCOMPARE(model.error().source, tampered);
    QVERIFY2(model.error().message.contains(QLatin1String("checksum")), qPrintable(model.error().toString()));
}

void TestModelFile::nanInDetectorWeightsIsRefused()
{
    // Even a file whose checksum was made to fit: the number itself is checked.
    const QString tampered = m_dir.filePath(QStringLiteral("nan.json"));
    bool replaced = false;
    rewrite(m_model, tampered, [&](QJsonObject &root) {
        QJsonObject payload = root.value(QStringLiteral("payload")).toObject();
        QJsonObject detector = payload.value(QStringLiteral("detector")).toObject();
        replaced = replaceInArray(detector, QStringLiteral("weights"), 3, std::nan(""));
        payload[QStringLiteral("detector")] = detector;
        root[QStringLiteral("payload")] = payload;
    });
    QVERIFY2(replaced, "the logistic detector stores its weights");
    auto model = SpectrumClassifier::load(tampered);
    QVERIFY(!model.ok());
    QCOMPARE(model.error().source, tampered);
    QVERIFY2(model.error().message.contains(QLatin1String("'weights'")) && model.error().message.contains(QLatin1String("nan")),
             qPrintable(model.error().toString()));
    // Without a fitting checksum the checksum says it first.
    rewrite(m_model, tampered, [&](QJsonObject &root) {
        QJsonObject payload = root.value(QStringLiteral("payload")).toObject();
        QJsonObject detector = payload.value(QStringLiteral("detector")).toObject();
        replaceInArray(detector, QStringLiteral("weights"), 3, std::nan(""));
        payload[QStringLiteral("detector")] = detector;
        root[QStringLiteral("payload")] = payload;
        root[QStringLiteral("checksum")] = QStringLiteral("sha256:") + QString(64, QLatin1Char('a'));
    }, false);
    QVERIFY(SpectrumClassifier::load(tampered).error().message.contains(QLatin1String("checksum")));
}

void TestModelFile::hugeNumberInHeaderIsRefused()
{
    const QString tampered = m_dir.filePath(QStringLiteral("huge-number.json"));
    rewrite(m_model, tampered, [](QJsonObject &root) {
        QJsonObject p = root.value(QStringLiteral("parameters")).toObject();
        p[QStringLiteral("decisionThreshold")] = 1e300;
        root[QStringLiteral("parameters")] = p;
    });
    auto doc = ModelFile::load(tampered, QString());
    QVERIFY(!doc.ok());
    QVERIFY2(doc.error().message.contains(QLatin1String("parameters.decisionThreshold")), qPrintable(doc.error().toString()));
}

void TestModelFile::truncatedFileIsRefused()
{
    const QByteArray bytes = readAll(m_model);
    const QString tampered = m_dir.filePath(QStringLiteral("truncated.json"));
    for (qsizetype keep : {bytes.size() - 1, bytes.size() / 2, qsizetype(10), qsizetype(0)}) {
        writeAll(tampered, bytes.left(keep));
        auto model = SpectrumClassifier::load(tampered);
        QVERIFY(!model.ok());
        QCOMPARE(model.error().source, tampered);
    }
}

void TestModelFile::hugeFileIsRefusedBeforeReading()
{
    const QString huge = m_dir.filePath(QStringLiteral("huge.json"));
    QFile f(huge);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"photopeak-model\", \"payload\": \"");
    QVERIFY(f.resize(3LL * 1024 * 1024 * 1024));  // sparse: no disk space used
    f.close();
    auto model = SpectrumClassifier::load(huge);
    QVERIFY(!model.ok());
    QVERIFY2(model.error().message.contains(QLatin1String("MiB")), qPrintable(model.error().toString()));
    QFile::remove(huge);
    // Efficiency files likewise.
    QFile e(huge);
    QVERIFY(e.open(QIODevice::WriteOnly));
    QVERIFY(e.resize(64LL * 1024 * 1024));
    e.close();
    QVERIFY(EfficiencyCurve::load(huge).error().message.contains(QLatin1String("MiB")));
    QFile::remove(huge);
}

void TestModelFile::fileWithoutChecksumLoadsWithWarning()
{
    const QString old = m_dir.filePath(QStringLiteral("old.json"));
    rewrite(m_model, old, [](QJsonObject &) {}, false);
    QVERIFY(!readAll(old).contains("checksum"));
    auto doc = ModelFile::load(old, QString::fromLatin1(SpectrumClassifier::Kind));
    QVERIFY(doc.ok());
    QCOMPARE(doc->warnings.size(), 1);
    QVERIFY(doc->warnings.front().contains(old) && doc->warnings.front().contains(QLatin1String("without a checksum")));
    QVERIFY(SpectrumClassifier::load(old).ok());
}

void TestModelFile::badGridIsRefused()
{
    const QString tampered = m_dir.filePath(QStringLiteral("grid.json"));
    rewrite(m_model, tampered, [](QJsonObject &root) {
        std::vector<double> edges = JsonNumbers::decodeDoubles(root.value(QStringLiteral("gridEdges")).toString());
        std::swap(edges[5], edges[6]);
        root[QStringLiteral("gridEdges")] = JsonNumbers::encodeDoubles(edges);
    });
    auto doc = ModelFile::load(tampered, QString());
    QVERIFY(!doc.ok());
    QVERIFY(doc.error().message.contains(QLatin1String("gridEdges")));
    // Repeated labels.
    rewrite(m_model, tampered, [](QJsonObject &root) {
        root[QStringLiteral("labels")] = QJsonArray{QStringLiteral("Source"), QStringLiteral("Cs137"), QStringLiteral("Cs137")};
    });
    QVERIFY(ModelFile::load(tampered, QString()).error().message.contains(QLatin1String("labels")));
}

void TestModelFile::tamperedLatentModelIsRefused()
{
    PHOTOPEAK_REQUIRE_DATA(csv, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    auto latent = LatentModel::fromReferenceCsv(csv);
    QVERIFY(latent.ok());
    const QString path = m_dir.filePath(QStringLiteral("latent.json"));
    QVERIFY(latent->save(path).ok());
    QVERIFY(LatentModel::load(path).ok());
    const QString tampered = m_dir.filePath(QStringLiteral("latent-inf.json"));
    rewrite(path, tampered, [](QJsonObject &root) {
        QJsonObject payload = root.value(QStringLiteral("payload")).toObject();
        QVERIFY(replaceInArray(payload, QStringLiteral("loadings"), 10, std::numeric_limits<double>::infinity()));
        root[QStringLiteral("payload")] = payload;
    });
    auto model = LatentModel::load(tampered);
    QVERIFY(!model.ok());
    QVERIFY2(model.error().message.contains(QLatin1String("'loadings'")), qPrintable(model.error().toString()));
}

void TestModelFile::efficiencyFileChecksumAndBounds()
{
    auto shipped = EfficiencyCurve::load(kEfficiency);
    QVERIFY2(shipped.ok(), "the shipped curve carries its checksum");
    const QString path = m_dir.filePath(QStringLiteral("eff.json"));
    QVERIFY(shipped->save(path).ok());
    QVERIFY(readAll(path).contains("\"checksum\": \"sha256:"));
    QVERIFY(EfficiencyCurve::load(path).ok());
    // A changed parameter: refused by the checksum; made to fit, a NaN-like value is refused by the bounds.
    QByteArray bytes = readAll(path);
    const qsizetype at = bytes.indexOf("\"parameters\": [");
    QVERIFY(at > 0);
    const qsizetype digit = bytes.indexOf(QRegularExpression(QStringLiteral("[1-8]")).match(QString::fromLatin1(bytes), at).captured(0).toLatin1(), at);
    bytes[digit] = char(bytes[digit] + 1);
    writeAll(path, bytes);
    auto flipped = EfficiencyCurve::load(path);
    QVERIFY(!flipped.ok());
    QVERIFY(flipped.error().message.contains(QLatin1String("checksum")));
    rewrite(kEfficiency, path, [](QJsonObject &root) {
        QJsonArray p = root.value(QStringLiteral("parameters")).toArray();
        p[0] = 1e300;
        root[QStringLiteral("parameters")] = p;
    });
    auto huge = EfficiencyCurve::load(path);
    QVERIFY(!huge.ok());
    QVERIFY(huge.error().message.contains(QLatin1String("'parameters'")));
    // Without a checksum (files from before): loads.
    rewrite(kEfficiency, path, [](QJsonObject &) {}, false);
    QVERIFY(EfficiencyCurve::load(path).ok());
}

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_modelfile.moc"
