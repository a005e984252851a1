// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;
class QTabWidget;

namespace photopeak {

class HitAnalysisPanel;
class HitFilterProxy;
class HitListModel;
class HitScatterPlot;
class HitThumbnailDelegate;
namespace ui {
class JobRunner;
}

// The hits workspace: a virtualised thumbnail grid of a hit collection (filter by class, cluster,
// probability, feature range and artefact marks), a feature scatter plot, click-to-label with a sidecar CSV,
// cluster/selection sheets as PNG, and the analysis panel (artefacts, clusters, classification).
class HitsWidget : public QWidget {
    Q_OBJECT
public:
    explicit HitsWidget(QWidget *parent = nullptr);

    // Reads the collection and its features off the GUI thread; labels of the sidecar are applied.
    void openCollection(const QString &path);
    // Asks for a folder and opens it in a new "Hits" tab of `tabs` (the main window's one-line hook).
    static HitsWidget *openInTabs(QTabWidget *tabs, QWidget *dialogParent);
    // Asks for a CREDO detection export (.json, base64 crops with metadata) and opens it the same way.
    static HitsWidget *openJsonInTabs(QTabWidget *tabs, QWidget *dialogParent);

    HitListModel *model() const { return m_model; }
    HitFilterProxy *proxy() const { return m_proxy; }
    QListView *grid() const { return m_grid; }
    HitAnalysisPanel *analysis() const { return m_analysis; }
    HitScatterPlot *scatter() const { return m_scatter; }
    // <folder>/photopeak-hit-labels.csv, or <export>.labels.csv for a JSON export.
    static QString sidecarPath(const QString &collectionPath);
    bool saveLabels();
    bool exportSheet(const QString &pngPath, int maxHits = 200) const;
    void setLabelOnClick(const QString &label);  // empty: clicking only selects

signals:
    void opened(int hits);
    void message(const QString &text);

private:
    void buildFilters(QWidget *bar);
    void updateFilterChoices();
    void applyFilters();
    void labelClicked(const QModelIndex &proxyIndex);

    HitListModel *m_model;
    HitFilterProxy *m_proxy;
    HitThumbnailDelegate *m_delegate;
    QListView *m_grid;
    HitScatterPlot *m_scatter;
    HitAnalysisPanel *m_analysis;
    QComboBox *m_show, *m_cluster, *m_feature, *m_labelAs;
    QDoubleSpinBox *m_pMin, *m_pMax, *m_fMin, *m_fMax;
    QCheckBox *m_hideMarked, *m_clickLabels;
    QLabel *m_status;
    QString m_path;
    ui::JobRunner *m_loader;
};

} // namespace photopeak
