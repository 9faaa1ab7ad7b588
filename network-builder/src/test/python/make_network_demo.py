#!/usr/bin/env python3
"""Writes a SYNTHETIC micro/macro pair for trying `eimas network` (numpy only).

Usage: make_network_demo.py OUT_DIR [DAYS]

micro.csv: 1-minute rows 14:30-20:59 UTC on DAYS weekdays, columns
  ts (epoch ns), ofi, vpin, spread_bps, depth_imbalance, ret_spy_5min
  built so that: the 5-minute return follows the previous bar's OFI, the spread loads 20 on the same
  minute's VPIN (AR(1), 0.9 per minute, nudged by the previous day's d_VIX), depth_imbalance and
  dgs10_change are noise. ret_spy_5min holds 1-minute log returns (a flow: the
  merge sums them into the 5-minute return).
macro.csv: one row per calendar day (00:00 UTC of the date), columns ts, d_VIX, dgs10_change.
"""
import os
import sys

import numpy as np

out = sys.argv[1]
days = int(sys.argv[2]) if len(sys.argv) > 2 else 20
rng = np.random.default_rng(20261125)
os.makedirs(out, exist_ok=True)
DAY = 86_400 * 10**9
MIN = 60 * 10**9
start_day = 19_723  # 2024-01-01 (a Monday) as days since the epoch
trading = [d for d in range(start_day, start_day + days * 7 // 5 + 3) if (d - start_day) % 7 < 5][:days]
d_vix = {}
for d in range(start_day - 1, trading[-1] + 1):
    d_vix[d] = rng.normal(0, 1.2)
rows = []
vpin = 0.3
prev_bar_ofi = 0.0
bar_ofi = 0.0
for d in trading:
    for m in range(390):
        ts = d * DAY + (14 * 60 + 30 + m) * MIN
        if m % 5 == 0:
            prev_bar_ofi, bar_ofi = bar_ofi, 0.0
        ofi = rng.normal(0, 400)
        bar_ofi += ofi
        # yesterday's VIX change raises toxicity a little
        vpin = 0.3 + 0.9 * (vpin - 0.3) + 0.01 * rng.normal() + 0.001 * d_vix[d - 1]
        spread = 1.5 + 20 * (vpin - 0.3) + 0.2 * rng.normal()
        depth = rng.normal()
        ret = 2e-5 * rng.normal() + (3e-8 * prev_bar_ofi if m % 5 == 0 else 0.0)
        rows.append((ts, ofi, vpin, spread, depth, ret))
with open(os.path.join(out, "micro.csv"), "w") as f:
    f.write("ts,ofi,vpin,spread_bps,depth_imbalance,ret_spy_5min\n")
    for r in rows:
        f.write("%d,%.6f,%.8f,%.6f,%.6f,%.10g\n" % r)
with open(os.path.join(out, "macro.csv"), "w") as f:
    f.write("ts,d_VIX,dgs10_change\n")
    for d in sorted(d_vix):
        f.write("%d,%.4f,%.4f\n" % (d * DAY, d_vix[d], rng.normal(0, 0.05)))
print("wrote %d micro rows on %d days and %d macro rows to %s" % (len(rows), len(trading), len(d_vix), out))
