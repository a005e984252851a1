// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventTableModel.h"

#include "model/FeatureTable.h"

#include <cmath>

namespace photopeak {

ModelKind EventTableModel::modelKind()
{
    ModelKind k;
    k.kind = QString::fromLatin1(EventClassifier::Kind);
    k.title = QStringLiteral("Event-table classifier (track vs shower; trained by photopeak-cli tables train)");
    k.inputKind = QString::fromLatin1(FeatureTable::Kind);
    k.load = [](const QString &path) -> Result<std::unique_ptr<Model>> {
        auto m = EventClassifier::load(path);
        if (!m)
            return m.error();
        return std::unique_ptr<Model>(std::make_unique<EventTableModel>(std::move(m).value()));
    };
    return k;
}

QStringList EventTableModel::labels() const
{
    return {m_classifier.definition().negativeName, m_classifier.definition().positiveName};
}

Result<std::vector<ModelPrediction>> EventTableModel::predict(const ModelInput &input, const JobControl *) const
{
    const auto *table = dynamic_cast<const FeatureTable *>(&input);
    if (!table)
        return makeError(kind(), QStringLiteral("needs a feature table, got %1 input").arg(input.inputKind()));
    EventTable events;
    for (int c = 0; c < table->x.cols && c < table->columns.size(); ++c) {
        std::vector<double> v(static_cast<size_t>(table->x.rows));
        for (int r = 0; r < table->x.rows; ++r)
            v[static_cast<size_t>(r)] = table->x.at(r, c);
        events.addColumn(ColumnInfo(table->columns[c], ColumnType::Float), std::move(v));
    }
    auto p = m_classifier.predict(events, QStringLiteral("feature table"));
    if (!p)
        return p.error();
    std::vector<ModelPrediction> out;
    const QStringList names = labels();
    for (int r = 0; r < table->x.rows; ++r) {
        const double prob = (*p)[static_cast<size_t>(r)];
        ModelPrediction pred;
        pred.item = table->itemName(r);
        if (std::isnan(prob)) {
            pred.outOfDomain = true;
            pred.decision = QStringLiteral("unknown");
            pred.domainNote = QStringLiteral("a feature value is missing");
        } else {
            const bool positive = prob >= m_classifier.threshold();
            pred.findings = {{names[0], 1.0 - prob, !positive}, {names[1], prob, positive}};
            pred.decision = positive ? names[1] : names[0];
        }
        out.push_back(std::move(pred));
    }
    return out;
}

} // namespace photopeak
