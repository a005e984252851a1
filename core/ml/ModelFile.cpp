#include "ml/ModelFile.h"

#include "io/AtomicFile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <cstring>

namespace photopeak {

namespace {
const QString kFormat = QStringLiteral("photopeak-model");

QJsonObject headerToJson(const ModelHeader &h)
{
    QJsonObject o;
    o[QStringLiteral("format")] = kFormat;
    o[QStringLiteral("formatVersion")] = h.formatVersion;
    o[QStringLiteral("appVersion")] = h.appVersion;
    o[QStringLiteral("kind")] = h.kind;
    o[QStringLiteral("method")] = h.method;
    o[QStringLiteral("parameters")] = h.parameters;
    o[QStringLiteral("features")] = h.features;
    o[QStringLiteral("labels")] = QJsonArray::fromStringList(h.labels);
    o[QStringLiteral("gridEdges")] = ModelFile::encodeDoubles(h.grid.edges());
    o[QStringLiteral("gridDescription")] = h.grid.describe();
    o[QStringLiteral("trainingHash")] = h.trainingHash;
    o[QStringLiteral("metrics")] = h.metrics;
    return o;
}
} // namespace

QString ModelFile::encodeDoubles(const std::vector<double> &values)
{
    QByteArray bytes(static_cast<qsizetype>(values.size() * sizeof(double)), '\0');
    for (size_t i = 0; i < values.size(); ++i)
        qToLittleEndian(values[i], bytes.data() + i * sizeof(double));
    return QString::fromLatin1(bytes.toBase64());
}

std::vector<double> ModelFile::decodeDoubles(const QString &text)
{
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    std::vector<double> values(static_cast<size_t>(bytes.size()) / sizeof(double));
    for (size_t i = 0; i < values.size(); ++i)
        values[i] = qFromLittleEndian<double>(bytes.constData() + i * sizeof(double));
    return values;
}

Status ModelFile::save(const QString &path, const ModelDocument &document)
{
    QJsonObject root = headerToJson(document.header);
    root[QStringLiteral("payload")] = document.payload;
    return writeFileAtomically(path, QJsonDocument(root).toJson(QJsonDocument::Indented),
                               OutputKind::model(document.header.kind));
}

Result<ModelDocument> ModelFile::load(const QString &path, const QString &expectedKind)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot open model file: %1").arg(file.errorString()));
    if (file.size() > 2LL * 1024 * 1024 * 1024)
        return makeError(path, QStringLiteral("model file is larger than 2 GiB"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(path, QStringLiteral("not a Photopeak model file (JSON error at byte %1: %2)")
                                   .arg(parseError.offset).arg(parseError.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(path, QStringLiteral("not a Photopeak model file (no format \"%1\")").arg(kFormat));
    ModelDocument d;
    ModelHeader &h = d.header;
    h.formatVersion = o.value(QStringLiteral("formatVersion")).toInt(-1);
    if (h.formatVersion < 1 || h.formatVersion > ModelHeader::CurrentFormatVersion)
        return makeError(path, QStringLiteral("model format version %1 is not supported by this build (supports 1..%2); "
                                              "retrain or update Photopeak")
                                   .arg(h.formatVersion).arg(ModelHeader::CurrentFormatVersion));
    h.kind = o.value(QStringLiteral("kind")).toString();
    if (!expectedKind.isEmpty() && h.kind != expectedKind)
        return makeError(path, QStringLiteral("is a %1 model, but a %2 model is needed").arg(h.kind, expectedKind));
    h.appVersion = o.value(QStringLiteral("appVersion")).toString();
    h.method = o.value(QStringLiteral("method")).toString();
    h.parameters = o.value(QStringLiteral("parameters")).toObject();
    h.features = o.value(QStringLiteral("features")).toObject();
    for (const auto &v : o.value(QStringLiteral("labels")).toArray())
        h.labels << v.toString();
    h.grid = EnergyGrid(decodeDoubles(o.value(QStringLiteral("gridEdges")).toString()));
    h.trainingHash = o.value(QStringLiteral("trainingHash")).toString();
    h.metrics = o.value(QStringLiteral("metrics")).toObject();
    d.payload = o.value(QStringLiteral("payload")).toObject();
    if (d.payload.isEmpty())
        return makeError(path, QStringLiteral("model file has no learned parameters (payload missing)"));
    return d;
}

} // namespace photopeak
