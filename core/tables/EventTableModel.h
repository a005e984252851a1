// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/ModelRegistry.h"
#include "tables/EventClassifier.h"

namespace photopeak {

// The event classifier as a model of the model layer: kind "event-table", loaded by ModelRegistry::load,
// predicting feature tables whose columns include the model's features (matched by name). It is trained by
// its own pipeline (EventTraining: labels, joins, balancing come from the table file), not by the registry.
class EventTableModel final : public Model {
public:
    static ModelKind modelKind();
    explicit EventTableModel(EventClassifier classifier) : m_classifier(std::move(classifier)) {}

    QString kind() const override { return QString::fromLatin1(EventClassifier::Kind); }
    QString description() const override { return m_classifier.describe(); }
    QStringList labels() const override;
    QJsonObject options() const override { return m_classifier.parameters(); }
    QJsonObject metrics() const override { return m_classifier.metrics(); }
    Result<std::vector<ModelPrediction>> predict(const ModelInput &input, const JobControl *job = nullptr) const override;
    Status save(const QString &path) const override { return m_classifier.save(path); }
    const EventClassifier &classifier() const { return m_classifier; }

private:
    EventClassifier m_classifier;
};

} // namespace photopeak
