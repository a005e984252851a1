// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

namespace photopeak {

// Ground-truth labels from names: isotope tokens in any case or separator (Cs137, cs-137, Co60_Cs137,
// Co60-Na22-Cs137, Tc99m) and background words (bkg, bkgs, background). Isotopes are canonicalised
// as "Cs137"; background as "background".
class LabelParser {
public:
    static QString backgroundLabel() { return QStringLiteral("background"); }

    // Isotopes in one name, in order of appearance, without duplicates.
    static QStringList isotopesIn(const QString &name);
    static bool isBackgroundWord(const QString &name);
    // Canonical form of one label ("cs-137" -> "Cs137", "BKG" -> "background"); empty if not a label.
    static QString canonical(const QString &label);
    // Labels of a file from its folders relative to the opened root, else from its own name.
    static QStringList fromRelativePath(const QString &relativeFilePath);
};

} // namespace photopeak
