// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/BinaryLearner.h"

#include "util/JsonNumbers.h"

#include <dlib/optimization.h>
#include <dlib/random_forest.h>
#include <dlib/svm.h>

#include <QByteArray>

#include <cmath>
#include <sstream>

namespace photopeak {

using Sample = dlib::matrix<double, 0, 1>;
using RbfKernel = dlib::radial_basis_kernel<Sample>;
using Forest = dlib::random_forest_regression_function<dlib::dense_feature_extractor>;

struct BinaryLearner::Impl {
    dlib::decision_function<RbfKernel> rbf;
    Forest forest;
    std::vector<double> weights;  // linear and logistic: w then bias as last value
};

namespace {
Sample toSample(const double *x, int dim)
{
    Sample s(dim);
    for (int i = 0; i < dim; ++i)
        s(i) = x[i];
    return s;
}

template <typename T>
QString serializeToBase64(const T &object)
{
    std::ostringstream out;
    using dlib::serialize;
    serialize(object, out);  // unqualified: dlib's forest serialises through a hidden friend (ADL)
    const std::string bytes = out.str();
    return QString::fromLatin1(QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())).toBase64());
}

template <typename T>
bool deserializeFromBase64(const QString &text, T &object)
{
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    std::istringstream in(std::string(bytes.constData(), static_cast<size_t>(bytes.size())));
    try {
        using dlib::deserialize;
        deserialize(object, in);
    } catch (const std::exception &) {
        return false;
    }
    return true;
}

// L2-regularised, class-weighted logistic regression by L-BFGS (dlib::find_min).
std::vector<double> trainLogistic(const FeatureMatrix &x, const std::vector<int> &labels, const std::vector<int> &rows,
                                  double lambda, bool balanced)
{
    const int dim = x.cols;
    double nPos = 0, nNeg = 0;
    for (int r : rows)
        (labels[static_cast<size_t>(r)] ? nPos : nNeg) += 1.0;
    const double wPos = balanced && nPos > 0 ? 0.5 * rows.size() / nPos : 1.0;
    const double wNeg = balanced && nNeg > 0 ? 0.5 * rows.size() / nNeg : 1.0;
    const double norm = 1.0 / double(rows.size());
    auto loss = [&](const Sample &w) {
        double f = 0.0;
        for (int r : rows) {
            const double *xi = x.row(r);
            double z = w(dim);
            for (int j = 0; j < dim; ++j)
                z += w(j) * xi[j];
            const double y = labels[static_cast<size_t>(r)] ? 1.0 : -1.0;
            const double m = -y * z;
            f += (y > 0 ? wPos : wNeg) * (m > 0 ? m + std::log1p(std::exp(-m)) : std::log1p(std::exp(m)));
        }
        double reg = 0.0;
        for (int j = 0; j < dim; ++j)
            reg += w(j) * w(j);
        return f * norm + 0.5 * lambda * reg;
    };
    auto gradient = [&](const Sample &w) {
        Sample g(dim + 1);
        g = 0;
        for (int r : rows) {
            const double *xi = x.row(r);
            double z = w(dim);
            for (int j = 0; j < dim; ++j)
                z += w(j) * xi[j];
            const double y = labels[static_cast<size_t>(r)] ? 1.0 : -1.0;
            const double s = -y / (1.0 + std::exp(y * z)) * (y > 0 ? wPos : wNeg) * norm;
            for (int j = 0; j < dim; ++j)
                g(j) += s * xi[j];
            g(dim) += s;
        }
        for (int j = 0; j < dim; ++j)
            g(j) += lambda * w(j);
        return g;
    };
    Sample w(dim + 1);
    w = 0;
    dlib::find_min(dlib::lbfgs_search_strategy(10), dlib::objective_delta_stop_strategy(1e-10, 1000), loss, gradient,
                   w, -1e300);
    return std::vector<double>(w.begin(), w.end());
}
} // namespace

QJsonObject LearnerParams::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("c")] = c;
    o[QStringLiteral("gamma")] = gamma;
    o[QStringLiteral("trees")] = trees;
    o[QStringLiteral("minLeaf")] = minLeaf;
    o[QStringLiteral("lambda")] = lambda;
    o[QStringLiteral("balanced")] = balanced;
    o[QStringLiteral("seed")] = seed;
    return o;
}

LearnerParams LearnerParams::fromJson(const QJsonObject &o)
{
    LearnerParams p;
    p.c = o.value(QStringLiteral("c")).toDouble(p.c);
    p.gamma = o.value(QStringLiteral("gamma")).toDouble(p.gamma);
    p.trees = o.value(QStringLiteral("trees")).toInt(p.trees);
    p.minLeaf = o.value(QStringLiteral("minLeaf")).toInt(p.minLeaf);
    p.lambda = o.value(QStringLiteral("lambda")).toDouble(p.lambda);
    p.balanced = o.value(QStringLiteral("balanced")).toBool(p.balanced);
    p.seed = o.value(QStringLiteral("seed")).toString(p.seed);
    return p;
}

QString LearnerParams::describe(LearnerMethod m) const
{
    switch (m) {
    case LearnerMethod::RbfSvm: return QStringLiteral("C=%1 gamma=%2").arg(c).arg(gamma);
    case LearnerMethod::LinearSvm: return QStringLiteral("C=%1").arg(c);
    case LearnerMethod::RandomForest: return QStringLiteral("trees=%1 min-leaf=%2").arg(trees).arg(minLeaf);
    case LearnerMethod::Logistic: return QStringLiteral("lambda=%1").arg(lambda);
    }
    return {};
}

QString BinaryLearner::methodName(LearnerMethod m)
{
    switch (m) {
    case LearnerMethod::RbfSvm: return QStringLiteral("rbf-svm");
    case LearnerMethod::LinearSvm: return QStringLiteral("linear-svm");
    case LearnerMethod::RandomForest: return QStringLiteral("random-forest");
    case LearnerMethod::Logistic: return QStringLiteral("logistic");
    }
    return {};
}

QString BinaryLearner::methodTitle(LearnerMethod m)
{
    switch (m) {
    case LearnerMethod::RbfSvm: return QStringLiteral("RBF support vector machine");
    case LearnerMethod::LinearSvm: return QStringLiteral("linear support vector machine");
    case LearnerMethod::RandomForest: return QStringLiteral("random forest (dlib regression forest on +-1 targets)");
    case LearnerMethod::Logistic: return QStringLiteral("logistic regression (L-BFGS)");
    }
    return {};
}

bool BinaryLearner::parseMethod(const QString &name, LearnerMethod *out)
{
    const QString n = name.trimmed().toLower();
    // The old tool's names map onto the closest learner here.
    if (n == QLatin1String("rbf-svm") || n == QLatin1String("svm") || n == QLatin1String("mlsvm"))
        *out = LearnerMethod::RbfSvm;
    else if (n == QLatin1String("linear-svm") || n == QLatin1String("linsvm"))
        *out = LearnerMethod::LinearSvm;
    else if (n == QLatin1String("random-forest") || n == QLatin1String("rf") || n == QLatin1String("mlrf")
             || n == QLatin1String("mldt"))
        *out = LearnerMethod::RandomForest;
    else if (n == QLatin1String("logistic") || n == QLatin1String("lr") || n == QLatin1String("mllgr"))
        *out = LearnerMethod::Logistic;
    else
        return false;
    return true;
}

Result<BinaryLearner> BinaryLearner::train(LearnerMethod method, const LearnerParams &params, const FeatureMatrix &x,
                                           const std::vector<int> &labels, const std::vector<int> &rowsIn)
{
    std::vector<int> rows = rowsIn;
    if (rows.empty()) {
        rows.resize(static_cast<size_t>(x.rows));
        for (int i = 0; i < x.rows; ++i)
            rows[static_cast<size_t>(i)] = i;
    }
    int nPos = 0;
    for (int r : rows)
        nPos += labels[static_cast<size_t>(r)] ? 1 : 0;
    const int nNeg = static_cast<int>(rows.size()) - nPos;
    if (nPos == 0 || nNeg == 0)
        return makeError(QStringLiteral("training set"),
                         QStringLiteral("a binary learner needs both classes (%1 positive, %2 negative)").arg(nPos).arg(nNeg));
    BinaryLearner out;
    out.m_method = method;
    out.m_params = params;
    out.m_dim = x.cols;
    auto impl = std::make_shared<Impl>();
    const double n = double(rows.size());
    try {
        if (method == LearnerMethod::RbfSvm || method == LearnerMethod::LinearSvm) {
            std::vector<Sample> samples;
            std::vector<double> y;
            samples.reserve(rows.size());
            for (int r : rows) {
                samples.push_back(toSample(x.row(r), x.cols));
                y.push_back(labels[static_cast<size_t>(r)] ? 1.0 : -1.0);
            }
            const double cPos = params.balanced ? params.c * n / (2.0 * nPos) : params.c;
            const double cNeg = params.balanced ? params.c * n / (2.0 * nNeg) : params.c;
            if (method == LearnerMethod::RbfSvm) {
                const double gamma = params.gamma > 0.0 ? params.gamma : 1.0 / x.cols;
                out.m_params.gamma = gamma;
                dlib::svm_c_trainer<RbfKernel> trainer;
                trainer.set_kernel(RbfKernel(gamma));
                trainer.set_c_class1(cPos);
                trainer.set_c_class2(cNeg);
                trainer.set_cache_size(400);
                impl->rbf = trainer.train(samples, y);
            } else {
                dlib::svm_c_linear_dcd_trainer<dlib::linear_kernel<Sample>> trainer;
                trainer.set_c_class1(cPos);
                trainer.set_c_class2(cNeg);
                // Squared hinge (L2-loss, as sklearn's LinearSVC): the dual converges in tens of passes where the hinge
                // needed thousands on a million non-separable rows.
                trainer.solve_svm_l2_problem(true);
                trainer.set_max_iterations(5000);
                const auto df = trainer.train(samples, y);
                const Sample w = df.basis_vectors(0);
                impl->weights.assign(w.begin(), w.end());
                impl->weights.push_back(-df.b);
            }
        } else if (method == LearnerMethod::RandomForest) {
            std::vector<Sample> samples;
            std::vector<double> y;
            for (int r : rows) {
                samples.push_back(toSample(x.row(r), x.cols));
                y.push_back(labels[static_cast<size_t>(r)] ? 1.0 : -1.0);
            }
            dlib::random_forest_regression_trainer<dlib::dense_feature_extractor> trainer;
            trainer.set_num_trees(static_cast<size_t>(std::max(1, params.trees)));
            trainer.set_min_samples_per_leaf(static_cast<size_t>(std::max(1, params.minLeaf)));
            trainer.set_seed(params.seed.toStdString());
            impl->forest = trainer.train(samples, y);
        } else {
            impl->weights = trainLogistic(x, labels, rows, params.lambda, params.balanced);
        }
    } catch (const std::exception &e) {
        return makeError(QStringLiteral("training set"),
                         QStringLiteral("%1 training failed: %2").arg(methodName(method), QString::fromLocal8Bit(e.what())));
    }
    out.m_impl = std::move(impl);
    return out;
}

double BinaryLearner::decision(const double *x) const
{
    switch (m_method) {
    case LearnerMethod::RbfSvm: return m_impl->rbf(toSample(x, m_dim));
    case LearnerMethod::RandomForest: return m_impl->forest(toSample(x, m_dim));
    case LearnerMethod::LinearSvm:
    case LearnerMethod::Logistic: {
        const std::vector<double> &w = m_impl->weights;
        double z = w[static_cast<size_t>(m_dim)];
        for (int j = 0; j < m_dim; ++j)
            z += w[static_cast<size_t>(j)] * x[j];
        return z;
    }
    }
    return 0.0;
}

QJsonObject BinaryLearner::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("method")] = methodName(m_method);
    o[QStringLiteral("params")] = m_params.toJson();
    o[QStringLiteral("dimension")] = m_dim;
    switch (m_method) {
    case LearnerMethod::RbfSvm: o[QStringLiteral("dlib")] = serializeToBase64(m_impl->rbf); break;
    case LearnerMethod::RandomForest: o[QStringLiteral("dlib")] = serializeToBase64(m_impl->forest); break;
    case LearnerMethod::LinearSvm:
    case LearnerMethod::Logistic: o[QStringLiteral("weights")] = JsonNumbers::encodeDoubles(m_impl->weights); break;
    }
    return o;
}

Result<BinaryLearner> BinaryLearner::fromJson(const QJsonObject &o, const QString &source)
{
    BinaryLearner out;
    if (!parseMethod(o.value(QStringLiteral("method")).toString(), &out.m_method))
        return makeError(source, QStringLiteral("unknown learner \"%1\" (this build knows rbf-svm, linear-svm, "
                                                "random-forest, logistic)")
                                     .arg(o.value(QStringLiteral("method")).toString()));
    out.m_params = LearnerParams::fromJson(o.value(QStringLiteral("params")).toObject());
    out.m_dim = o.value(QStringLiteral("dimension")).toInt(0);
    if (out.m_dim <= 0)
        return makeError(source, QStringLiteral("learner has no feature dimension"));
    auto impl = std::make_shared<Impl>();
    bool ok = true;
    switch (out.m_method) {
    case LearnerMethod::RbfSvm:
        ok = deserializeFromBase64(o.value(QStringLiteral("dlib")).toString(), impl->rbf)
            && impl->rbf.basis_vectors.size() > 0 && impl->rbf.basis_vectors(0).size() == out.m_dim
            && std::isfinite(impl->rbf.b) && dlib::is_finite(impl->rbf.alpha) && std::isfinite(impl->rbf.kernel_function.gamma);
        for (long i = 0; ok && i < impl->rbf.basis_vectors.size(); ++i)
            ok = dlib::is_finite(impl->rbf.basis_vectors(i));
        break;
    case LearnerMethod::RandomForest:
        ok = deserializeFromBase64(o.value(QStringLiteral("dlib")).toString(), impl->forest)
            && impl->forest.get_num_trees() > 0;
        break;
    case LearnerMethod::LinearSvm:
    case LearnerMethod::Logistic:
    {
        auto weights = JsonNumbers::readDoubles(o, QStringLiteral("weights"), source);
        if (!weights)
            return weights.error();
        impl->weights = std::move(weights).value();
        ok = static_cast<int>(impl->weights.size()) == out.m_dim + 1;
        break;
    }
    }
    if (!ok)
        return makeError(source, QStringLiteral("%1 parameters are damaged or do not match %2 features")
                                     .arg(methodName(out.m_method)).arg(out.m_dim));
    out.m_impl = std::move(impl);
    return out;
}

} // namespace photopeak
