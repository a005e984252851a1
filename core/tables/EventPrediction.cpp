// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventPrediction.h"

#include "io/AtomicFile.h"
#include "tables/TableCatalog.h"
#include "tables/TableExpression.h"
#include "tables/TableFileWriter.h"
#include "tables/TableReader.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>

#include <cmath>

namespace photopeak {

QString EventPrediction::defaultOutput(const QString &input, bool hdf5)
{
    const QFileInfo info(input);
    return info.absoluteDir().filePath(info.completeBaseName() + (hdf5 ? QStringLiteral(".predictions.h5")
                                                                       : QStringLiteral(".predictions.csv")));
}

namespace {
// Appends one chunk's prediction rows to the output columns or CSV text.
struct Sink {
    Sink(const EventClassifier &m, QString in, QStringList k) : model(m), input(std::move(in)), keys(std::move(k)) {}
    const EventClassifier &model;
    QString input;
    QStringList keys;
    QFile *csv = nullptr;
    std::vector<std::vector<double>> columns;  // row, keys..., probability, class
    EventPrediction::Summary summary;
    bool headerWritten = false;

    Status add(const EventTable &chunk, qint64 firstRow)
    {
        auto p = model.predict(chunk, input);
        if (!p)
            return p.error();
        std::vector<int> keyCols;
        for (const QString &k : keys)
            keyCols.push_back(chunk.indexOf(k));
        if (csv && !headerWritten) {
            QStringList header{QStringLiteral("row")};
            header += keys;
            header << QStringLiteral("probability_%1").arg(model.definition().positiveName) << model.definition().positiveName;
            csv->write(header.join(QLatin1Char(',')).toUtf8() + '\n');
            headerWritten = true;
        }
        if (columns.empty())
            columns.resize(keys.size() + 3);
        QByteArray text;
        for (qint64 r = 0; r < chunk.rowCount(); ++r) {
            const double prob = (*p)[static_cast<size_t>(r)];
            const bool has = !std::isnan(prob);
            const bool positive = has && prob >= model.threshold();
            ++summary.rows;
            summary.predicted += has ? 1 : 0;
            summary.positive += positive ? 1 : 0;
            if (csv) {
                text += QByteArray::number(firstRow + r);
                for (int c : keyCols)
                    text += ',' + chunk.text(c, r).toUtf8();
                text += ',' + (has ? QByteArray::number(prob, 'g', 10) : QByteArray()) + ',' + (has ? (positive ? "1" : "0") : "");
                text += '\n';
            } else {
                size_t k = 0;
                columns[k++].push_back(double(firstRow + r));
                for (int c : keyCols)
                    columns[k++].push_back(chunk.value(c, r));
                columns[k++].push_back(prob);
                columns[k++].push_back(positive ? 1.0 : 0.0);
            }
        }
        if (csv && csv->write(text) != text.size())
            return makeError(csv->fileName(), QStringLiteral("write failed: %1").arg(csv->errorString()));
        return Ok{};
    }
};

bool samePath(const QString &a, const QString &b)
{
    const QFileInfo fa(a), fb(b);
    return fa.absoluteFilePath() == fb.absoluteFilePath()
        || (!fa.canonicalFilePath().isEmpty() && fa.canonicalFilePath() == fb.canonicalFilePath());
}
} // namespace

Result<EventPrediction::Summary> EventPrediction::run(const EventClassifier &model, const TableQuery &query,
                                                      const QString &input, const QString &outputIn, const JobControl *job)
{
    const QString output = outputIn.isEmpty() ? defaultOutput(input, false) : outputIn;
    if (samePath(input, output))
        return makeError(output, QStringLiteral("is the input file; predictions are written into a new file"));
    const bool hdf5 = output.endsWith(QLatin1String(".h5"), Qt::CaseInsensitive) || output.endsWith(QLatin1String(".hdf5"), Qt::CaseInsensitive);
    auto main = TableCatalog::find(input, query.table);
    if (!main)
        return main.error();
    QStringList keys;
    for (const QString &k : query.keys)
        if (main->indexOf(k) >= 0)
            keys << k;
    Sink sink(model, input, keys);
    // CSV rows are streamed into a temporary sibling, renamed into place (and recorded) by commitTemporary.
    QFile csvFile(hdf5 ? QString() : temporarySibling(output));
    struct RemoveUnlessCommitted {
        QFile &file;
        bool committed = false;
        ~RemoveUnlessCommitted()
        {
            if (!committed && !file.fileName().isEmpty())
                file.remove();
        }
    } csvCleanup{csvFile};
    if (!hdf5) {
        if (!csvFile.open(QIODevice::WriteOnly))
            return makeError(output, QStringLiteral("cannot be written: %1").arg(csvFile.errorString()));
        sink.csv = &csvFile;
    }
    QStringList columns = model.features();
    for (const QString &k : keys)
        if (!columns.contains(k))
            columns << k;
    Status status = Ok{};
    if (query.joins.isEmpty()) {
        // Refuse a table without the model's columns before reading anything.
        QStringList missing;
        for (const QString &f : model.features())
            if (main->indexOf(f) < 0)
                missing << f;
        if (!missing.isEmpty()) {
            EventTable header;
            for (const ColumnInfo &c : main->columns)
                header.addColumn(c, std::vector<double>());
            if (Status ok = model.checkColumns(header, input); !ok)
                return ok.error();
        }
        Status sinkStatus = Ok{};
        status = TableReader::readChunks(*main, columns, query.missing, 0, [&](const EventTable &chunk, qint64 first) {
            sinkStatus = sink.add(chunk, first);
            return bool(sinkStatus);
        }, job);
        if (status && !sinkStatus)
            status = sinkStatus;
    } else {
        auto table = query.read(input, columns, nullptr, job);
        if (!table)
            return table.error();
        status = sink.add(*table, 0);
    }
    if (!status)
        return status.error();
    if (hdf5) {
        EventTable out;
        size_t k = 0;
        out.addColumn(ColumnInfo{QStringLiteral("row"), ColumnType::Integer}, std::move(sink.columns.empty() ? std::vector<double>{} : sink.columns[k++]));
        for (const QString &key : keys)
            out.addColumn(ColumnInfo{key, ColumnType::Integer}, std::move(sink.columns[k++]));
        if (!sink.columns.empty()) {
            out.addColumn(ColumnInfo{QStringLiteral("probability_%1").arg(model.definition().positiveName), ColumnType::Float}, std::move(sink.columns[k++]));
            out.addColumn(ColumnInfo{model.definition().positiveName, ColumnType::Boolean}, std::move(sink.columns[k++]));
        }
        TableFileWriter writer(output);
        if (Status ok = writer.add(QStringLiteral("/predictions"), out, TableLayout::PyTablesTable); !ok)
            return ok.error();
        if (Status ok = writer.commit(OutputKind::table()); !ok)
            return ok.error();
    } else {
        const bool flushed = csvFile.flush();
        csvFile.close();
        if (!flushed || csvFile.error() != QFileDevice::NoError)
            return makeError(output, QStringLiteral("cannot be saved: %1").arg(csvFile.errorString()));
        csvCleanup.committed = true;
        if (Status ok = commitTemporary(csvFile.fileName(), output, OutputKind::table()); !ok)
            return ok.error();
    }
    sink.summary.output = output;
    return sink.summary;
}

Result<EventEvaluation> EventPrediction::evaluate(const EventClassifier &model, const TableQuery &query, const QString &input,
                                                  const QString &labelText, const QString &weightColumn, QStringList *notes,
                                                  const JobControl *job)
{
    auto label = TableExpression::parse(labelText.isEmpty() ? model.definition().label : labelText);
    if (!label)
        return label.error();
    std::optional<TableExpression> filter;
    if (!model.definition().filter.isEmpty()) {
        auto f = TableExpression::parse(model.definition().filter);
        if (!f)
            return f.error();
        filter = *f;
    }
    QStringList columns = model.features();
    auto add = [&](const QStringList &more) {
        for (const QString &c : more)
            if (!c.isEmpty() && !columns.contains(c))
                columns << c;
    };
    add(label->columns());
    if (filter)
        add(filter->columns());
    add({weightColumn});
    auto table = query.read(input, columns, notes, job);
    if (!table)
        return table.error();
    auto p = model.predict(*table, input);
    if (!p)
        return p.error();
    auto y = label->evaluate(*table);
    if (!y)
        return makeError(input, y.error().toString());
    std::vector<double> keep(static_cast<size_t>(table->rowCount()), 1.0);
    if (filter) {
        auto k = filter->evaluate(*table);
        if (!k)
            return makeError(input, k.error().toString());
        keep = *k;
    }
    const int wc = weightColumn.isEmpty() ? -1 : table->indexOf(weightColumn);
    std::vector<int> truth;
    std::vector<double> prob, weights;
    for (qint64 r = 0; r < table->rowCount(); ++r) {
        const double k = keep[static_cast<size_t>(r)], l = (*y)[static_cast<size_t>(r)];
        if (std::isnan(k) || k == 0.0 || std::isnan(l))
            continue;
        truth.push_back(l != 0.0 ? 1 : 0);
        prob.push_back((*p)[static_cast<size_t>(r)]);
        if (wc >= 0)
            weights.push_back(table->value(wc, r));
    }
    if (notes)
        notes->append(QStringLiteral("%1 of %2 rows evaluated (filter: %3)").arg(truth.size()).arg(table->rowCount())
                          .arg(filter ? filter->text() : QStringLiteral("none")));
    return EventEvaluation::compute(truth, prob, weights, model.threshold());
}

} // namespace photopeak
