// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentParameters.h"

#include "model/ModelFile.h"
#include "util/JsonNumbers.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
const QString kKind = QStringLiteral("latent");
const QString kMethod = QStringLiteral("loadings-nnls");
} // namespace

Result<LatentModel> LatentModel::fromLoadings(QStringList components, EnergyGrid grid, int minChannel,
                                              std::vector<double> loadings)
{
    const QString src = QStringLiteral("latent model");
    const int k = static_cast<int>(components.size()), n = grid.binCount();
    if (k == 0)
        return makeError(src, QStringLiteral("no components"));
    if (k > NnlsSolver::MaxComponents)
        return makeError(src, QStringLiteral("%1 components; at most %2 are supported").arg(k).arg(NnlsSolver::MaxComponents));
    if (components.removeDuplicates() > 0)
        return makeError(src, QStringLiteral("component names must be unique"));
    if (!grid.isValid())
        return makeError(src, QStringLiteral("invalid energy grid"));
    if (minChannel < 0 || minChannel >= n - k)
        return makeError(src, QStringLiteral("min channel %1 leaves too few channels of %2").arg(minChannel).arg(n));
    if (loadings.size() != size_t(k) * size_t(n))
        return makeError(src, QStringLiteral("%1 loading values, expected %2 x %3").arg(loadings.size()).arg(k).arg(n));
    for (double v : loadings)
        if (!std::isfinite(v))
            return makeError(src, QStringLiteral("loadings contain NaN or infinity"));
    LatentModel m;
    m.m_components = std::move(components);
    m.m_grid = std::move(grid);
    m.m_minChannel = minChannel;
    m.m_loadings = std::move(loadings);
    m.m_solver = NnlsSolver(m.m_loadings, k, n, minChannel);
    if (!m.m_solver.isValid())
        return makeError(src, QStringLiteral("cannot set up the NNLS solver"));
    if (!(m.m_solver.conditionEstimate() < 1e12))
        return makeError(src, QStringLiteral("loadings are linearly dependent over channels >= %1").arg(minChannel));
    return m;
}

Result<LatentModel> LatentModel::fromReferenceCsv(const QString &path, int minChannel)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(path, QStringLiteral("cannot open loadings CSV: %1").arg(f.errorString()));
    QTextStream in(&f);
    const QStringList header = in.readLine().split(QLatin1Char(','));
    const int n = static_cast<int>(header.size()) - 1;
    if (n != 256 || header.front() != QLatin1String("isotope"))
        return makeError(path, QStringLiteral("not a GAMMA_FLOW loadings CSV (header 'isotope,ch0..ch255' expected)"));
    QStringList names;
    std::vector<double> values;
    int line = 1;
    while (!in.atEnd()) {
        const QString text = in.readLine();
        ++line;
        if (text.trimmed().isEmpty())
            continue;
        const QStringList cells = text.split(QLatin1Char(','));
        if (cells.size() != n + 1)
            return makeError(path, QStringLiteral("line %1 has %2 cells, expected %3").arg(line).arg(cells.size()).arg(n + 1));
        names << cells.front();
        for (int i = 1; i <= n; ++i) {
            bool ok = false;
            values.push_back(cells[i].toDouble(&ok));
            if (!ok)
                return makeError(path, QStringLiteral("line %1, column %2: not a number").arg(line).arg(i + 1));
        }
    }
    auto r = fromLoadings(names, EnergyGrid::gammaFlowDefault(), minChannel, std::move(values));
    if (!r)
        return makeError(path, r.error().message);
    return r;
}

void LatentModel::denoise(const double *x, double *d) const
{
    const int n = channelCount();
    std::fill(d, d + n, 0.0);
    for (int k = 0; k < componentCount(); ++k) {
        const double *l = loading(k);
        if (x[k] != 0.0)
            for (int i = 0; i < n; ++i)
                d[i] += x[k] * l[i];
    }
}

std::vector<double> LatentModel::denoise(const std::vector<double> &x) const
{
    std::vector<double> d(static_cast<size_t>(channelCount()));
    if (int(x.size()) == componentCount())
        denoise(x.data(), d.data());
    return d;
}

QString LatentModel::domainProblem(const Spectrum &spectrum) const
{
    const int channels = spectrum.channelCount();
    if (channels <= 0 || !spectrum.calibration.isValid(channels))
        return QStringLiteral("no valid energy calibration, so it cannot be put on the latent model's grid");
    const double lo = m_grid.lowEdge(m_minChannel), hi = m_grid.edges().back();
    const double e0 = spectrum.calibration.energyAt(0.0), e1 = spectrum.calibration.energyAt(double(channels));
    const double covered = std::max(0.0, std::min(hi, std::max(e0, e1)) - std::max(lo, std::min(e0, e1)));
    if (covered < 0.9 * (hi - lo))
        return QStringLiteral("the spectrum covers %1-%2 keV, the latent model's grid %3-%4 keV")
            .arg(std::min(e0, e1), 0, 'f', 0).arg(std::max(e0, e1), 0, 'f', 0).arg(lo, 0, 'f', 0).arg(hi, 0, 'f', 0);
    const double width = std::abs(e1 - e0) / channels, bin = (hi - lo) / (channelCount() - m_minChannel);
    // A model trained here records its training spectra's channel widths: spectra binned like those are in its
    // domain whatever the grid (XGD's 1.3 keV channels on an 8.5 keV grid). Models without it: the grid's rule.
    const QJsonObject trained = m_trainingInfo.value(QStringLiteral("channelKeV")).toObject();
    const double trainedMin = trained.value(QStringLiteral("min")).toDouble(), trainedMax = trained.value(QStringLiteral("max")).toDouble();
    if (trainedMin > 0.0 && trainedMax >= trainedMin) {
        if (width < trainedMin / 3.0 || width > trainedMax * 3.0)
            return QStringLiteral("%1 keV per channel, the latent model was trained on %2-%3 keV channels (another detector's binning)")
                .arg(width, 0, 'g', 3).arg(trainedMin, 0, 'g', 3).arg(trainedMax, 0, 'g', 3);
        return {};
    }
    if (width < bin / 3.0 || width > bin * 3.0)
        return QStringLiteral("%1 keV per channel, the latent model's grid has %2 keV bins (another detector's binning)")
            .arg(width, 0, 'g', 3).arg(bin, 0, 'g', 3);
    return {};
}

double LatentModel::explainedVariance(const double *s, const double *d) const
{
    const int n = channelCount(), m = n - m_minChannel;
    double ms = 0.0, mr = 0.0;
    for (int i = m_minChannel; i < n; ++i) {
        ms += s[i];
        mr += s[i] - d[i];
    }
    ms /= m;
    mr /= m;
    double vs = 0.0, vr = 0.0;
    for (int i = m_minChannel; i < n; ++i) {
        vs += (s[i] - ms) * (s[i] - ms);
        const double r = s[i] - d[i] - mr;
        vr += r * r;
    }
    return vs > 0.0 ? 1.0 - vr / vs : 0.0;
}

double LatentModel::similarity(const double *s, const double *d) const
{
    const int n = channelCount();
    double ms = 0.0, md = 0.0;
    for (int i = 0; i < n; ++i) {
        ms += s[i];
        md += d[i];
    }
    ms /= n;
    md /= n;
    double sd = 0.0, ss = 0.0, dd = 0.0;
    for (int i = 0; i < n; ++i) {
        sd += (s[i] - ms) * (d[i] - md);
        ss += (s[i] - ms) * (s[i] - ms);
        dd += (d[i] - md) * (d[i] - md);
    }
    return ss > 0.0 && dd > 0.0 ? sd / std::sqrt(ss) / std::sqrt(dd) : 0.0;
}

double LatentModel::cosine(const double *s, const double *d) const
{
    double sd = 0.0, ss = 0.0, dd = 0.0;
    for (int i = m_minChannel; i < channelCount(); ++i) {
        sd += s[i] * d[i];
        ss += s[i] * s[i];
        dd += d[i] * d[i];
    }
    return ss > 0.0 && dd > 0.0 ? sd / std::sqrt(ss * dd) : 0.0;
}

Status LatentModel::save(const QString &path) const
{
    if (!isValid())
        return makeError(path, QStringLiteral("cannot save an empty latent model"));
    ModelDocument doc;
    ModelHeader &h = doc.header;
    h.kind = kKind;
    h.method = kMethod;
    QJsonObject p;
    p[QStringLiteral("minChannel")] = m_minChannel;
    p[QStringLiteral("options")] = m_options.toJson();
    QJsonObject u;
    u[QStringLiteral("deviancePerDof")] = m_unknown.deviancePerDof;
    u[QStringLiteral("similarity")] = m_unknown.similarity;
    u[QStringLiteral("quantile")] = m_unknown.quantile;
    u[QStringLiteral("lineExcess")] = m_unknown.lineExcess;
    u[QStringLiteral("lineSigma2PerKeV")] = m_unknown.lineSigma2PerKeV;
    p[QStringLiteral("unknownThresholds")] = u;
    h.parameters = p;
    QJsonObject features;
    features[QStringLiteral("input")] = QStringLiteral("counts rebinned count-conserving onto the grid");
    h.features = features;
    h.labels = m_components;
    h.grid = m_grid;
    h.trainingHash = m_trainingHash;
    h.metrics = m_metrics;
    doc.payload[QStringLiteral("loadings")] = JsonNumbers::encodeDoubles(m_loadings);
    doc.payload[QStringLiteral("rows")] = componentCount();
    doc.payload[QStringLiteral("columns")] = channelCount();
    doc.payload[QStringLiteral("training")] = m_trainingInfo;
    return ModelFile::save(path, doc);
}

Result<LatentModel> LatentModel::load(const QString &path)
{
    auto doc = ModelFile::load(path, kKind);
    if (!doc)
        return doc.error();
    const ModelHeader &h = doc->header;
    if (h.method != kMethod)
        return makeError(path, QStringLiteral("latent model method '%1' is not supported (expected %2)").arg(h.method, kMethod));
    const QJsonObject &pl = doc->payload;
    if (pl.value(QStringLiteral("rows")).toInt() != h.labels.size()
        || pl.value(QStringLiteral("columns")).toInt() != h.grid.binCount())
        return makeError(path, QStringLiteral("loadings size does not match the component list and grid"));
    auto l = JsonNumbers::readDoubles(pl, QStringLiteral("loadings"), path, -JsonNumbers::MaxMagnitude, JsonNumbers::MaxMagnitude,
                                    qsizetype(h.labels.size()) * h.grid.binCount());
    if (!l)
        return l.error();
    auto m = fromLoadings(h.labels, h.grid, h.parameters.value(QStringLiteral("minChannel")).toInt(-1), std::move(l).value());
    if (!m)
        return makeError(path, m.error().message);
    // The same keys, types and ranges as `latent train` and the training panel (LatentParameters).
    auto options = LatentParameters::fromModelJson(h.parameters.value(QStringLiteral("options")).toObject(), path);
    if (!options)
        return options.error();
    m->m_options = *options;
    const QJsonObject u = h.parameters.value(QStringLiteral("unknownThresholds")).toObject();
    m->m_unknown.deviancePerDof = u.value(QStringLiteral("deviancePerDof")).toDouble(0.0);
    m->m_unknown.similarity = u.value(QStringLiteral("similarity")).toDouble(-1.0);
    m->m_unknown.quantile = u.value(QStringLiteral("quantile")).toDouble(0.99);
    m->m_unknown.lineExcess = u.value(QStringLiteral("lineExcess")).toDouble(0.0);
    m->m_unknown.lineSigma2PerKeV = u.value(QStringLiteral("lineSigma2PerKeV")).toDouble(0.0);
    m->m_trainingHash = h.trainingHash;
    m->m_metrics = h.metrics;
    m->m_trainingInfo = pl.value(QStringLiteral("training")).toObject();
    return m;
}

} // namespace photopeak
