// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// The model the live benchmarks analyse with: a classifier file given on the command line, or a small one
// trained on the shipped demo spectra (resources/demo/xgd), as the tests do.

#include "analysis/SpectrumAnalyzer.h"
#include "ml/SpectrumClassifierModel.h"
#include "model/ModelRegistry.h"
#include "spectrum/LabelParser.h"
#include "library/SpectrumDataset.h"
#include "ml/PreparedSet.h"
#include "ml/SpectrumClassifier.h"

#include <QDir>
#include <QTextStream>

#include <memory>

namespace photopeak::bench {

inline std::shared_ptr<const SpectrumAnalyzer> demoAnalyzer(const QString &modelPath, QTextStream &out)
{
    if (!modelPath.isEmpty()) {
        // Any spectrum model file, through the one loader.
        auto m = ModelRegistry::instance().load(modelPath);
        auto analyzer = m ? SpectrumAnalyzer::compose({std::shared_ptr<const Model>(std::move(m).value())}, {})
                          : Result<SpectrumAnalyzer>(m.error());
        if (!analyzer) {
            out << analyzer.error().toString() << "\n";
            return nullptr;
        }
        return std::make_shared<const SpectrumAnalyzer>(std::move(analyzer).value());
    }
    // The shipped demo spectra, a small classifier (as the tests).
    const QDir demo(QStringLiteral(PHOTOPEAK_BENCH_DIR "/../../resources/demo/xgd"));
    auto srcs = SpectrumDataset::openFolder(demo.filePath(QStringLiteral("srcs")));
    auto bkgs = SpectrumDataset::openFolder(demo.filePath(QStringLiteral("bkgs")));
    if (!srcs || !bkgs)
        return nullptr;
    for (DatasetEntry &e : bkgs->entries())
        if (e.spectrum.labels.isEmpty())
            e.spectrum.labels = QStringList{LabelParser::backgroundLabel()};
    std::vector<SpectrumDataset> sets;
    sets.push_back(*srcs);
    sets.push_back(*bkgs);
    ClassifierOptions o;
    o.synthetic.singles = o.synthetic.mixtures = o.synthetic.backgrounds = 150;
    o.searchHyperParameters = false;
    o.folds = 3;
    auto model = SpectrumClassifier::train(PreparedSet::fromDatasets(std::move(sets), EnergyGrid::xgdDefault()), o);
    if (!model)
        return nullptr;
    SpectrumAnalyzer::Models models{std::make_shared<const SpectrumClassifierModel>(
        std::make_shared<const SpectrumClassifier>(std::move(model.value())))};
    return std::make_shared<const SpectrumAnalyzer>(std::move(models));
}

} // namespace photopeak::bench
