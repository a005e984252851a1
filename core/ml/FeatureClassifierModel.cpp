// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/FeatureClassifierModel.h"

#include "model/ModelFile.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <map>

namespace photopeak {

namespace {
using T = ParameterSpec::Type;

QJsonArray toArray(const std::vector<double> &v)
{
    QJsonArray a;
    for (double x : v)
        a.append(x);
    return a;
}

std::vector<double> fromArray(const QJsonValue &value)
{
    std::vector<double> out;
    for (const QJsonValue &v : value.toArray())
        out.push_back(v.toDouble(std::nan("")));
    return out;
}

bool allFinite(const std::vector<double> &v)
{
    return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); });
}
} // namespace

const ParameterTable &FeatureClassifierModel::parameterTable()
{
    static const ParameterTable table(QStringLiteral("feature classifier"), {
        {QStringLiteral("method"), T::Choice, QStringLiteral("rbf-svm"), 0, 0,
         {QStringLiteral("rbf-svm"), QStringLiteral("linear-svm"), QStringLiteral("random-forest"), QStringLiteral("logistic")},
         {}, "Method", "learner: RBF or linear SVM, dlib regression forest on +-1 targets, or logistic regression", {}},
        {QStringLiteral("folds"), T::Int, 5, 2, 20, {}, {}, "Folds", "grouped cross-validation folds", {}},
        {QStringLiteral("search"), T::Bool, true, 0, 0, {}, {}, "Search hyper-parameters",
         "choose C, gamma or lambda by grouped cross-validation (log-loss)", {}},
        {QStringLiteral("calibration"), T::Choice, QStringLiteral("platt"), 0, 0,
         {QStringLiteral("platt"), QStringLiteral("isotonic")}, {}, "Calibration",
         "probability calibration fitted on held-out folds", {}},
        {QStringLiteral("trees"), T::Int, 200, 10, 2000, {}, {}, "Trees", "random forest: number of trees", {}},
        {QStringLiteral("threshold"), T::Double, 0.5, 0.0, 1.0, {}, {}, "Threshold",
         "calibrated probability at which a class is reported", {}},
        {QStringLiteral("domain-margin"), T::Double, 0.5, 0.0, 100.0, {}, {}, "Domain margin",
         "a row is out of domain when a feature lies beyond the training range by more than this fraction of it", {}},
        {QStringLiteral("seed"), T::Int, 20221, 0, 2147483647.0, {}, {}, "Seed", "seed of folds and subsampling", {}},
    });
    return table;
}

ModelKind FeatureClassifierModel::modelKind()
{
    ModelKind k;
    k.kind = QString::fromLatin1(Kind);
    k.title = QStringLiteral("Feature classifier (SVM, forest, logistic; calibrated)");
    k.inputKind = QString::fromLatin1(FeatureTable::Kind);
    k.parameters = parameterTable();
    k.train = [](const ModelInput &input, const QJsonObject &options, const JobControl *job)
        -> Result<std::unique_ptr<Model>> {
        const auto *table = dynamic_cast<const FeatureTable *>(&input);
        if (!table)
            return makeError(QString::fromLatin1(Kind), QStringLiteral("needs a feature table"));
        auto m = train(*table, options, job);
        if (!m)
            return m.error();
        return std::unique_ptr<Model>(std::make_unique<FeatureClassifierModel>(std::move(m).value()));
    };
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto m = load(path);
        if (!m)
            return m.error();
        return std::unique_ptr<Model>(std::make_unique<FeatureClassifierModel>(std::move(m).value()));
    };
    return k;
}

Result<FeatureClassifierModel> FeatureClassifierModel::train(const FeatureTable &table, const QJsonObject &options,
                                                             const JobControl *job)
{
    const QString source = QStringLiteral("feature table");
    auto validated = parameterTable().validate(options, source);
    if (!validated)
        return validated.error();
    const QJsonObject o = validated.value();
    const int n = table.x.rows, d = table.x.cols;
    if (n < 4 || d < 1)
        return makeError(source, QStringLiteral("needs at least 4 rows and 1 feature (has %1 x %2)").arg(n).arg(d));
    if (table.labels.size() != n)
        return makeError(source, QStringLiteral("has %1 labels for %2 rows").arg(table.labels.size()).arg(n));
    if (table.columns.size() != d)
        return makeError(source, QStringLiteral("has %1 column names for %2 features").arg(table.columns.size()).arg(d));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < d; ++c)
            if (!std::isfinite(table.x.at(r, c)))
                return makeError(table.itemName(r), QStringLiteral("feature '%1' is not a finite number").arg(table.columns[c]));

    FeatureClassifierModel m;
    m.m_options = o;
    m.m_columns = table.columns;
    m.m_threshold = o.value(QStringLiteral("threshold")).toDouble();
    m.m_margin = o.value(QStringLiteral("domain-margin")).toDouble();
    QStringList classes = table.labels;
    classes.removeDuplicates();
    classes.sort();
    if (classes.size() < 2)
        return makeError(source, QStringLiteral("needs at least two classes (found %1)").arg(classes.join(QStringLiteral(", "))));
    m.m_classes = classes;

    m.m_mean.assign(size_t(d), 0.0);
    m.m_scale.assign(size_t(d), 1.0);
    m.m_min.assign(size_t(d), 0.0);
    m.m_max.assign(size_t(d), 0.0);
    for (int c = 0; c < d; ++c) {
        double s = 0.0, s2 = 0.0, lo = table.x.at(0, c), hi = lo;
        for (int r = 0; r < n; ++r) {
            const double v = table.x.at(r, c);
            s += v;
            s2 += v * v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        const double mean = s / n, var = std::max(0.0, s2 / n - mean * mean);
        m.m_mean[size_t(c)] = mean;
        m.m_scale[size_t(c)] = var > 0.0 ? 1.0 / std::sqrt(var) : 1.0;
        m.m_min[size_t(c)] = lo;
        m.m_max[size_t(c)] = hi;
    }
    FeatureMatrix z(n, d);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < d; ++c)
            z.at(r, c) = (table.x.at(r, c) - m.m_mean[size_t(c)]) * m.m_scale[size_t(c)];

    std::vector<int> groups = table.groups;
    if (groups.size() != size_t(n)) {
        groups.resize(size_t(n));
        for (int r = 0; r < n; ++r)
            groups[size_t(r)] = r;
    }
    ClassifierTraining training;
    if (!BinaryLearner::parseMethod(o.value(QStringLiteral("method")).toString(), &training.method))
        return makeError(source, QStringLiteral("unknown method"));
    LearnerParams base;
    base.trees = o.value(QStringLiteral("trees")).toInt();
    base.seed = QString::number(o.value(QStringLiteral("seed")).toInteger());
    training.candidates = o.value(QStringLiteral("search")).toBool()
                              ? ClassifierTraining::defaultCandidates(training.method, base)
                              : std::vector<LearnerParams>{base};
    training.folds = o.value(QStringLiteral("folds")).toInt();
    ProbabilityCalibrator::parseMethod(o.value(QStringLiteral("calibration")).toString(), &training.calibration);
    training.seed = static_cast<quint64>(o.value(QStringLiteral("seed")).toInteger());

    const int k = static_cast<int>(classes.size());
    const int learners = k == 2 ? 1 : k;
    QJsonArray validation;
    std::vector<std::vector<double>> oof;
    for (int l = 0; l < learners; ++l) {
        if (JobControl::cancelled(job))
            return makeError(source, QStringLiteral("training cancelled"));
        const QString positive = classes[k == 2 ? 1 : l];
        std::vector<int> y(static_cast<size_t>(n));
        for (int r = 0; r < n; ++r)
            y[size_t(r)] = table.labels[r] == positive ? 1 : 0;
        JobControl::report(job, l, learners, QStringLiteral("Training %1").arg(positive));
        auto c = CalibratedClassifier::train(z, y, groups, training, job);
        if (!c)
            return makeError(source, QStringLiteral("class %1: %2").arg(positive, c.error().message));
        validation.append(c->validation());
        oof.push_back(c->outOfFoldProbabilities());
        m.m_classifiers.push_back(std::move(c).value());
    }
    // Out-of-fold class probabilities, normalised the way predict() does.
    m.m_outOfFold = FeatureMatrix(n, k);
    for (int r = 0; r < n; ++r) {
        if (k == 2) {
            const double p = oof[0][size_t(r)];
            m.m_outOfFold.at(r, 0) = 1.0 - p;
            m.m_outOfFold.at(r, 1) = p;
        } else {
            double s = 0.0;
            for (int c = 0; c < k; ++c)
                s += std::isfinite(oof[size_t(c)][size_t(r)]) ? oof[size_t(c)][size_t(r)] : 0.0;
            for (int c = 0; c < k; ++c)
                m.m_outOfFold.at(r, c) = s > 0.0 && std::isfinite(oof[size_t(c)][size_t(r)]) ? oof[size_t(c)][size_t(r)] / s
                                                                                         : std::nan("");
        }
    }
    int correct = 0, scored = 0;
    std::map<QString, std::pair<int, int>> perClass;  // correct, total
    for (int r = 0; r < n; ++r) {
        int best = -1;
        for (int c = 0; c < k; ++c)
            if (std::isfinite(m.m_outOfFold.at(r, c)) && (best < 0 || m.m_outOfFold.at(r, c) > m.m_outOfFold.at(r, best)))
                best = c;
        if (best < 0)
            continue;
        ++scored;
        const bool ok = classes[best] == table.labels[r];
        correct += ok;
        perClass[table.labels[r]].first += ok;
        ++perClass[table.labels[r]].second;
    }
    double balanced = 0.0;
    for (const auto &[label, counts] : perClass)
        balanced += counts.second ? double(counts.first) / counts.second : 0.0;
    m.m_metrics = QJsonObject{
        {QStringLiteral("rows"), n},
        {QStringLiteral("outOfFoldRows"), scored},
        {QStringLiteral("outOfFoldAccuracy"), scored ? double(correct) / scored : 0.0},
        {QStringLiteral("outOfFoldBalancedAccuracy"), perClass.empty() ? 0.0 : balanced / double(perClass.size())},
        {QStringLiteral("validation"), validation},
    };
    return m;
}

QString FeatureClassifierModel::description() const
{
    return QStringLiteral("%1 on %2 features (%3)")
        .arg(m_options.value(QStringLiteral("method")).toString())
        .arg(m_columns.size())
        .arg(m_classes.join(QStringLiteral(", ")));
}

std::vector<double> FeatureClassifierModel::probabilities(const double *row) const
{
    const size_t d = m_mean.size();
    std::vector<double> z(d);
    for (size_t c = 0; c < d; ++c)
        z[c] = (row[c] - m_mean[c]) * m_scale[c];
    const size_t k = size_t(m_classes.size());
    std::vector<double> p(k, 0.0);
    if (k == 2) {
        p[1] = m_classifiers[0].probability(z.data());
        p[0] = 1.0 - p[1];
        return p;
    }
    double s = 0.0;
    for (size_t c = 0; c < k; ++c)
        s += p[c] = m_classifiers[c].probability(z.data());
    for (double &x : p)
        x = s > 0.0 ? x / s : 1.0 / double(k);
    return p;
}

QString FeatureClassifierModel::domainProblem(const double *row) const
{
    QString worst;
    double worstExcess = 0.0;
    for (size_t c = 0; c < m_min.size(); ++c) {
        const double range = std::max(m_max[c] - m_min[c], 1e-12);
        const double excess = std::max(m_min[c] - row[c], row[c] - m_max[c]) / range;
        if (!std::isfinite(row[c]))
            return QStringLiteral("feature '%1' is not a finite number").arg(m_columns[int(c)]);
        if (excess > m_margin && excess > worstExcess) {
            worstExcess = excess;
            worst = QStringLiteral("feature '%1' = %2 is outside the training range %3..%4")
                        .arg(m_columns[int(c)]).arg(row[c]).arg(m_min[c]).arg(m_max[c]);
        }
    }
    return worst;
}

Result<std::vector<ModelPrediction>> FeatureClassifierModel::predict(const ModelInput &input, const JobControl *job) const
{
    const auto *table = dynamic_cast<const FeatureTable *>(&input);
    if (!table)
        return makeError(description(), QStringLiteral("predicts feature tables, not %1").arg(input.inputKind()));
    // Columns by name, in the model's order; missing ones refused by name.
    std::vector<int> index;
    QStringList missing;
    for (const QString &c : m_columns) {
        const qsizetype i = table->columns.indexOf(c);
        if (i < 0)
            missing << c;
        index.push_back(int(i));
    }
    if (!missing.isEmpty())
        return makeError(QStringLiteral("feature table"), QStringLiteral("lacks the column(s) the model was trained on: %1")
                                                              .arg(missing.join(QStringLiteral(", "))));
    std::vector<ModelPrediction> out(size_t(table->x.rows));
    std::vector<double> row(m_columns.size());
    for (int r = 0; r < table->x.rows; ++r) {
        if (JobControl::cancelled(job))
            return makeError(description(), QStringLiteral("prediction cancelled"));
        for (size_t c = 0; c < index.size(); ++c)
            row[c] = table->x.at(r, index[c]);
        ModelPrediction &p = out[size_t(r)];
        p.item = table->itemName(r);
        p.domainNote = domainProblem(row.data());
        p.outOfDomain = !p.domainNote.isEmpty();
        if (p.outOfDomain) {
            p.decision = QStringLiteral("unknown");
            for (const QString &c : m_classes)
                p.findings.push_back({c, std::nan(""), false});
            continue;
        }
        const std::vector<double> prob = probabilities(row.data());
        for (int c = 0; c < m_classes.size(); ++c)
            p.findings.push_back({m_classes[c], prob[size_t(c)], prob[size_t(c)] >= m_threshold});
        const ModelFinding *best = p.best();
        p.decision = best && best->reported ? best->label : QStringLiteral("uncertain");
    }
    return out;
}

Status FeatureClassifierModel::save(const QString &path) const
{
    ModelDocument doc;
    doc.header.kind = kind();
    doc.header.method = m_options.value(QStringLiteral("method")).toString();
    doc.header.parameters = m_options;
    doc.header.labels = m_classes;
    doc.header.metrics = m_metrics;
    doc.header.features = QJsonObject{{QStringLiteral("columns"), QJsonArray::fromStringList(m_columns)},
                                      {QStringLiteral("mean"), toArray(m_mean)},
                                      {QStringLiteral("scale"), toArray(m_scale)},
                                      {QStringLiteral("min"), toArray(m_min)},
                                      {QStringLiteral("max"), toArray(m_max)}};
    QJsonArray classifiers;
    for (const CalibratedClassifier &c : m_classifiers)
        classifiers.append(c.toJson());
    doc.payload = QJsonObject{{QStringLiteral("classifiers"), classifiers}};
    return ModelFile::save(path, doc);
}

Result<FeatureClassifierModel> FeatureClassifierModel::load(const QString &path)
{
    auto doc = ModelFile::load(path, QString::fromLatin1(Kind));
    if (!doc)
        return doc.error();
    const ModelHeader &h = doc->header;
    auto options = parameterTable().validate(h.parameters, path);
    if (!options)
        return options.error();
    FeatureClassifierModel m;
    m.m_options = options.value();
    m.m_threshold = m.m_options.value(QStringLiteral("threshold")).toDouble();
    m.m_margin = m.m_options.value(QStringLiteral("domain-margin")).toDouble();
    m.m_classes = h.labels;
    m.m_metrics = h.metrics;
    for (const QJsonValue &v : h.features.value(QStringLiteral("columns")).toArray())
        m.m_columns << v.toString();
    m.m_mean = fromArray(h.features.value(QStringLiteral("mean")));
    m.m_scale = fromArray(h.features.value(QStringLiteral("scale")));
    m.m_min = fromArray(h.features.value(QStringLiteral("min")));
    m.m_max = fromArray(h.features.value(QStringLiteral("max")));
    const size_t d = size_t(m.m_columns.size());
    if (m.m_classes.size() < 2)
        return makeError(path, QStringLiteral("field 'labels' needs at least two classes"));
    for (const auto &[name, v] : {std::pair{"mean", &m.m_mean}, {"scale", &m.m_scale}, {"min", &m.m_min}, {"max", &m.m_max}})
        if (v->size() != d || !allFinite(*v))
            return makeError(path, QStringLiteral("field 'features.%1' must hold %2 finite numbers").arg(QLatin1String(name)).arg(d));
    const QJsonArray classifiers = doc->payload.value(QStringLiteral("classifiers")).toArray();
    const qsizetype expected = m.m_classes.size() == 2 ? 1 : m.m_classes.size();
    if (classifiers.size() != expected)
        return makeError(path, QStringLiteral("field 'payload.classifiers' holds %1 learners, %2 expected")
                                   .arg(classifiers.size()).arg(expected));
    for (const QJsonValue &v : classifiers) {
        auto c = CalibratedClassifier::fromJson(v.toObject(), int(d), path);
        if (!c)
            return c.error();
        m.m_classifiers.push_back(std::move(c).value());
    }
    return m;
}

} // namespace photopeak
