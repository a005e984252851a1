// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/MixtureHoldout.h"

#include "ml/SpectrumClassifier.h"
#include "ml/SyntheticMixer.h"

#include <algorithm>
#include <map>

namespace photopeak {

namespace {
QString ratio(int k, int n)
{
    return QStringLiteral("%1/%2 (%3 %)").arg(k).arg(n).arg(n > 0 ? 100.0 * k / n : 0.0, 0, 'f', 1);
}

bool sameSet(QStringList a, QStringList b)
{
    a.sort();
    b.sort();
    return a == b;
}
} // namespace

Result<MixtureHoldoutResult> MixtureHoldout::run(const PreparedSet &set, const ClassifierOptions &options,
                                                 const JobControl *job)
{
    const auto &items = set.items();
    std::vector<QString> settingOf(items.size());
    QStringList settings;
    for (size_t i = 0; i < items.size(); ++i) {
        settingOf[i] = SyntheticMixer::settingOf(items[i]);
        if (!settingOf[i].isEmpty() && !settings.contains(settingOf[i]))
            settings << settingOf[i];
    }
    settings.sort();
    if (settings.size() < 2)
        return makeError(QStringLiteral("training set"),
                         QStringLiteral("leave-one-setting-out needs single-source series in two or more settings"));
    MixtureHoldoutResult result;
    for (const QString &held : settings) {
        if (JobControl::cancelled(job))
            return makeError(QStringLiteral("validation"), QStringLiteral("cancelled"));
        std::vector<bool> keep(items.size());
        std::map<QString, std::vector<int>> heldOut;  // isotope -> items, in path order
        for (size_t i = 0; i < items.size(); ++i) {
            keep[i] = settingOf[i] != held;
            if (!keep[i])
                heldOut[items[i].isotopes.front()].push_back(static_cast<int>(i));
        }
        auto model = SpectrumClassifier::train(set.subset(keep), options, nullptr);
        if (!model)
            return model.error();
        MixtureHoldoutRow row;
        row.setting = held;
        for (auto &[iso, list] : heldOut) {
            std::sort(list.begin(), list.end(),
                      [&](int a, int b) { return items[static_cast<size_t>(a)].relativePath < items[static_cast<size_t>(b)].relativePath; });
            for (int i : list) {
                ++row.singles;
                const Classification c = model->classify(items[static_cast<size_t>(i)].prepared);
                row.singlesExact += sameSet(c.isotopes, {iso}) ? 1 : 0;
            }
        }
        for (auto a = heldOut.begin(); a != heldOut.end(); ++a)
            for (auto b = std::next(a); b != heldOut.end(); ++b) {
                const size_t n = std::min(a->second.size(), b->second.size());
                for (size_t k = 0; k < n; ++k) {
                    const PreparedSpectrum &x = items[static_cast<size_t>(a->second[k])].prepared;
                    const PreparedSpectrum &y = items[static_cast<size_t>(b->second[k])].prepared;
                    PreparedSpectrum sum = x;
                    for (size_t bin = 0; bin < sum.counts.size() && bin < y.counts.size(); ++bin)
                        sum.counts[bin] += y.counts[bin];
                    sum.liveTime = x.liveTime + y.liveTime;
                    ++row.pairs;
                    const Classification c = model->classify(sum);
                    row.pairsExact += sameSet(c.isotopes, {a->first, b->first}) ? 1 : 0;
                }
            }
        result.total.pairs += row.pairs;
        result.total.pairsExact += row.pairsExact;
        result.total.singles += row.singles;
        result.total.singlesExact += row.singlesExact;
        result.rows.push_back(row);
    }
    result.total.setting = QStringLiteral("all settings");
    return result;
}

QString MixtureHoldout::table(const MixtureHoldoutResult &r)
{
    QString out = QStringLiteral("  %1 %2 %3\n").arg(QStringLiteral("held-out setting"), -18)
                      .arg(QStringLiteral("exact set, pair sums"), 26).arg(QStringLiteral("exact set, singles"), 26);
    auto line = [&](const MixtureHoldoutRow &row) {
        out += QStringLiteral("  %1 %2 %3\n").arg(row.setting, -18).arg(ratio(row.pairsExact, row.pairs), 26)
                   .arg(ratio(row.singlesExact, row.singles), 26);
    };
    for (const MixtureHoldoutRow &row : r.rows)
        line(row);
    line(r.total);
    return out;
}

} // namespace photopeak
