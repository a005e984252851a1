// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "modelviews/LatentExample.h"

#include "ml/latent/LatentAnalyser.h"
#include "spectrum/Rebinner.h"
#include "spectrum/Spectrum.h"

#include <cmath>

namespace photopeak::ui {

LatentExample LatentExample::analyse(LatentAnalyser &analyser, const Spectrum &spectrum, const QString &name)
{
    const LatentModel &model = analyser.model();
    LatentExample e;
    e.name = name;
    if (!model.isValid() || spectrum.counts.empty() || !spectrum.calibration.isValid(spectrum.channelCount()))
        return e;
    Rebinner rebinner(model.grid());
    e.counts = rebinner.rebin(spectrum);
    const LatentResult r = analyser.analyse(e.counts);
    e.components = model.components();
    e.edgesKeV = model.grid().edges();
    e.minChannel = model.minChannel();
    e.denoised = analyser.denoised();
    e.loadings = analyser.fittedModel().loadings();
    e.scores = r.scores;
    e.shares = r.shares;
    e.cosine = r.cosine;
    e.similarity = r.similarity;
    e.explainedVariance = r.explainedVariance;
    e.predictedKey = r.predictedKey();
    return e;
}

std::vector<double> loadingsSimilarity(const LatentModel &model)
{
    const int K = model.componentCount(), n = model.channelCount(), c0 = model.minChannel();
    std::vector<double> s(size_t(K) * size_t(K), 0.0);
    for (int a = 0; a < K; ++a)
        for (int b = 0; b < K; ++b) {
            const double *la = model.loading(a), *lb = model.loading(b);
            double ab = 0.0, aa = 0.0, bb = 0.0;
            for (int i = c0; i < n; ++i) {
                ab += la[i] * lb[i];
                aa += la[i] * la[i];
                bb += lb[i] * lb[i];
            }
            s[size_t(a) * K + b] = aa > 0.0 && bb > 0.0 ? ab / std::sqrt(aa * bb) : 0.0;
        }
    return s;
}

} // namespace photopeak::ui
