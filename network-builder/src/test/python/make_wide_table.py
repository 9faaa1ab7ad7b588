#!/usr/bin/env python3
"""Writes a SYNTHETIC table of K AR(1) series x N rows with a chain of lag-1 links v{i-1} -> v{i},
for timing `eimas granger --matrix`. Usage: make_wide_table.py OUT_CSV [K] [N]"""
import sys

import numpy as np

out = sys.argv[1]
k = int(sys.argv[2]) if len(sys.argv) > 2 else 20
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
rng = np.random.default_rng(7)
e = rng.normal(size=(n, k))
y = np.zeros((n, k))
for t in range(1, n):
    y[t] = 0.5 * y[t - 1] + e[t]
    y[t, 1:] += 0.2 * y[t - 1, :-1]
y *= 10.0 ** (np.arange(k) % 11 - 4)  # scales 1e-4 .. 1e6
ts = 1_700_000_000_000_000_000 + np.arange(n, dtype=np.int64) * 300_000_000_000
with open(out, "w") as f:
    f.write("ts," + ",".join("v%d" % i for i in range(k)) + "\n")
    for t in range(n):
        f.write("%d," % ts[t] + ",".join("%.10g" % v for v in y[t]) + "\n")
print("wrote %d x %d to %s" % (n, k, out))
