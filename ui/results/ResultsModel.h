// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

namespace photopeak::ui {

// Table over the analyses of one classification run: one row per spectrum; fixed columns, then one
// probability column and one activity column per isotope of the model. Read-only; replaced as a whole.
class ResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum FixedColumn { FileColumn, DecisionColumn, SourceProbabilityColumn, IsotopesColumn, PeakNuclidesColumn,
                       UnknownColumn, FlagsColumn, FixedColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers for numeric columns, text otherwise
        EntryIndexRole,               // SpectrumAnalysis::entryIndex
        FilterTextRole,               // file, decision, isotopes and flags in lower case
        DecisionRole,                 // int(SpectrumAnalysis::Decision)
    };

    explicit ResultsModel(QObject *parent = nullptr);

    void setResults(std::vector<SpectrumAnalysis> results);
    void clear() { setResults({}); }
    const std::vector<SpectrumAnalysis> &results() const { return m_results; }
    const SpectrumAnalysis *result(int row) const;
    // Row of the analysis of a dataset entry, -1 when that entry was not classified.
    int rowOfEntry(int entryIndex) const;
    const QStringList &isotopes() const { return m_isotopes; }
    int probabilityColumn(const QString &isotope) const;  // -1 if unknown
    int activityColumn(const QString &isotope) const;     // -1 if no row has an activity for it

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant cellData(const SpectrumAnalysis &a, int column, int role) const;
    QString decisionText(SpectrumAnalysis::Decision d) const;

    std::vector<SpectrumAnalysis> m_results;
    QStringList m_isotopes;          // probability columns
    QStringList m_activityIsotopes;  // activity columns (isotopes with an activity or MDA in some row)
};

} // namespace photopeak::ui
