// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventClassifier.h"

#include "model/ModelFile.h"
#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <cmath>

namespace photopeak {

EventClassifier::EventClassifier(Definition definition, FeatureNormalizer normalizer, CalibratedClassifier classifier)
    : m_def(std::move(definition)), m_normalizer(std::move(normalizer)), m_classifier(std::move(classifier))
{
    prepareFastPath();
}

void EventClassifier::prepareFastPath()
{
    m_linear.clear();
    m_calibrator.reset();
    if (m_def.features.isEmpty() || m_classifier.learner().dimension() != m_def.features.size())
        return;  // not trained yet
    const QJsonObject json = m_classifier.toJson();
    const QJsonObject learner = json.value(QStringLiteral("learner")).toObject();
    if (!learner.contains(QStringLiteral("weights")))
        return;
    auto cal = ProbabilityCalibrator::fromJson(json.value(QStringLiteral("calibration")).toObject(), QString());
    std::vector<double> w = JsonNumbers::decodeDoubles(learner.value(QStringLiteral("weights")).toString());
    if (!cal || w.size() != static_cast<size_t>(m_def.features.size()) + 1)
        return;
    m_linear = std::move(w);
    m_calibrator = std::make_shared<const ProbabilityCalibrator>(std::move(cal).value());
}

void EventClassifier::setTrainingInfo(QJsonObject parameters, QJsonObject metrics, QString trainingHash)
{
    m_parameters = std::move(parameters);
    m_metrics = std::move(metrics);
    m_trainingHash = std::move(trainingHash);
}

Status EventClassifier::checkColumns(const EventTable &table, const QString &source) const
{
    QStringList missing, text;
    for (const QString &f : m_def.features) {
        const int c = table.indexOf(f);
        if (c < 0)
            missing << f;
        else if (!table.column(c).isNumeric())
            text << f;
    }
    if (missing.isEmpty() && text.isEmpty())
        return Ok{};
    QStringList parts;
    if (!missing.isEmpty())
        parts << QStringLiteral("lacks the model's feature column%1 %2").arg(missing.size() > 1 ? QStringLiteral("s") : QString(),
                                                                             missing.join(QStringLiteral(", ")));
    if (!text.isEmpty())
        parts << QStringLiteral("has text where the model needs numbers in %1").arg(text.join(QStringLiteral(", ")));
    return makeError(source, QStringLiteral("table %1 (the model was trained on %2 features from %3)")
                                 .arg(parts.join(QStringLiteral(" and ")))
                                 .arg(m_def.features.size())
                                 .arg(m_def.query.table.isEmpty() ? QStringLiteral("the file's table") : m_def.query.table));
}

Result<FeatureMatrix> EventClassifier::rawFeatures(const EventTable &table, const QString &source) const
{
    if (Status ok = checkColumns(table, source); !ok)
        return ok.error();
    const int dim = static_cast<int>(m_def.features.size());
    FeatureMatrix x(static_cast<int>(table.rowCount()), dim);
    for (int f = 0; f < dim; ++f) {
        const std::vector<double> &v = table.numbers(table.indexOf(m_def.features[f]));
        for (int r = 0; r < x.rows; ++r)
            x.at(r, f) = v[static_cast<size_t>(r)];
    }
    return x;
}

Result<std::vector<double>> EventClassifier::predict(const EventTable &table, const QString &source) const
{
    if (Status ok = checkColumns(table, source); !ok)
        return ok.error();
    const int dim = static_cast<int>(m_def.features.size());
    const qint64 n = table.rowCount();
    std::vector<double> out(static_cast<size_t>(n));
    if (!m_linear.empty()) {
        // Column by column: normalise one feature over the chunk, add its share of the decision (in the
        // same order as the row-wise decision, so the numbers are identical).
        std::vector<double> z(static_cast<size_t>(n), m_linear[static_cast<size_t>(dim)]), column(static_cast<size_t>(n));
        for (int f = 0; f < dim; ++f) {
            m_normalizer.applyColumn(f, table.numbers(table.indexOf(m_def.features[f])).data(), column.data(), n);
            const double w = m_linear[static_cast<size_t>(f)];
            for (qint64 r = 0; r < n; ++r)
                z[static_cast<size_t>(r)] += w * column[static_cast<size_t>(r)];
        }
        for (qint64 r = 0; r < n; ++r)
            out[static_cast<size_t>(r)] = std::isnan(z[static_cast<size_t>(r)]) ? z[static_cast<size_t>(r)]
                                                                                : m_calibrator->probability(z[static_cast<size_t>(r)]);
        return out;
    }
    std::vector<const double *> cols(static_cast<size_t>(dim));
    for (int f = 0; f < dim; ++f)
        cols[static_cast<size_t>(f)] = table.numbers(table.indexOf(m_def.features[f])).data();
    std::vector<double> row(static_cast<size_t>(dim));
    for (qint64 r = 0; r < n; ++r) {
        bool missing = false;
        for (int f = 0; f < dim; ++f) {
            row[static_cast<size_t>(f)] = cols[static_cast<size_t>(f)][r];
            missing = missing || std::isnan(row[static_cast<size_t>(f)]);
        }
        if (missing) {
            out[static_cast<size_t>(r)] = std::nan("");
            continue;
        }
        m_normalizer.apply(row.data());
        out[static_cast<size_t>(r)] = m_classifier.probability(row.data());
    }
    return out;
}

std::vector<double> EventClassifier::coefficients() const
{
    const QJsonObject learner = m_classifier.learner().toJson();
    if (!learner.contains(QStringLiteral("weights")))
        return {};
    std::vector<double> w = JsonNumbers::decodeDoubles(learner.value(QStringLiteral("weights")).toString());
    if (w.size() == static_cast<size_t>(m_def.features.size()) + 1)
        w.pop_back();  // bias
    return w;
}

QString EventClassifier::describe() const
{
    return QStringLiteral("%1 vs %2 by %3 on %4 features (%5 normalisation); label: %6")
        .arg(m_def.positiveName, m_def.negativeName, BinaryLearner::methodTitle(m_classifier.learner().method()))
        .arg(m_def.features.size())
        .arg(FeatureNormalizer::methodName(m_normalizer.method()), m_def.label);
}

Status EventClassifier::save(const QString &path) const
{
    ModelDocument doc;
    doc.header.kind = QString::fromLatin1(Kind);
    doc.header.method = BinaryLearner::methodName(m_classifier.learner().method());
    QJsonObject params = m_parameters;
    params[QStringLiteral("label")] = m_def.label;
    params[QStringLiteral("filter")] = m_def.filter;
    params[QStringLiteral("query")] = m_def.query.toJson();
    doc.header.parameters = params;
    QJsonObject features;
    features[QStringLiteral("columns")] = QJsonArray::fromStringList(m_def.features);
    features[QStringLiteral("normalisation")] = m_normalizer.toJson();
    doc.header.features = features;
    doc.header.labels = {m_def.negativeName, m_def.positiveName};
    doc.header.trainingHash = m_trainingHash;
    doc.header.metrics = m_metrics;
    doc.payload[QStringLiteral("classifier")] = m_classifier.toJson();
    return ModelFile::save(path, doc);
}

Result<EventClassifier> EventClassifier::load(const QString &path)
{
    auto doc = ModelFile::load(path, QString::fromLatin1(Kind));
    if (!doc)
        return doc.error();
    const ModelHeader &h = doc->header;
    EventClassifier m;
    for (const auto &v : h.features.value(QStringLiteral("columns")).toArray())
        m.m_def.features << v.toString();
    if (m.m_def.features.isEmpty())
        return makeError(path, QStringLiteral("model names no feature columns"));
    if (h.labels.size() != 2)
        return makeError(path, QStringLiteral("model has %1 class names, an event classifier has 2").arg(h.labels.size()));
    m.m_def.negativeName = h.labels[0];
    m.m_def.positiveName = h.labels[1];
    m.m_def.label = h.parameters.value(QStringLiteral("label")).toString();
    m.m_def.filter = h.parameters.value(QStringLiteral("filter")).toString();
    auto query = TableQuery::fromJson(h.parameters.value(QStringLiteral("query")).toObject(), path);
    if (!query)
        return query.error();
    m.m_def.query = *query;
    const int dim = static_cast<int>(m.m_def.features.size());
    auto norm = FeatureNormalizer::fromJson(h.features.value(QStringLiteral("normalisation")).toObject(), dim, path);
    if (!norm)
        return norm.error();
    m.m_normalizer = std::move(norm).value();
    auto cls = CalibratedClassifier::fromJson(doc->payload.value(QStringLiteral("classifier")).toObject(), dim, path);
    if (!cls)
        return cls.error();
    m.m_classifier = std::move(cls).value();
    m.m_parameters = h.parameters;
    m.m_metrics = h.metrics;
    m.m_trainingHash = h.trainingHash;
    m.prepareFastPath();
    return m;
}

} // namespace photopeak
