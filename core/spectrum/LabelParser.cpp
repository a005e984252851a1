// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "spectrum/LabelParser.h"

#include <QRegularExpression>
#include <QHash>

namespace photopeak {

namespace {
// Atomic number by element symbol (H = 1 ... Fm = 100).
const QHash<QString, int> &atomicNumbers()
{
    static const QHash<QString, int> numbers = [] {
        const char *all = "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge "
                          "As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm "
                          "Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U "
                          "Np Pu Am Cm Bk Cf Es Fm";
        QHash<QString, int> z;
        for (const QString &sym : QString::fromLatin1(all).split(QLatin1Char(' ')))
            z.insert(sym, static_cast<int>(z.size()) + 1);
        return z;
    }();
    return numbers;
}

// Known nuclides have 1.7 Z <= A <= 3 Z + 2 (Be7 and H3 at the edges). This keeps units out of the labels:
// "15cm_60sec" is not curium-60, a GPS field "GA37.49" is not gallium-37.
bool isPlausibleNuclide(const QString &symbol, int mass)
{
    const int z = atomicNumbers().value(symbol, 0);
    return z > 0 && mass >= static_cast<int>(1.7 * z) && mass <= 3 * z + 2;
}

QString canonicalSymbol(const QString &letters)
{
    return letters.left(1).toUpper() + letters.mid(1).toLower();
}
} // namespace

namespace {
// Cyrillic letters that look like Latin ones: real XGD file names have "Сs137" with a Cyrillic 'С'.
QString latinLookAlikes(const QString &name)
{
    static const QString cyr = QStringLiteral("АВЕКМНОРСТХаеорсх");
    static const QString lat = QStringLiteral("ABEKMHOPCTXaeopcx");
    QString out = name;
    for (QChar &ch : out) {
        const int i = cyr.indexOf(ch);
        if (i >= 0)
            ch = lat[i];
    }
    return out;
}
} // namespace

QStringList LabelParser::isotopesIn(const QString &rawName)
{
    const QString name = latinLookAlikes(rawName);
    // Element symbol not preceded by a letter, optional separator, mass number, optional metastable 'm'
    // ("Cs137", "cs-137", "Tc99m"); or the mass number first with a capitalised symbol ("235U", "137Cs").
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z])([A-Za-z]{1,2})[-_ ]?(\\d{1,3})([mM])?(?![0-9])"
                                                      "|(?<![A-Za-z0-9.])(\\d{1,3})-?([A-Z][a-z]?)([mM])?(?![a-z])"));
    QStringList out;
    auto it = re.globalMatch(name);
    while (it.hasNext()) {
        const auto m = it.next();
        const bool massFirst = m.capturedLength(4) > 0;
        const QString symbol = canonicalSymbol(m.captured(massFirst ? 5 : 1));
        const int mass = m.captured(massFirst ? 4 : 2).toInt();
        const QString metastable = m.captured(massFirst ? 6 : 3);
        if (!isPlausibleNuclide(symbol, mass))
            continue;
        // One-letter symbols followed by a separator are too easily ordinary words ("s-1"): require no separator.
        if (!massFirst && symbol.size() == 1 && m.captured(0).size() != 1 + m.captured(2).size() + metastable.size())
            continue;
        const QString iso = symbol + QString::number(mass) + (metastable.isEmpty() ? QString() : QStringLiteral("m"));
        if (!out.contains(iso))
            out << iso;
    }
    return out;
}

bool LabelParser::isBackgroundWord(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("(?<![A-Za-z])(bkgs?|backgrounds?|bg)(?![A-Za-z])"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

QString LabelParser::canonical(const QString &label)
{
    const QString trimmed = label.trimmed();
    if (isBackgroundWord(trimmed))
        return backgroundLabel();
    const QStringList isotopes = isotopesIn(trimmed);
    return isotopes.size() == 1 ? isotopes.front() : QString();
}

QStringList LabelParser::fromRelativePath(const QString &relativeFilePath)
{
    QStringList parts = relativeFilePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString fileName = parts.isEmpty() ? QString() : parts.takeLast();
    QStringList isotopes;
    bool background = false;
    for (const QString &folder : parts) {
        for (const QString &iso : isotopesIn(folder))
            if (!isotopes.contains(iso))
                isotopes << iso;
        background = background || isBackgroundWord(folder);
    }
    if (!isotopes.isEmpty())
        return isotopes;
    if (background)
        return {backgroundLabel()};
    const QString stem = fileName.section(QLatin1Char('.'), 0, 0);
    const QStringList fromName = isotopesIn(stem);
    if (!fromName.isEmpty())
        return fromName;
    return isBackgroundWord(stem) ? QStringList{backgroundLabel()} : QStringList{};
}

} // namespace photopeak
