// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "model/ModelFile.h"

#include "io/AtomicFile.h"
#include "io/JsonChecksum.h"
#include "util/JsonNumbers.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>
#include <functional>
#include <optional>

#include <cmath>
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
    o[QStringLiteral("gridEdges")] = JsonNumbers::encodeDoubles(h.grid.edges());
    o[QStringLiteral("gridDescription")] = h.grid.describe();
    o[QStringLiteral("trainingHash")] = h.trainingHash;
    o[QStringLiteral("metrics")] = h.metrics;
    return o;
}

QString number(double v) { return QString::number(v, 'g', 17); }

// The first number in `value` (recursively) that is not finite or larger than MaxMagnitude, as an error
// naming its field ("payload.detector.params.c").
std::optional<Error> findBadNumber(const QJsonValue &value, const QString &field, const QString &path)
{
    if (value.isDouble()) {
        const double v = value.toDouble();
        if (!std::isfinite(v) || std::abs(v) > JsonNumbers::MaxMagnitude)
            return makeError(path, QStringLiteral("field '%1' = %2 is not a usable number; the file is damaged").arg(field, number(v)));
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            if (auto e = findBadNumber(it.value(), field.isEmpty() ? it.key() : field + QLatin1Char('.') + it.key(), path))
                return e;
    } else if (value.isArray()) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            if (auto e = findBadNumber(a.at(i), QStringLiteral("%1[%2]").arg(field).arg(i), path))
                return e;
    }
    return std::nullopt;
}
} // namespace

Status ModelFile::save(const QString &path, const ModelDocument &document)
{
    QJsonObject root = headerToJson(document.header);
    root[QStringLiteral("payload")] = document.payload;
    return writeFileAtomically(path, JsonChecksum::serialize(root), OutputKind::model(document.header.kind));
}

Result<ModelDocument> ModelFile::load(const QString &path, const QString &expectedKind)
{
    const qint64 size = QFileInfo(path).size();
    if (size > MaxFileBytes)
        return makeError(path, QStringLiteral("model file is %1 MiB, more than the %2 MiB a model may have; refusing to read it")
                                   .arg(size / (1024 * 1024)).arg(MaxFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot open model file: %1").arg(file.errorString()));
    const QByteArray bytes = file.read(MaxFileBytes + 1);
    if (bytes.size() > MaxFileBytes)
        return makeError(path, QStringLiteral("model file is larger than %1 MiB; refusing to read it").arg(MaxFileBytes / (1024 * 1024)));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
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
    // What the file is (above) before whether it is intact: a model of another kind is named as such.
    if (const Status st = JsonChecksum::verify(bytes, o, path, &d.warnings); !st)
        return st.error();
    for (const QString &w : d.warnings)
        qWarning("%s", qPrintable(w));
    if (auto bad = findBadNumber(o, QString(), path))
        return *bad;
    h.appVersion = o.value(QStringLiteral("appVersion")).toString();
    h.method = o.value(QStringLiteral("method")).toString();
    h.parameters = o.value(QStringLiteral("parameters")).toObject();
    h.features = o.value(QStringLiteral("features")).toObject();
    for (const auto &v : o.value(QStringLiteral("labels")).toArray()) {
        if (!v.isString() || v.toString().isEmpty() || h.labels.contains(v.toString()))
            return makeError(path, QStringLiteral("field 'labels' holds an empty, repeated or non-text label; the file is damaged"));
        h.labels << v.toString();
    }
    auto edges = JsonNumbers::readDoubles(o, QStringLiteral("gridEdges"), path, -1e4, 1e7);
    if (!edges)
        return edges.error();
    if ((!edges->empty() && (edges->size() < 2 || edges->size() > 1000000)) || !std::is_sorted(edges->begin(), edges->end(), std::less_equal<double>()))
        return makeError(path, QStringLiteral("field 'gridEdges' is not an increasing list of energies; the file is damaged"));
    h.grid = EnergyGrid(std::move(edges).value());
    h.trainingHash = o.value(QStringLiteral("trainingHash")).toString();
    h.metrics = o.value(QStringLiteral("metrics")).toObject();
    d.payload = o.value(QStringLiteral("payload")).toObject();
    if (d.payload.isEmpty())
        return makeError(path, QStringLiteral("model file has no learned parameters (payload missing)"));
    return d;
}

} // namespace photopeak
