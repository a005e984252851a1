// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"
#include "TablesCli.h"

#include "tables/ColumnStatistics.h"
#include "tables/TableCatalog.h"
#include "tables/TableReader.h"

using namespace photopeak;

int runTablesTrain(const QStringList &args);
int runTablesPredict(const QStringList &args);
int runTablesEvaluate(const QStringList &args);

namespace {
const char kUsage[] =
    "Usage: photopeak-cli tables info|train|predict|evaluate [options]\n\n"
    "Event tables (HDF5: PyTables tables, pandas fixed/table frames, column datasets): track/shower and other\n"
    "two-class classification of events from table columns.\n\n"
    "  tables info FILE...                       tables, layouts, rows, columns; --stats TABLE: column statistics\n"
    "  tables train FILE -o MODEL [options]      label, balance, normalise, train with grouped CV, report\n"
    "  tables predict -m MODEL FILE... [-o OUT]  probabilities into a new CSV or HDF5 file beside each input\n"
    "  tables evaluate -m MODEL FILE...          confusion matrix, ROC AUC, per-class scores on labelled files\n\n"
    "Example (KM3NeT): tables train sample.h5 --table /reco/gandalf --join /mc_tracks \\\n"
    "    --label 'abs(mc_tracks.type) == 14 && mc_tracks.is_cc == 1' -o model.json\n";

int runTablesInfo(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("files"), QStringLiteral("HDF5 files."));
    p.addOption({QStringLiteral("stats"), QStringLiteral("Read one table and print statistics of its numeric columns."),
                 QStringLiteral("table")});
    TablesCli::addQueryOptions(p);
    if (const int code = parseCommandLine(p, args, QStringLiteral("Tables of HDF5 files and their columns.")); code >= 0)
        return code;
    if (p.positionalArguments().isEmpty()) {
        cliErr() << "photopeak-cli tables info: no input file\n";
        return 2;
    }
    int failed = 0;
    for (const QString &file : p.positionalArguments()) {
        auto tables = TableCatalog::list(file);
        if (!tables) {
            cliErr() << tables.error().toString() << "\n";
            ++failed;
            continue;
        }
        cliOut() << file << ": " << tables->size() << " table(s)\n";
        for (const TableDescription &t : *tables) {
            cliOut() << "  " << t.path << "  [" << tableLayoutName(t.layout) << ", " << t.rows << " rows, "
                     << t.columns.size() << " columns]\n";
            for (const ColumnInfo &c : t.columns)
                cliOut() << "      " << QStringLiteral("%1 %2 %3").arg(c.name, -36).arg(columnTypeName(c.type), -8).arg(c.storage)
                         << (c.unreadable.isEmpty() ? QString() : QStringLiteral("  (not read: %1)").arg(c.unreadable)) << "\n";
        }
        if (p.isSet(QStringLiteral("stats"))) {
            QString error;
            TableQuery q;
            if (!TablesCli::readQuery(p, &q, &error)) {
                cliErr() << "photopeak-cli tables info: " << error << "\n";
                return 2;
            }
            q.table = p.value(QStringLiteral("stats"));
            auto table = q.read(file);
            if (!table) {
                cliErr() << table.error().toString() << "\n";
                ++failed;
                continue;
            }
            cliOut() << QStringLiteral("  statistics of %1 (%2 rows):\n").arg(q.table).arg(table->rowCount())
                     << QStringLiteral("      %1 %2 %3 %4 %5 %6 %7 %8\n").arg(QStringLiteral("column"), -32).arg(QStringLiteral("present"), 9)
                            .arg(QStringLiteral("missing"), 8).arg(QStringLiteral("min"), 12).arg(QStringLiteral("median"), 12)
                            .arg(QStringLiteral("mean"), 12).arg(QStringLiteral("max"), 12).arg(QStringLiteral("sd"), 12);
            for (const ColumnStatistics &s : ColumnStatistics::ofAll(*table))
                cliOut() << "      " << s.toText() << "\n";
        }
    }
    cliOut().flush();
    return failed ? 1 : 0;
}
} // namespace

int runTables(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args[1] : QString();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("info"))
        return runTablesInfo(rest);
    if (sub == QLatin1String("train"))
        return runTablesTrain(rest);
    if (sub == QLatin1String("predict"))
        return runTablesPredict(rest);
    if (sub == QLatin1String("evaluate"))
        return runTablesEvaluate(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        cliOut() << kUsage;
        return 0;
    }
    cliErr() << kUsage;
    if (!sub.isEmpty())
        cliErr() << "\nphotopeak-cli tables: unknown subcommand '" << sub << "'\n";
    cliErr().flush();
    return 2;
}
