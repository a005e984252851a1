#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
"""Reference of the old event-table pipeline (pandas + scikit-learn), with its bugs fixed, for
photopeak-bench-tables. The old script: pandas.read_hdf of one table, 32 chosen features, dropna, balancing by
truncating every (particle, is_cc) group to min + 1 rows, quantile-to-normal of all features, a 25 % split per
group without a seed, LinearSVC / polynomial SVC / random forest, accuracy only. Fixed here: exact balancing
to the smallest group with a seed, seeded splits, the transformer fitted inside the folds, ROC AUC.

  quality FILE   KM3NeT sample: /reco/gandalf joined with the first /mc_tracks row per event; label =
                 reconstruction within 10 degrees of the true direction; 5-fold stratified CV ROC AUC.
  speed FILE     2 M-row pandas "table" frame written by the bench: read + quantile-normal + LinearSVC
                 predict (model fitted on the first 100 000 rows), and LinearSVC training on 1 M rows.
Runs on one core (BLAS/OpenMP threads pinned to 1) so the comparison is per core.
"""
import os
import sys

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import time  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.model_selection import StratifiedKFold, cross_val_predict  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import QuantileTransformer  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402
from sklearn.metrics import confusion_matrix, roc_auc_score  # noqa: E402

SEED = 20221
QUALITY_LABEL = "cos_angle > cos(10 deg)"


def balance(df, groups, seed):
    """Every group truncated to exactly the smallest group's size (the old script kept min + 1)."""
    smallest = df.groupby(groups).size().min()
    return df.groupby(groups, group_keys=False).apply(lambda g: g.sample(n=smallest, random_state=seed)).sort_index()


def quality(path):
    import tables
    with tables.open_file(path) as f:
        reco = pd.DataFrame(f.root.reco.gandalf.read())
        mc = pd.DataFrame(f.root.mc_tracks.read())
    first = mc.drop_duplicates("event_id", keep="first")[["event_id", "dir_x", "dir_y", "dir_z"]]
    first = first.rename(columns={c: "mc_" + c for c in ("dir_x", "dir_y", "dir_z")})
    df = reco.merge(first, on="event_id", how="inner")
    cos_angle = df.dir_x * df.mc_dir_x + df.dir_y * df.mc_dir_y + df.dir_z * df.mc_dir_z
    df["label"] = (cos_angle > np.cos(np.radians(10.0))).astype(int)
    features = [c for c in reco.columns if c != "event_id"]
    df = df.dropna(subset=features + ["label"])
    df = balance(df, "label", SEED)
    x, y = df[features].to_numpy(float), df["label"].to_numpy()
    model = make_pipeline(QuantileTransformer(output_distribution="normal", n_quantiles=1000, random_state=SEED),
                          LinearSVC(C=1.0, dual=False, random_state=SEED))
    t0 = time.process_time()
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    score = cross_val_predict(model, x, y, cv=folds, method="decision_function")
    seconds = time.process_time() - t0
    cm = confusion_matrix(y, (score > 0).astype(int))
    print("bench: tables-quality")
    print(f"rows: {len(y)}")
    print(f"features: {len(features)}")
    print(f"positives: {int(y.sum())}")
    print(f"cv_auc: {roc_auc_score(y, score):.6f}")
    print(f"cv_accuracy: {(cm[0, 0] + cm[1, 1]) / cm.sum():.6f}")
    print(f"confusion: {cm[0, 0]} {cm[0, 1]} {cm[1, 0]} {cm[1, 1]}")
    print(f"cv_seconds: {seconds:.3f}")


def speed(path):
    c0 = time.process_time()
    df = pd.read_hdf(path, "events")
    t_read = time.process_time() - c0
    features = [c for c in df.columns if c not in ("event_id", "type", "is_cc")]
    head = df.iloc[:100000].dropna(subset=features)
    head_label = ((head["type"].abs() == 14) & (head["is_cc"] == 1)).to_numpy().astype(int)
    qt = QuantileTransformer(output_distribution="normal", n_quantiles=1000, random_state=SEED).fit(head[features].to_numpy(float))
    svm = LinearSVC(C=1.0, dual=False, random_state=SEED).fit(qt.transform(head[features].to_numpy(float)), head_label)
    del df, head
    # The timed path: read, dropna, normalise, predict (CPU seconds of this single-threaded process).
    c0, w0 = time.process_time(), time.perf_counter()
    df = pd.read_hdf(path, "events").dropna(subset=features)
    x = qt.transform(df[features].to_numpy(float))
    predicted = svm.predict(x)
    t_pipeline, w_pipeline = time.process_time() - c0, time.perf_counter() - w0
    label = ((df["type"].abs() == 14) & (df["is_cc"] == 1)).to_numpy().astype(int)
    # Linear training on 1 M normalised rows.
    c0 = time.process_time()
    LinearSVC(C=1.0, dual=False, random_state=SEED).fit(x[:1000000], label[:1000000])
    t_train = time.process_time() - c0
    print("bench: tables-speed")
    print(f"rows: {len(df)}")
    print(f"features: {len(features)}")
    print(f"read_seconds: {t_read:.3f}")
    print(f"pipeline_seconds: {t_pipeline:.3f}")
    print(f"pipeline_wall_seconds: {w_pipeline:.3f}")
    print(f"train_1m_seconds: {t_train:.3f}")
    print(f"positives_predicted: {int(predicted.sum())}")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("quality", "speed"):
        sys.exit(__doc__)
    (quality if sys.argv[1] == "quality" else speed)(sys.argv[2])
