// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitListModel.h"

#include "hits/HitFilter.h"

#include <algorithm>

namespace photopeak {

HitListModel::HitListModel(QObject *parent) : QAbstractListModel(parent)
{
    m_thumbnails.setMaxCost(4000);
}

void HitListModel::setCollection(std::shared_ptr<HitCollection> collection, FeatureMatrix features)
{
    beginResetModel();
    m_collection = std::move(collection);
    m_features = std::move(features);
    m_predClasses.clear();
    m_predicted.clear();
    m_probability.clear();
    m_thumbnails.clear();
    m_labelsChanged = false;
    endResetModel();
}

void HitListModel::setPrediction(const QStringList &classes, const FeatureMatrix &p)
{
    m_predClasses = classes;
    m_predicted.assign(size_t(rowCount()), -1);
    m_probability.assign(size_t(rowCount()), -1.0);
    for (int i = 0; i < std::min(p.rows, rowCount()); ++i) {
        int best = 0;
        double sum = 0.0;
        for (int c = 0; c < p.cols; ++c) {
            sum += p.at(i, c);
            if (p.at(i, c) > p.at(i, best))
                best = c;
        }
        // A row without probabilities (not part of the evaluation) stays unclassified.
        m_predicted[size_t(i)] = p.cols > 0 && sum > 0 ? best : -1;
        m_probability[size_t(i)] = m_predicted[size_t(i)] >= 0 ? p.at(i, best) : -1.0;
    }
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

void HitListModel::setClusters(const std::vector<int> &clusters)
{
    if (!m_collection)
        return;
    auto &hits = m_collection->hits();
    for (size_t i = 0; i < hits.size(); ++i)
        hits[i].cluster = i < clusters.size() ? clusters[i] : -1;
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

void HitListModel::refreshFlags()
{
    if (rowCount() > 0)
        emit dataChanged(index(0), index(rowCount() - 1));
}

bool HitListModel::setLabel(int row, const QString &label)
{
    if (!m_collection || row < 0 || row >= rowCount())
        return false;
    Hit &h = m_collection->hits()[size_t(row)];
    if (h.label == label)
        return true;
    h.label = label;
    m_labelsChanged = true;
    emit dataChanged(index(row), index(row));
    return true;
}

int HitListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_collection ? 0 : m_collection->size();
}

QImage HitListModel::toImage(const HitImage &crop)
{
    // Display only: the crop's darkest level to black and its brightest to white, so faint hits of dark
    // phones are visible in a thumbnail (the features always use the stored grey levels).
    const auto [lo, hi] = std::minmax_element(crop.pixels.begin(), crop.pixels.end());
    const int low = crop.pixels.empty() ? 0 : *lo, span = crop.pixels.empty() ? 1 : std::max(1, *hi - low);
    QImage im(crop.width, crop.height, QImage::Format_Grayscale8);
    for (int y = 0; y < crop.height; ++y) {
        uchar *line = im.scanLine(y);
        for (int x = 0; x < crop.width; ++x)
            line[x] = uchar((crop.at(x, y) - low) * 255 / span);
    }
    return im;
}

QVariant HitListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !m_collection || index.row() >= rowCount())
        return {};
    const int row = index.row();
    const Hit &h = m_collection->hits()[size_t(row)];
    const int predicted = size_t(row) < m_predicted.size() ? m_predicted[size_t(row)] : -1;
    switch (role) {
    case Qt::DisplayRole:
        return h.id;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>%2").arg(h.id.toHtmlEscaped(), h.source.toHtmlEscaped());
        tip += QStringLiteral("<br>") + tr("label: %1").arg(h.label.isEmpty() ? tr("none") : h.label);
        if (predicted >= 0)
            tip += QStringLiteral("<br>") + tr("classified: %1 (p = %2)").arg(m_predClasses.value(predicted)).arg(m_probability[size_t(row)], 0, 'f', 2);
        if (h.cluster >= 0)
            tip += QStringLiteral("<br>") + tr("cluster %1").arg(h.cluster);
        if (h.flags)
            tip += QStringLiteral("<br>") + tr("marked: %1").arg(HitFilterOptions::flagNames(h.flags));
        return tip;
    }
    case ImageRole: {
        if (QImage *cached = m_thumbnails.object(row))
            return *cached;
        auto *im = new QImage(toImage(h.image));
        const QImage copy = *im;
        m_thumbnails.insert(row, im, 1);
        return copy;
    }
    case LabelRole:
        return h.label;
    case PredictedRole:
        return predicted >= 0 ? m_predClasses.value(predicted) : QString();
    case ProbabilityRole:
        return predicted >= 0 ? m_probability[size_t(row)] : -1.0;
    case ClusterRole:
        return h.cluster;
    case FlagsRole:
        return uint(h.flags);
    case MisclassifiedRole:
        return predicted >= 0 && !h.label.isEmpty() && m_predClasses.value(predicted) != h.label;
    }
    return {};
}

} // namespace photopeak
