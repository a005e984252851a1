// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "data/ProblemText.h"

#include "library/DatasetEntry.h"

#include <QCoreApplication>

#include <array>

namespace photopeak::ui {

namespace {
constexpr const char *kContext = "photopeak::ui::ProblemText";

struct ProblemTexts {
    SpectrumProblem problem;
    const char *label;
    const char *sentence;
};

constexpr std::array kTexts{
    ProblemTexts{SpectrumProblem::AllZeroCounts, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "all-zero"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "all counts are zero (aborted acquisition)")},
    ProblemTexts{SpectrumProblem::NonPositiveLiveTime, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "bad-live-time"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "live time is zero, negative or not a number")},
    ProblemTexts{SpectrumProblem::MissingCalibration, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "slope-0"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText",
                                   "calibration slope is 0 or missing (.sps files get the default XGD calibration)")},
    ProblemTexts{SpectrumProblem::InvalidCalibration, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "bad-calibration"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "energy calibration is not valid")},
    ProblemTexts{SpectrumProblem::Truncated, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "truncated"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "file is shorter than its header says")},
    ProblemTexts{SpectrumProblem::Unreadable, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "unreadable"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "file cannot be read")},
    ProblemTexts{SpectrumProblem::UnknownFormat, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "unknown-format"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "no reader understands this file")},
    ProblemTexts{SpectrumProblem::NonFiniteCounts, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "nan-counts"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "counts contain NaN or infinity, or their total is not finite")},
    ProblemTexts{SpectrumProblem::NegativeCounts, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "negative-counts"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "counts contain negative values")},
    ProblemTexts{SpectrumProblem::NoLiveTime, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "no-live-time"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "the file has no live time")},
    ProblemTexts{SpectrumProblem::UnknownDistance, QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "distance-0"),
                 QT_TRANSLATE_NOOP("photopeak::ui::ProblemText", "source distance is 0 (unknown)")},
};

QString translated(const char *text) { return QCoreApplication::translate(kContext, text); }
} // namespace

QString problemLabel(const QString &coreName)
{
    for (const auto &t : kTexts)
        if (coreName == QLatin1String(t.label))
            return translated(t.label);
    return coreName;
}

QStringList problemLabels(const QStringList &coreNames)
{
    QStringList out;
    for (const QString &name : coreNames)
        out << problemLabel(name);
    return out;
}

QString problemSentence(SpectrumProblem problem)
{
    for (const auto &t : kTexts)
        if (t.problem == problem)
            return translated(t.sentence);
    return SpectrumProblems::description(problem);
}

QStringList problemSentences(SpectrumProblems problems)
{
    QStringList out;
    for (const auto &t : kTexts)
        if (problems.has(t.problem))
            out << translated(t.sentence);
    return out;
}

QString entryProblemText(const DatasetEntry &entry)
{
    QStringList parts;
    if (!entry.message.isEmpty())
        parts << entry.message;
    for (const auto &t : kTexts)
        if (entry.spectrum.problems.has(t.problem) && !entry.message.contains(QLatin1String(t.sentence)))
            parts << translated(t.sentence);
    return parts.join(QStringLiteral("; "));
}

} // namespace photopeak::ui
