// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark and quality check of the event-table workflow (issue 18), with the sklearn reference of the old
// pipeline (tests/bench/reference/tables_reference.py) run in the same invocation.
//  quality: the real KM3NeT sample (/reco/gandalf joined with the first /mc_tracks row per event), label =
//           reconstruction within 10 degrees of the true direction, 82 features, balanced by class,
//           quantile-normal, 5-fold CV ROC AUC and confusion matrix for each learner vs the reference.
//  speed:   a synthetic 2 M-row pandas "table" frame with 32 features (same kind of columns), written by
//           TableFileWriter and read by pandas too: read + normalise + predict single-threaded (= per core)
//           against pandas.read_hdf + QuantileTransformer + LinearSVC.predict; linear training on 1 M rows.
// Usage: photopeak-bench-tables [--no-reference] [--skip-quality] [--skip-speed] [--rows N] [--keep] [--skip-linear-svm]

#include "ReferenceRunner.h"

#include "tables/EventTraining.h"
#include "tables/TableCatalog.h"
#include "tables/TableFileWriter.h"
#include "tables/TableReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cmath>
#include <ctime>
#include <random>

using namespace photopeak;

namespace {
const QString kReference = QStringLiteral(PHOTOPEAK_BENCH_DIR "/reference/tables_reference.py");
const QString kQualityLabel = QStringLiteral("dir_x*mc_tracks.dir_x + dir_y*mc_tracks.dir_y + dir_z*mc_tracks.dir_z > cos(10*pi/180)");

const QStringList kSyntheticFeatures = {
    QStringLiteral("beta0"), QStringLiteral("beta1"), QStringLiteral("chi2"), QStringLiteral("dir_x"), QStringLiteral("dir_y"),
    QStringLiteral("dir_z"), QStringLiteral("jenergy_chi2"), QStringLiteral("jenergy_energy"), QStringLiteral("jstart_length"),
    QStringLiteral("jstart_npe_mip"), QStringLiteral("jstart_npe_mip_total"), QStringLiteral("lambda"), QStringLiteral("n_hits"),
    QStringLiteral("n_iter"), QStringLiteral("pos_x"), QStringLiteral("pos_y"), QStringLiteral("pos_z"),
    QStringLiteral("spread_beta0_iqr"), QStringLiteral("spread_beta0_mad"), QStringLiteral("spread_beta0_mean"),
    QStringLiteral("spread_chi2_iqr"), QStringLiteral("spread_chi2_mad"), QStringLiteral("spread_chi2_mean"),
    QStringLiteral("spread_dir_z_iqr"), QStringLiteral("spread_dir_z_mad"), QStringLiteral("spread_dir_z_mean"),
    QStringLiteral("spread_n_hits_iqr"), QStringLiteral("spread_n_hits_mad"), QStringLiteral("spread_n_hits_mean"),
    QStringLiteral("spread_pos_z_iqr"), QStringLiteral("upgoing_vs_downgoing"), QStringLiteral("time")};

// CPU seconds of this process: the timed paths run on one thread, and the shared build machine's load
// would inflate wall-clock times (the reference measures the same way, time.process_time()).
template <typename F>
double cpuSeconds(int runs, F &&body)
{
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const std::clock_t c0 = std::clock();
        body();
        t.push_back(double(std::clock() - c0) / CLOCKS_PER_SEC);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

double num(const QMap<QString, QString> &m, const QString &key) { return m.value(key, QStringLiteral("nan")).toDouble(); }

// event_id, type (+-12, +-14), is_cc and 32 features whose means depend on track (numu CC) or shower;
// 0.1 % of the chi2 values missing (NaN) as from failed fits.
EventTable synthetic(qint64 rows)
{
    std::mt19937_64 rng(18);
    std::normal_distribution<double> g;
    std::uniform_int_distribution<int> kind(0, 3);
    std::vector<double> id(static_cast<size_t>(rows)), type(id.size()), cc(id.size());
    std::vector<std::vector<double>> f(static_cast<size_t>(kSyntheticFeatures.size()), std::vector<double>(id.size()));
    for (size_t r = 0; r < id.size(); ++r) {
        const int k = kind(rng);
        id[r] = double(r);
        type[r] = k == 0 ? 14 : k == 1 ? -14 : k == 2 ? 12 : -12;
        cc[r] = (r % 5) ? 1 : 0;
        const double track = (std::abs(type[r]) == 14 && cc[r] == 1) ? 1.0 : 0.0;
        for (size_t j = 0; j < f.size(); ++j) {
            const double shift = (j % 3 == 0 ? 0.6 : j % 3 == 1 ? 0.2 : 0.0) * track;
            const double v = shift + g(rng);
            f[j][r] = j % 4 == 0 ? std::exp(v) : v;  // some log-normal columns for the quantile transform
        }
        if (r % 1000 == 7)
            f[2][r] = std::nan("");
    }
    EventTable t;
    t.addColumn(ColumnInfo(QStringLiteral("event_id"), ColumnType::Integer), std::move(id));
    t.addColumn(ColumnInfo(QStringLiteral("type"), ColumnType::Integer), std::move(type));
    t.addColumn(ColumnInfo(QStringLiteral("is_cc"), ColumnType::Integer), std::move(cc));
    for (size_t j = 0; j < f.size(); ++j)
        t.addColumn(ColumnInfo(kSyntheticFeatures[static_cast<qsizetype>(j)], ColumnType::Float), std::move(f[j]));
    return t;
}

void quality(QTextStream &out, bool reference)
{
    const QString file = QStringLiteral(PHOTOPEAK_SHARED_DATA "/events/km3net/basic_analysis_sample.h5");
    auto gandalf = TableCatalog::find(file, QStringLiteral("/reco/gandalf"));
    if (!gandalf) {
        out << "quality: " << gandalf.error().toString() << "\n";
        return;
    }
    QStringList features = gandalf->columnNames();
    features.removeAll(QStringLiteral("event_id"));
    out << "== quality: KM3NeT basic_analysis_sample.h5, label " << kQualityLabel << "\n"
        << "   /reco/gandalf + first /mc_tracks row per event, " << features.size() << " features, balanced by class, "
        << "quantile-normal, 5-fold CV (out-of-fold)\n\n";
    QMap<QString, QString> ref;
    if (reference)
        ref = bench::runReference(kReference, {QStringLiteral("quality"), file});
    out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("pipeline"), -44).arg(QStringLiteral("rows"), 6)
               .arg(QStringLiteral("CV AUC"), 8).arg(QStringLiteral("accuracy"), 9).arg(QStringLiteral("bal.acc"), 8).arg(QStringLiteral("seconds"), 8);
    QString linearConfusion;
    for (LearnerMethod m : {LearnerMethod::LinearSvm, LearnerMethod::Logistic, LearnerMethod::RbfSvm, LearnerMethod::RandomForest}) {
        EventTrainingSpec spec;
        spec.file = file;
        spec.query.table = QStringLiteral("/reco/gandalf");
        spec.query.joins = {QStringLiteral("/mc_tracks")};
        spec.features = features;
        spec.label = kQualityLabel;
        spec.positiveName = QStringLiteral("good");
        spec.negativeName = QStringLiteral("poor");
        spec.method = m;
        spec.testFraction = 0.0;
        spec.permutationRepeats = 0;
        QElapsedTimer timer;
        timer.start();
        auto r = EventTraining::run(spec);
        if (!r) {
            out << BinaryLearner::methodName(m) << ": " << r.error().toString() << "\n";
            continue;
        }
        const EventEvaluation &cv = r->crossValidation;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("photopeak %1 (grouped-CV grid, calibrated)").arg(BinaryLearner::methodName(m)), -44)
                   .arg(cv.events(), 6).arg(cv.auc(), 8, 'f', 4).arg(cv.accuracy(), 9, 'f', 4).arg(cv.balancedAccuracy(), 8, 'f', 4)
                   .arg(timer.elapsed() / 1000.0, 8, 'f', 1);
        if (m == LearnerMethod::LinearSvm)
            linearConfusion = cv.toText(spec.negativeName, spec.positiveName);
    }
    if (!ref.isEmpty()) {
        const QStringList c = ref.value(QStringLiteral("confusion")).split(QLatin1Char(' '));
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("reference sklearn LinearSVC (fixed pipeline)"), -44)
                   .arg(ref.value(QStringLiteral("rows")).toInt(), 6).arg(num(ref, QStringLiteral("cv_auc")), 8, 'f', 4)
                   .arg(num(ref, QStringLiteral("cv_accuracy")), 9, 'f', 4).arg(QStringLiteral("-"), 8)
                   .arg(num(ref, QStringLiteral("cv_seconds")), 8, 'f', 1);
        if (c.size() == 4)
            out << "reference confusion (truth poor/good x called poor/good): " << c.join(QLatin1Char(' ')) << "\n";
    }
    out << "\nphotopeak linear-svm, out-of-fold confusion matrix:\n" << linearConfusion << "\n";
    out.flush();
}

void speed(QTextStream &out, bool reference, qint64 rows, bool keep, bool trainLinearSvm)
{
    QTemporaryDir dir;
    dir.setAutoRemove(!keep);
    const QString file = dir.filePath(QStringLiteral("synthetic_events.h5"));
    {
        QElapsedTimer t;
        t.start();
        const EventTable table = synthetic(rows);
        TableFileWriter w(file);
        if (Status ok = w.add(QStringLiteral("/events"), table, TableLayout::PandasTable); !ok || !w.commit()) {
            out << "speed: cannot write the synthetic table\n";
            return;
        }
        out << "== speed: synthetic pandas table frame " << file << " (" << rows << " rows, " << kSyntheticFeatures.size()
            << " features; written in " << QString::number(t.elapsed() / 1000.0, 'f', 1) << " s)\n";
    }
    out.flush();
    auto desc = TableCatalog::find(file, QStringLiteral("/events"));
    if (!desc) {
        out << desc.error().toString() << "\n";
        return;
    }
    // The model: trained on the first 100 000 rows (not timed), as the reference does.
    EventTrainingSpec spec;
    spec.features = kSyntheticFeatures;
    spec.search = false;
    spec.folds = 3;
    spec.testFraction = 0.0;
    spec.permutationRepeats = 0;
    QStringList headColumns = kSyntheticFeatures;
    headColumns << QStringLiteral("type") << QStringLiteral("is_cc");
    EventTable head;
    TableReader::readChunks(*desc, headColumns, {}, 100000, [&](const EventTable &chunk, qint64) {
        head = chunk;
        return false;
    });
    auto trained = EventTraining::run(spec, head, file);
    if (!trained) {
        out << trained.error().toString() << "\n";
        return;
    }
    const EventClassifier &model = trained->model;
    // Timed: read the feature columns chunk by chunk, normalise, predict (one thread).
    qint64 predicted = 0, positive = 0;
    const double readOnly = cpuSeconds(3, [&] {
        TableReader::readChunks(*desc, kSyntheticFeatures, {}, 0, [&](const EventTable &, qint64) { return true; });
    });
    QElapsedTimer wall;
    wall.start();
    const double pipeline = cpuSeconds(3, [&] {
        predicted = positive = 0;
        TableReader::readChunks(*desc, kSyntheticFeatures, {}, 0, [&](const EventTable &chunk, qint64) {
            auto p = model.predict(chunk, file);
            for (double v : *p)
                if (!std::isnan(v)) {
                    ++predicted;
                    positive += v >= model.threshold() ? 1 : 0;
                }
            return true;
        });
    });
    const double pipelineWall = wall.elapsed() / 3000.0;
    // The pipeline's figures first: training below can take long (the dlib linear SVM on 1 M rows).
    QMap<QString, QString> ref;
    if (reference)
        ref = bench::runReference(kReference, {QStringLiteral("speed"), file});
    const double refPipeline = num(ref, QStringLiteral("pipeline_seconds")), refRead = num(ref, QStringLiteral("read_seconds"));
    const double refTrain = num(ref, QStringLiteral("train_1m_seconds"));
    auto row = [&](const QString &what, double ours, double theirs) {
        out << QStringLiteral("%1 %2 %3 %4\n").arg(what, -52).arg(ours, 10, 'f', 3)
                   .arg(std::isnan(theirs) ? QStringLiteral("-") : QString::number(theirs, 'f', 3), 10)
                   .arg(std::isnan(theirs) ? QStringLiteral("-") : QString::number(theirs / ours, 'f', 1) + QLatin1Char('x'), 8);
    };
    out << "\n" << QStringLiteral("%1 %2 %3 %4\n").arg(QStringLiteral("one thread, CPU seconds (median of 3)"), -52)
                          .arg(QStringLiteral("photopeak"), 10).arg(QStringLiteral("reference"), 10).arg(QStringLiteral("ratio"), 8);
    row(QStringLiteral("read the table (32 feature columns / pandas.read_hdf)"), readOnly, refRead);
    row(QStringLiteral("read + normalise + predict %1 rows").arg(rows), pipeline, refPipeline);
    out.flush();
    // Linear training on 1 M normalised rows.
    const qint64 trainRows = std::min<qint64>(rows, 1000000);
    FeatureMatrix x;
    std::vector<int> y;
    {
        auto table = TableReader::read(*desc, headColumns);
        EventTable first = table->selectRows([&] {
            std::vector<qint64> r;
            for (qint64 i = 0; i < table->rowCount() && static_cast<qint64>(r.size()) < trainRows; ++i)
                if (!std::isnan(table->value(2, i)))
                    r.push_back(i);
            return r;
        }());
        x = *model.rawFeatures(first, file);
        model.normalizer().apply(x);
        const int t = first.indexOf(QStringLiteral("type")), c = first.indexOf(QStringLiteral("is_cc"));
        for (qint64 i = 0; i < first.rowCount(); ++i)
            y.push_back(std::abs(first.value(t, i)) == 14 && first.value(c, i) == 1 ? 1 : 0);
    }
    LearnerParams params;
    params.c = 1.0;
    // core/ml's linear SVM (dlib's dual coordinate descent on the squared hinge, as LinearSVC) and the logistic
    // regression (L-BFGS), both on every row.
    const int svmRows = x.rows;
    std::vector<int> svmIndex(static_cast<size_t>(svmRows));
    for (int i = 0; i < svmRows; ++i)
        svmIndex[static_cast<size_t>(i)] = i;
    Result<BinaryLearner> svm = makeError(QString(), QString());
    const double trainSvm = trainLinearSvm ? cpuSeconds(1, [&] { svm = BinaryLearner::train(LearnerMethod::LinearSvm, params, x, y, svmIndex); })
                                           : 0.0;
    Result<BinaryLearner> logistic = makeError(QString(), QString());
    const double trainLogistic = cpuSeconds(1, [&] { logistic = BinaryLearner::train(LearnerMethod::Logistic, params, x, y); });
    x = FeatureMatrix();

    row(QStringLiteral("linear training on %1 rows (logistic L-BFGS / liblinear SVM)").arg(y.size()), trainLogistic, refTrain);
    if (trainLinearSvm)
        row(QStringLiteral("linear SVM training on %1 rows (dlib DCD, squared hinge)").arg(svmRows), trainSvm, refTrain);
    out << "rows predicted " << predicted << " (" << (rows - predicted) << " with a missing feature), called track " << positive
        << "; reference predicted " << ref.value(QStringLiteral("rows"), QStringLiteral("-")) << ", track "
        << ref.value(QStringLiteral("positives_predicted"), QStringLiteral("-")) << "\n";
    out << "throughput " << QString::number(rows / pipeline / 1e6, 'f', 2) << " M events/s per core; wall-clock "
        << QString::number(pipelineWall, 'f', 3) << " s vs the reference's " << ref.value(QStringLiteral("pipeline_wall_seconds"), QStringLiteral("-"))
        << " s (machine load included)\n";
    if ((trainLinearSvm && !svm) || !logistic)
        out << "training failed: " << (trainLinearSvm && !svm ? svm.error().toString() : logistic.error().toString()) << "\n";
    out.flush();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const bool reference = !bench::hasFlag(argc, argv, "--no-reference");
    qint64 rows = 2000000;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--rows") == 0)
            rows = QByteArray(argv[i + 1]).toLongLong();
    if (!bench::hasFlag(argc, argv, "--skip-quality"))
        quality(out, reference);
    if (!bench::hasFlag(argc, argv, "--skip-speed"))
        speed(out, reference, rows, bench::hasFlag(argc, argv, "--keep"), !bench::hasFlag(argc, argv, "--skip-linear-svm"));
    return 0;
}
