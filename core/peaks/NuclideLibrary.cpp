// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/NuclideLibrary.h"

#include "util/SharedResources.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <map>

namespace photopeak {

namespace {

Result<double> parseNumber(const QString &text, const QString &where)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return makeError(where, QStringLiteral("'%1' is not a number").arg(text));
    return v;
}

Result<double> unitSeconds(const QString &unit, const QString &where)
{
    static const std::map<QString, double> units{{QStringLiteral("us"), 1e-6}, {QStringLiteral("ms"), 1e-3},
        {QStringLiteral("s"), 1.0}, {QStringLiteral("m"), 60.0}, {QStringLiteral("h"), 3600.0},
        {QStringLiteral("d"), 86400.0}, {QStringLiteral("y"), 365.2422 * 86400.0}};
    const auto it = units.find(unit.trimmed());
    if (it == units.end())
        return makeError(where, QStringLiteral("unknown half-life unit '%1' (us, ms, s, m, h, d, y)").arg(unit));
    return it->second;
}

} // namespace

QString NuclideLibrary::canonicalName(const QString &name)
{
    static const QRegularExpression symMass(QStringLiteral("^([A-Za-z]{1,2})[-_ ]?(\\d{1,3})([mM]?)$"));
    static const QRegularExpression massSym(QStringLiteral("^(\\d{1,3})([mM]?)[-_ ]?([A-Za-z]{1,2})$"));
    const QString t = name.trimmed();
    QString sym, mass, meta;
    if (auto m = symMass.match(t); m.hasMatch()) {
        sym = m.captured(1);
        mass = m.captured(2);
        meta = m.captured(3);
    } else if (auto m2 = massSym.match(t); m2.hasMatch()) {
        mass = m2.captured(1);
        meta = m2.captured(2);
        sym = m2.captured(3);
    } else {
        return t;
    }
    sym = sym.left(1).toUpper() + sym.mid(1).toLower();
    return sym + mass + meta.toLower();
}

Result<NuclideLibrary> NuclideLibrary::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot open the nuclide library: %1").arg(f.errorString()));
    auto lib = parse(f.readAll(), path);
    if (lib)
        lib->m_path = path;
    return lib;
}

Result<NuclideLibrary> NuclideLibrary::parse(const QByteArray &text, const QString &sourceName)
{
    NuclideLibrary lib;
    std::map<QString, size_t> index;
    const QStringList rows = QString::fromUtf8(text).split(QLatin1Char('\n'));
    for (int r = 0; r < rows.size(); ++r) {
        QString row = rows[r];
        if (row.endsWith(QLatin1Char('\r')))
            row.chop(1);
        const QString where = QStringLiteral("%1 line %2").arg(sourceName).arg(r + 1);
        if (row.trimmed().isEmpty())
            continue;
        const QStringList f = row.split(QLatin1Char('\t'));
        if (row.startsWith(QLatin1Char('#'))) {
            const QString key = f.front().mid(1).trimmed();
            if (key == QLatin1String("source") && f.size() >= 2)
                lib.m_source = f[1].trimmed();
            else if (key == QLatin1String("version") && f.size() >= 2)
                lib.m_version = f[1].trimmed();
            continue;
        }
        if (f.front() == QLatin1String("nuclide")) {
            if (f.size() < 6)
                return makeError(where, QStringLiteral("a nuclide row needs 6 tab-separated fields"));
            Nuclide n;
            n.name = f[1].trimmed();
            auto hl = parseNumber(f[2], where);
            auto unit = unitSeconds(f[3], where);
            auto hlu = parseNumber(f[4], where);
            if (!hl)
                return hl.error();
            if (!unit)
                return unit.error();
            if (!hlu)
                return hlu.error();
            if (*hl <= 0.0)
                return makeError(where, QStringLiteral("half-life of %1 must be positive").arg(n.name));
            n.halfLifeSeconds = *hl * *unit;
            n.halfLifeUncSeconds = *hlu * *unit;
            const QString d = f[5].trimmed();
            if (d != QLatin1String("-") && !d.isEmpty()) {
                for (const QString &part : d.split(QLatin1Char(','))) {
                    const QStringList kv = part.split(QLatin1Char(':'));
                    if (kv.size() != 2)
                        return makeError(where, QStringLiteral("daughter '%1' is not name:factor").arg(part));
                    auto fac = parseNumber(kv[1], where);
                    if (!fac)
                        return fac.error();
                    n.daughters.emplace_back(kv[0].trimmed(), *fac);
                }
            }
            if (f.size() >= 7 && !f[6].trimmed().isEmpty()) {
                static const QStringList categories{QStringLiteral("check"), QStringLiteral("medical"), QStringLiteral("activation"),
                                                    QStringLiteral("fission"), QStringLiteral("natural")};
                n.category = f[6].trimmed();
                if (!categories.contains(n.category))
                    return makeError(where, QStringLiteral("category '%1' of %2 is not one of %3").arg(n.category, n.name, categories.join(QStringLiteral(", "))));
            }
            if (index.count(n.name))
                return makeError(where, QStringLiteral("nuclide %1 is defined twice").arg(n.name));
            index[n.name] = lib.m_nuclides.size();
            lib.m_nuclides.push_back(std::move(n));
        } else if (f.front() == QLatin1String("line")) {
            if (f.size() < 7)
                return makeError(where, QStringLiteral("a line row needs 7 tab-separated fields"));
            const auto it = index.find(f[1].trimmed());
            if (it == index.end())
                return makeError(where, QStringLiteral("line of %1 before its nuclide row").arg(f[1]));
            GammaLine l;
            auto e = parseNumber(f[2], where), eu = parseNumber(f[3], where), in = parseNumber(f[4], where),
                 inu = parseNumber(f[5], where);
            for (const auto *v : {&e, &eu, &in, &inu})
                if (!*v)
                    return v->error();
            if (*e <= 0.0 || *in < 0.0)
                return makeError(where, QStringLiteral("energy must be positive and intensity not negative"));
            l.energyKeV = *e;
            l.energyUncKeV = *eu;
            l.intensity = *in / 100.0;
            l.intensityUnc = *inu / 100.0;
            const QString kind = f[6].trimmed();
            if (kind == QLatin1String("g"))
                l.kind = GammaLine::Kind::Gamma;
            else if (kind == QLatin1String("x"))
                l.kind = GammaLine::Kind::XRay;
            else if (kind == QLatin1String("a"))
                l.kind = GammaLine::Kind::Annihilation;
            else
                return makeError(where, QStringLiteral("line kind '%1' is not g, x or a").arg(kind));
            l.emitter = f[1].trimmed();
            lib.m_nuclides[it->second].ownLines.push_back(l);
        } else {
            return makeError(where, QStringLiteral("unknown row type '%1'").arg(f.front()));
        }
    }
    if (lib.m_source.isEmpty() || lib.m_version.isEmpty())
        return makeError(sourceName, QStringLiteral("the library must state '# source' and '# version'"));
    if (lib.m_nuclides.empty())
        return makeError(sourceName, QStringLiteral("no nuclides"));
    // Expand daughters one level deep.
    for (auto &n : lib.m_nuclides) {
        n.lines = n.ownLines;
        for (const auto &[dname, factor] : n.daughters) {
            const auto it = index.find(dname);
            if (it == index.end())
                return makeError(sourceName, QStringLiteral("%1 names unknown daughter %2").arg(n.name, dname));
            for (GammaLine l : lib.m_nuclides[it->second].ownLines) {
                l.intensity *= factor;
                l.intensityUnc *= factor;
                n.lines.push_back(l);
            }
        }
        std::sort(n.lines.begin(), n.lines.end(),
                  [](const GammaLine &a, const GammaLine &b) { return a.energyKeV < b.energyKeV; });
    }
    return lib;
}

QString NuclideLibrary::defaultPath()
{
    const QByteArray env = qgetenv("PHOTOPEAK_NUCLIDES");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return findSharedResource(QStringLiteral("nuclides/nuclides.tsv"));
}

Result<NuclideLibrary> NuclideLibrary::loadDefault()
{
    const QString p = defaultPath();
    if (p.isEmpty())
        return makeError(QStringLiteral("nuclides/nuclides.tsv"),
                         QStringLiteral("no nuclide library found in %1 (set PHOTOPEAK_NUCLIDES to the file or "
                                        "PHOTOPEAK_RESOURCES to the resources folder)")
                             .arg(sharedResourceFolders().join(QStringLiteral(", "))));
    return load(p);
}

const Nuclide *NuclideLibrary::find(const QString &name) const
{
    const QString c = canonicalName(name);
    for (const auto &n : m_nuclides)
        if (n.name.compare(c, Qt::CaseInsensitive) == 0)
            return &n;
    return nullptr;
}

QStringList NuclideLibrary::names() const
{
    QStringList out;
    for (const auto &n : m_nuclides)
        out << n.name;
    return out;
}

} // namespace photopeak
