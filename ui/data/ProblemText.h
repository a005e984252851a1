// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/SpectrumProblem.h"

#include <QString>
#include <QStringList>

namespace photopeak {
struct DatasetEntry;
}

namespace photopeak::ui {

// The core's problem flags as users read them, in the UI language: short names for table cells ("all-zero",
// ru "все нули") and sentences for panels and reports. English texts equal the core's (tested).
QString problemLabel(const QString &coreName);  // a name the core does not know comes back unchanged
QStringList problemLabels(const QStringList &coreNames);
QString problemSentence(SpectrumProblem problem);
QStringList problemSentences(SpectrumProblems problems);
// The entry's reader message and its problem sentences, as DatasetEntry::problemText() but translated.
QString entryProblemText(const DatasetEntry &entry);

} // namespace photopeak::ui
