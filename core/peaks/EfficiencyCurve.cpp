// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/EfficiencyCurve.h"

#include "io/AtomicFile.h"
#include "io/JsonChecksum.h"

#include <Eigen/Dense>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <set>

namespace photopeak {

namespace {
constexpr double kPivotKeV = 500.0;
constexpr int kFormatVersion = 1;
}

double EfficiencyCurve::x(double e) const
{
    return std::log(std::max(e, 1e-3) / kPivotKeV);
}

Result<EfficiencyCurve> EfficiencyCurve::fit(const std::vector<Point> &points, int degree, double referenceDistanceCm)
{
    const QString src = QStringLiteral("efficiency fit");
    std::vector<Point> use;
    std::set<long> energies;
    for (const auto &p : points)
        if (p.energyKeV > 0.0 && p.efficiency > 0.0 && std::isfinite(p.efficiency) && p.efficiencyUnc >= 0.0) {
            use.push_back(p);
            energies.insert(std::lround(p.energyKeV));
        }
    if (use.empty())
        return makeError(src, QStringLiteral("no usable efficiency point (positive efficiency needed)"));
    degree = std::clamp(std::min<int>(degree, static_cast<int>(energies.size()) - 1), 0, 5);
    const int n = static_cast<int>(use.size()), k = degree + 1;
    EfficiencyCurve c;
    c.m_refDistance = referenceDistanceCm;
    Eigen::MatrixXd A(n, k);
    Eigen::VectorXd b(n);
    for (int i = 0; i < n; ++i) {
        const double rel = std::max(use[i].efficiencyUnc / use[i].efficiency, 0.005);
        const double w = 1.0 / rel;
        double t = 1.0;
        for (int j = 0; j < k; ++j) {
            A(i, j) = t * w;
            t *= c.x(use[i].energyKeV);
        }
        b(i) = std::log(use[i].efficiency) * w;
    }
    const Eigen::MatrixXd H = A.transpose() * A;
    const Eigen::VectorXd p = H.ldlt().solve(A.transpose() * b);
    const double chi2 = (A * p - b).squaredNorm();
    const int ndf = n - k;
    c.m_chi2ndf = ndf > 0 ? chi2 / ndf : 0.0;
    Eigen::MatrixXd cov = H.inverse() * std::max(1.0, c.m_chi2ndf);
    c.m_p.assign(p.data(), p.data() + k);
    c.m_cov.resize(k * k);
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j)
            c.m_cov[i * k + j] = cov(i, j);
    c.m_emin = 1e300;
    c.m_emax = 0.0;
    for (const auto &q : use) {
        c.m_emin = std::min(c.m_emin, q.energyKeV);
        c.m_emax = std::max(c.m_emax, q.energyKeV);
    }
    c.m_points = use;
    return c;
}

std::vector<double> EfficiencyCurve::gradient(double e) const
{
    // Linear extrapolation in log-log outside the range: use the value and slope at the nearest end.
    const double ec = std::clamp(e, m_emin, m_emax);
    std::vector<double> g(m_p.size());
    const double xc = x(ec), dx = x(e) - xc;
    double t = 1.0, dt = 0.0;
    for (size_t j = 0; j < m_p.size(); ++j) {
        g[j] = t + dx * dt;
        dt = (j + 1) * t;           // derivative of xc^(j+1) = (j+1) xc^j
        t *= xc;
    }
    return g;
}

double EfficiencyCurve::efficiency(double e) const
{
    if (m_p.empty())
        return 0.0;
    const std::vector<double> g = gradient(e);
    double v = 0.0;
    for (size_t j = 0; j < m_p.size(); ++j)
        v += m_p[j] * g[j];
    return std::exp(v);
}

double EfficiencyCurve::relativeUncertainty(double e) const
{
    const std::vector<double> g = gradient(e);
    const size_t k = g.size();
    double v = 0.0;
    for (size_t i = 0; i < k; ++i)
        for (size_t j = 0; j < k; ++j)
            v += g[i] * m_cov[i * k + j] * g[j];
    return std::sqrt(std::max(v, 0.0));
}

QByteArray EfficiencyCurve::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("photopeak-efficiency");
    o[QStringLiteral("formatVersion")] = kFormatVersion;
    o[QStringLiteral("appVersion")] = QStringLiteral(PHOTOPEAK_VERSION);
    o[QStringLiteral("model")] = QStringLiteral("ln(eff) = sum p_k ln(E/500 keV)^k");
    o[QStringLiteral("detector")] = detector;
    o[QStringLiteral("resolution")] = resolution;
    o[QStringLiteral("referenceDistanceCm")] = m_refDistance;
    o[QStringLiteral("detectorRadiusCm")] = detectorRadiusCm;
    o[QStringLiteral("energyRangeKeV")] = QJsonArray{m_emin, m_emax};
    o[QStringLiteral("reducedChi2")] = m_chi2ndf;
    QJsonArray p, cov, pts;
    for (double v : m_p)
        p.append(v);
    for (double v : m_cov)
        cov.append(v);
    for (const auto &q : m_points)
        pts.append(QJsonObject{{QStringLiteral("energyKeV"), q.energyKeV}, {QStringLiteral("efficiency"), q.efficiency},
                               {QStringLiteral("efficiencyUnc"), q.efficiencyUnc}, {QStringLiteral("label"), q.label}});
    o[QStringLiteral("parameters")] = p;
    o[QStringLiteral("covariance")] = cov;
    o[QStringLiteral("points")] = pts;
    return JsonChecksum::serialize(o);
}

Result<EfficiencyCurve> EfficiencyCurve::fromJson(const QByteArray &json, const QString &source)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (doc.isNull() || !doc.isObject())
        return makeError(source, QStringLiteral("not a JSON object: %1").arg(err.errorString()));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("photopeak-efficiency"))
        return makeError(source, QStringLiteral("not a Photopeak efficiency file (field 'format')"));
    QStringList warnings;
    if (const Status st = JsonChecksum::verify(json, o, source, &warnings); !st)
        return st.error();
    for (const QString &w : warnings)
        qWarning("%s", qPrintable(w));
    if (o.value(QStringLiteral("formatVersion")).toInt() != kFormatVersion)
        return makeError(source, QStringLiteral("unsupported formatVersion %1").arg(o.value(QStringLiteral("formatVersion")).toInt()));
    EfficiencyCurve c;
    // Every number finite and in range before use; the message names the field.
    const auto finite = [](double v, double limit) { return std::isfinite(v) && std::abs(v) <= limit; };
    for (const auto v : o.value(QStringLiteral("parameters")).toArray()) {
        if (!v.isDouble() || !finite(v.toDouble(), 1e6))
            return makeError(source, QStringLiteral("field 'parameters' holds a value that is not a usable number"));
        c.m_p.push_back(v.toDouble());
    }
    for (const auto v : o.value(QStringLiteral("covariance")).toArray()) {
        if (!v.isDouble() || !finite(v.toDouble(), 1e12))
            return makeError(source, QStringLiteral("field 'covariance' holds a value that is not a usable number"));
        c.m_cov.push_back(v.toDouble());
    }
    const size_t k = c.m_p.size();
    if (k == 0 || k > 6 || c.m_cov.size() != k * k)
        return makeError(source, QStringLiteral("'parameters' and 'covariance' do not fit together"));
    const QJsonArray range = o.value(QStringLiteral("energyRangeKeV")).toArray();
    if (range.size() != 2 || !(range[0].toDouble() > 0.0) || !(range[1].toDouble() >= range[0].toDouble())
        || !finite(range[1].toDouble(), 1e7))
        return makeError(source, QStringLiteral("bad 'energyRangeKeV'"));
    c.m_emin = range[0].toDouble();
    c.m_emax = range[1].toDouble();
    c.m_refDistance = o.value(QStringLiteral("referenceDistanceCm")).toDouble();
    c.m_chi2ndf = o.value(QStringLiteral("reducedChi2")).toDouble();
    c.detectorRadiusCm = o.value(QStringLiteral("detectorRadiusCm")).toDouble(7.0);
    if (!finite(c.m_refDistance, 1e6) || c.m_refDistance < 0.0)
        return makeError(source, QStringLiteral("field 'referenceDistanceCm' is not a distance"));
    if (!finite(c.detectorRadiusCm, 1e4) || c.detectorRadiusCm < 0.0)
        return makeError(source, QStringLiteral("field 'detectorRadiusCm' is not a radius"));
    if (!std::isfinite(c.m_chi2ndf))
        return makeError(source, QStringLiteral("field 'reducedChi2' is not a number"));
    c.detector = o.value(QStringLiteral("detector")).toString();
    c.resolution = o.value(QStringLiteral("resolution")).toString();
    for (const auto v : o.value(QStringLiteral("points")).toArray()) {
        const QJsonObject q = v.toObject();
        c.m_points.push_back({q.value(QStringLiteral("energyKeV")).toDouble(), q.value(QStringLiteral("efficiency")).toDouble(),
                              q.value(QStringLiteral("efficiencyUnc")).toDouble(), q.value(QStringLiteral("label")).toString()});
        if (!finite(c.m_points.back().energyKeV, 1e7) || !finite(c.m_points.back().efficiency, 1e6)
            || !finite(c.m_points.back().efficiencyUnc, 1e6))
            return makeError(source, QStringLiteral("field 'points' holds a point that is not usable numbers"));
    }
    return c;
}

Status EfficiencyCurve::save(const QString &path) const
{
    return writeFileAtomically(path, toJson(), OutputKind::efficiency());
}

Result<EfficiencyCurve> EfficiencyCurve::load(const QString &path)
{
    constexpr qint64 maxBytes = 16 * 1024 * 1024;  // real curves are a few KB
    QFile f(path);
    if (f.size() > maxBytes)
        return makeError(path, QStringLiteral("efficiency file is %1 MiB, more than the %2 MiB such a file may have; refusing to read it")
                                   .arg(f.size() / (1024 * 1024)).arg(maxBytes / (1024 * 1024)));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot open: %1").arg(f.errorString()));
    return fromJson(f.read(maxBytes + 1), path);
}

} // namespace photopeak
