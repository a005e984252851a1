# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2024-2026 The Photopeak developers
# Writes pandas_tables.h5 with pandas itself (1.5.3, PyTables 3.7.0, Debian bookworm), for tst_tablereader:
# the same small frame once per pandas layout, so the reader is checked against files pandas made, not only
# against Photopeak's own writer. Run: python3 make_pandas_tables.py
import os
import subprocess

import numpy as np
import pandas as pd

frame = pd.DataFrame({
    "event_id": np.array([10, 11, 12, 13, 14], dtype=np.int64),
    "energy": np.array([1.5, 1e20, np.nan, 4.25, 5.0], dtype=np.float64),
    "lambda": np.array([0.5, 0.25, -1.0, 2.0, 8.0], dtype=np.float32),
    "is_cc": np.array([True, False, True, True, False]),
    "type": np.array([14, -14, 12, -12, 14], dtype=np.int32),
})
with_text = frame.assign(flavour=["mu", "mu", "e", "tau", "mu"])
# Written to a scratch file, then repacked with small chunks (PyTables' own ptrepack) to stay ~50 kB.
with pd.HDFStore("pandas_tables.tmp.h5", mode="w") as store:
    store.put("fixed", frame, format="fixed")
    store.append("table", frame, expectedrows=5, index=False)
    store.append("indexed", frame, data_columns=["energy", "type"], expectedrows=5, index=False)
    store.append("text_table", with_text, expectedrows=5, index=False)
    store.put("text_fixed", with_text, format="fixed")
subprocess.run(["ptrepack", "-o", "--chunkshape=(8,)", "pandas_tables.tmp.h5", "pandas_tables.h5"], check=True)
os.remove("pandas_tables.tmp.h5")
