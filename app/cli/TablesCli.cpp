// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TablesCli.h"

namespace TablesCli {

using namespace photopeak;

QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &p : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!p.trimmed().isEmpty())
            out << p.trimmed();
    return out;
}

void addQueryOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("table"), QStringLiteral("Table path in the file (e.g. /reco/gandalf); default: the only table."),
                 QStringLiteral("path")});
    p.addOption({QStringLiteral("join"), QStringLiteral("Join another table of the file on the key (repeatable); its columns "
                                                        "are named <table>.<column>, e.g. mc_tracks.type. First row per key."),
                 QStringLiteral("path")});
    p.addOption({QStringLiteral("key"), QStringLiteral("Key column(s) of joins, comma-separated (default event_id)."),
                 QStringLiteral("columns"), QStringLiteral("event_id")});
    p.addOption({QStringLiteral("missing"), QStringLiteral("Values meaning 'missing': '1e20' for every column, "
                                                           "'lambda=1e20,-1; chi2=-999' per column. NaN always is."),
                 QStringLiteral("spec")});
}

void addTrainingOptions(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("features"), QStringLiteral("Feature columns, comma-separated (default: every numeric column "
                                                            "of the main table not used otherwise)."), QStringLiteral("list")});
    p.addOption({QStringLiteral("label"), QStringLiteral("Expression true for the positive class (default "
                                                         "'abs(type) == 14 && is_cc == 1')."), QStringLiteral("expr")});
    p.addOption({QStringLiteral("filter"), QStringLiteral("Only rows where this expression is true (e.g. 'energy > 10')."),
                 QStringLiteral("expr")});
    p.addOption({QStringLiteral("positive"), QStringLiteral("Name of the positive class (default track)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("negative"), QStringLiteral("Name of the negative class (default shower)."), QStringLiteral("name")});
    p.addOption({QStringLiteral("balance"), QStringLiteral("none, downsample (every group to the smallest; default) or weights."),
                 QStringLiteral("mode")});
    p.addOption({QStringLiteral("balance-by"), QStringLiteral("Group columns to balance, e.g. mc_tracks.type,mc_tracks.is_cc "
                                                              "(default: the two classes)."), QStringLiteral("columns")});
    p.addOption({QStringLiteral("normalise"), QStringLiteral("quantile-normal (default), zscore, minmax or none."),
                 QStringLiteral("method")});
    p.addOption({QStringLiteral("method"), QStringLiteral("linear-svm (default), rbf-svm, random-forest or logistic."),
                 QStringLiteral("name")});
    p.addOption({QStringLiteral("no-search"), QStringLiteral("Default hyper-parameters instead of the grouped-CV grid.")});
    p.addOption({QStringLiteral("folds"), QStringLiteral("Cross-validation folds (default 5)."), QStringLiteral("n")});
    p.addOption({QStringLiteral("group"), QStringLiteral("Column whose values keep events together in folds and splits (e.g. run_id)."),
                 QStringLiteral("column")});
    p.addOption({QStringLiteral("weight"), QStringLiteral("Event weight column for the metrics."), QStringLiteral("column")});
    p.addOption({QStringLiteral("test-fraction"), QStringLiteral("Held-out share (default 0.25; 0 = none)."), QStringLiteral("f")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Seed of splits, balancing and folds (default 20221)."), QStringLiteral("n")});
}

bool readQuery(const QCommandLineParser &p, TableQuery *q, QString *error)
{
    q->table = p.value(QStringLiteral("table"));
    q->joins = p.values(QStringLiteral("join"));
    q->keys = splitList(p.value(QStringLiteral("key")));
    if (q->keys.isEmpty()) {
        *error = QStringLiteral("--key names no column");
        return false;
    }
    if (p.isSet(QStringLiteral("missing"))) {
        auto m = MissingValues::parse(p.value(QStringLiteral("missing")));
        if (!m) {
            *error = m.error().toString();
            return false;
        }
        q->missing = *m;
    }
    return true;
}

bool readTraining(const QCommandLineParser &p, EventTrainingSpec *s, QString *error)
{
    if (!readQuery(p, &s->query, error))
        return false;
    s->features = splitList(p.value(QStringLiteral("features")));
    if (p.isSet(QStringLiteral("label")))
        s->label = p.value(QStringLiteral("label"));
    s->filter = p.value(QStringLiteral("filter"));
    if (p.isSet(QStringLiteral("positive")))
        s->positiveName = p.value(QStringLiteral("positive"));
    if (p.isSet(QStringLiteral("negative")))
        s->negativeName = p.value(QStringLiteral("negative"));
    if (p.isSet(QStringLiteral("balance")) && !ClassBalancer::parseMode(p.value(QStringLiteral("balance")), &s->balance)) {
        *error = QStringLiteral("--balance must be none, downsample or weights");
        return false;
    }
    s->balanceColumns = splitList(p.value(QStringLiteral("balance-by")));
    if (p.isSet(QStringLiteral("normalise"))
        && !FeatureNormalizer::parseMethod(p.value(QStringLiteral("normalise")), &s->normalisation)) {
        *error = QStringLiteral("--normalise must be quantile-normal, zscore, minmax or none");
        return false;
    }
    if (p.isSet(QStringLiteral("method")) && !BinaryLearner::parseMethod(p.value(QStringLiteral("method")), &s->method)) {
        *error = QStringLiteral("--method must be linear-svm, rbf-svm, random-forest or logistic");
        return false;
    }
    s->search = !p.isSet(QStringLiteral("no-search"));
    bool ok = true;
    if (p.isSet(QStringLiteral("folds")) && ((s->folds = p.value(QStringLiteral("folds")).toInt(&ok)) < 2 || !ok)) {
        *error = QStringLiteral("--folds needs a whole number of at least 2");
        return false;
    }
    s->groupColumn = p.value(QStringLiteral("group"));
    s->weightColumn = p.value(QStringLiteral("weight"));
    if (p.isSet(QStringLiteral("test-fraction"))) {
        s->testFraction = p.value(QStringLiteral("test-fraction")).toDouble(&ok);
        if (!ok || s->testFraction < 0.0 || s->testFraction >= 0.9) {
            *error = QStringLiteral("--test-fraction needs 0 <= f < 0.9");
            return false;
        }
    }
    if (p.isSet(QStringLiteral("seed"))) {
        s->seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--seed needs a whole number");
            return false;
        }
    }
    return true;
}

} // namespace TablesCli
