// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitCollection.h"

#include <QAbstractListModel>
#include <QCache>
#include <QImage>
#include <QStringList>

#include <memory>

namespace photopeak {

// One row per hit of a collection: thumbnail (built on first paint, cached), label, prediction, cluster,
// artefact flags, features. Thumbnails are made only for rows a view paints, so 100,000 hits open instantly.
class HitListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        LabelRole = Qt::UserRole + 1,  // QString, empty = unlabelled
        PredictedRole,                 // QString, empty = not classified
        ProbabilityRole,               // double, probability of the predicted class; -1 none
        ClusterRole,                   // int, -1 none
        FlagsRole,                     // uint (HitFilterOptions bits)
        ImageRole,                     // QImage, the crop at its own size, contrast stretched for display
        MisclassifiedRole,             // bool: labelled and predicted differently
    };

    explicit HitListModel(QObject *parent = nullptr);

    void setCollection(std::shared_ptr<HitCollection> collection, FeatureMatrix features);
    const HitCollection *collection() const { return m_collection.get(); }
    HitCollection *collection() { return m_collection.get(); }
    const FeatureMatrix &features() const { return m_features; }
    // Class probabilities from a classifier (rows x classes); empty matrix clears the prediction.
    void setPrediction(const QStringList &classes, const FeatureMatrix &probabilities);
    const QStringList &predictionClasses() const { return m_predClasses; }
    void setClusters(const std::vector<int> &clusters);
    void refreshFlags();
    // Labels a hit (empty: removes its label); returns false for a bad row.
    bool setLabel(int row, const QString &label);
    bool labelsChanged() const { return m_labelsChanged; }
    void markLabelsSaved() { m_labelsChanged = false; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    static QImage toImage(const HitImage &crop);

private:
    std::shared_ptr<HitCollection> m_collection;
    FeatureMatrix m_features;
    QStringList m_predClasses;
    std::vector<int> m_predicted;
    std::vector<double> m_probability;
    mutable QCache<int, QImage> m_thumbnails;
    bool m_labelsChanged = false;
};

} // namespace photopeak
