// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/ReaderRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <map>

using namespace photopeak;

// photopeak-cli merge: joins the outputs of the shards of one batch (--shard I/N) into the output a single run
// would have written. docs/scale-out.md.
namespace {
const QString kCommand = QStringLiteral("merge");

Result<QByteArray> readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(path, QStringLiteral("cannot be read (%1)").arg(f.errorString()));
    return f.readAll();
}

// CSV: the header of every part must be the same; rows are concatenated in the order given.
Result<QByteArray> mergeCsv(const QStringList &parts)
{
    QByteArray header, out;
    for (const QString &path : parts) {
        auto bytes = readAll(path);
        if (!bytes)
            return bytes.error();
        const qsizetype eol = bytes->indexOf('\n');
        if (eol < 0)
            return makeError(path, QStringLiteral("is not a CSV table with a header line"));
        const QByteArray h = bytes->left(eol + 1);
        if (header.isEmpty()) {
            header = h;
            out = h;
        } else if (h != header) {
            return makeError(path, QStringLiteral("has other columns than %1: not a shard of the same batch").arg(parts.front()));
        }
        QByteArray body = bytes->mid(eol + 1);
        if (!body.isEmpty() && !body.endsWith('\n'))
            body += '\n';
        out += body;
    }
    return out;
}

// JSON reports of classify: the header (model, isotopes, thresholds) must be the same; shards are put in shard
// order, checked complete, and entry numbers continued across shards of the same input.
Result<QByteArray> mergeJson(const QStringList &parts)
{
    struct Part {
        QString path;
        QJsonObject doc;
        int index = -1;
    };
    std::vector<Part> docs;
    int count = -1;
    for (const QString &path : parts) {
        auto bytes = readAll(path);
        if (!bytes)
            return bytes.error();
        QJsonParseError pe;
        const QJsonDocument d = QJsonDocument::fromJson(*bytes, &pe);
        if (!d.isObject() || !d.object().value(QStringLiteral("spectra")).isArray())
            return makeError(path, pe.error != QJsonParseError::NoError
                                       ? QStringLiteral("not JSON: %1 at byte %2").arg(pe.errorString()).arg(pe.offset)
                                       : QStringLiteral("not a classify report (no \"spectra\" list)"));
        Part p{path, d.object(), -1};
        const QJsonObject shard = p.doc.value(QStringLiteral("shard")).toObject();
        if (shard.isEmpty())
            return makeError(path, QStringLiteral("is not a shard output (written without --shard)"));
        p.index = shard.value(QStringLiteral("index")).toInt(-1);
        const int n = shard.value(QStringLiteral("count")).toInt(-1);
        if (count >= 0 && n != count)
            return makeError(path, QStringLiteral("is shard %1/%2, the others are of %3 shards").arg(p.index).arg(n).arg(count));
        count = n;
        docs.push_back(std::move(p));
    }
    std::sort(docs.begin(), docs.end(), [](const Part &a, const Part &b) { return a.index < b.index; });
    for (size_t i = 0; i < docs.size(); ++i) {
        if (docs[i].index == static_cast<int>(i))
            continue;
        if (i > 0 && docs[i].index == docs[i - 1].index)
            return makeError(docs[i].path, QStringLiteral("shard %1 is given twice").arg(docs[i].index));
        return makeError(QString(), QStringLiteral("shard %1 of %2 is missing").arg(i).arg(count));
    }
    if (static_cast<int>(docs.size()) != count)
        return makeError(QString(), QStringLiteral("shard %1 of %2 is missing").arg(docs.size()).arg(count));

    QJsonObject header = docs.front().doc;
    header.remove(QStringLiteral("shard"));
    header.remove(QStringLiteral("spectra"));
    QJsonArray spectra;
    QHash<QString, qint64> entryOffset;  // per input: entries of the earlier shards
    for (const Part &p : docs) {
        QJsonObject h = p.doc;
        h.remove(QStringLiteral("shard"));
        h.remove(QStringLiteral("spectra"));
        if (h != header)
            return makeError(p.path, QStringLiteral("was written with another model or settings than %1").arg(docs.front().path));
        const QJsonArray rows = p.doc.value(QStringLiteral("spectra")).toArray();
        const QJsonArray inputs = p.doc.value(QStringLiteral("shard")).toObject().value(QStringLiteral("inputs")).toArray();
        qsizetype row = 0;
        for (const QJsonValue &v : inputs) {
            const QJsonObject in = v.toObject();
            const QString input = in.value(QStringLiteral("path")).toString();
            const qint64 n = in.value(QStringLiteral("rows")).toInteger(), offset = entryOffset.value(input);
            if (n < 0 || row + n > rows.size())
                return makeError(p.path, QStringLiteral("its shard record lists more rows than it holds"));
            for (qint64 k = 0; k < n; ++k, ++row) {
                QJsonObject r = rows[row].toObject();
                if (r.contains(QStringLiteral("entryIndex")))
                    r[QStringLiteral("entryIndex")] = r.value(QStringLiteral("entryIndex")).toInteger() + offset;
                spectra.append(r);
            }
            entryOffset[input] = offset + in.value(QStringLiteral("entries")).toInteger();
        }
        if (row != rows.size())
            return makeError(p.path, QStringLiteral("holds rows its shard record does not list"));
    }
    header[QStringLiteral("spectra")] = spectra;
    return QJsonDocument(header).toJson(QJsonDocument::Indented);
}

// Spectrum files of several spectra (the Photopeak HDF5 library): read in the order given, written as one.
Status mergeSpectra(const QStringList &parts, const QString &output, int *count)
{
    std::vector<Spectrum> all;
    for (const QString &path : parts) {
        auto read = ReaderRegistry::instance().read(path);
        if (!read)
            return read.error();
        for (Spectrum &s : *read)
            all.push_back(std::move(s));
    }
    *count = static_cast<int>(all.size());
    return ReaderRegistry::instance().write(output, all);
}
} // namespace

int runMerge(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("The merged output; its suffix (.csv, .json, .h5) names the kind."),
                                    QStringLiteral("file"));
    parser.addOptions({output, forceOutputOption()});
    parser.addPositionalArgument(QStringLiteral("parts"), QStringLiteral("Shard outputs, in shard order for CSV and HDF5 "
                                                                         "(JSON reports carry their shard number)."));
    if (const int rc = parseCommandLine(parser, args,
                                        QStringLiteral("Join the outputs of the shards of one batch (--shard I/N) into the "
                                                       "output a single run writes: CSV tables (classify -o, hits features, "
                                                       "images find -o), classify JSON reports, HDF5 spectrum libraries "
                                                       "(convert). The parts are never changed.\n"
                                                       "Example: photopeak-cli merge -o all.csv part-000.csv part-001.csv"));
        rc >= 0)
        return rc;
    const QStringList parts = parser.positionalArguments();
    const QString out = parser.value(output);
    if (out.isEmpty() || parts.isEmpty()) {
        cliErr() << "photopeak-cli merge: give -o OUTPUT and the shard outputs (see --help)\n";
        return 2;
    }
    const QString suffix = QFileInfo(out).suffix().toLower();
    for (const QString &p : parts) {
        if (!QFileInfo(p).isFile()) {
            cliErr() << "photopeak-cli merge: " << p << ": no such file\n";
            return 1;
        }
        if (QFileInfo(p).suffix().toLower() != suffix) {
            cliErr() << "photopeak-cli merge: " << p << ": not a ." << suffix << " file like the output\n";
            return 2;
        }
    }
    const QString kind = suffix == QLatin1String("csv")    ? OutputKind::table()
                         : suffix == QLatin1String("json") ? OutputKind::report()
                                                           : OutputKind::spectra();
    if (suffix != QLatin1String("csv") && suffix != QLatin1String("json") && !ReaderRegistry::instance().writerFor(out)) {
        cliErr() << "photopeak-cli merge: " << out << ": merges .csv, .json and spectrum files with a writer ("
                 << ReaderRegistry::instance().writableSuffixes().join(QStringLiteral(", ")) << ")\n";
        return 2;
    }
    if (const int refused = checkOutputs(kCommand, OutputGuard(parts, parser.isSet(QStringLiteral("force"))), {{out, kind}});
        refused >= 0)
        return refused;

    if (suffix == QLatin1String("csv") || suffix == QLatin1String("json")) {
        auto merged = suffix == QLatin1String("csv") ? mergeCsv(parts) : mergeJson(parts);
        if (!merged) {
            cliErr() << "photopeak-cli merge: " << merged.error().toString() << "\n";
            return 1;
        }
        if (const Status st = writeFileAtomically(out, *merged, kind); !st) {
            cliErr() << "photopeak-cli merge: " << st.error().toString() << "\n";
            return 1;
        }
        cliErr() << "merged " << parts.size() << " parts into " << out << "\n";
        return 0;
    }
    int count = 0;
    if (const Status st = mergeSpectra(parts, out, &count); !st) {
        cliErr() << "photopeak-cli merge: " << st.error().toString() << "\n";
        return 1;
    }
    cliErr() << "merged " << parts.size() << " parts (" << count << " spectra) into " << out << "\n";
    return 0;
}
