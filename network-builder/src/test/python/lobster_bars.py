#!/usr/bin/env python3
"""Bars of microstructure features from a LOBSTER sample day (numpy only), for trying
`eimas granger` and `eimas var` on real data.

Usage: lobster_bars.py MESSAGE_CSV ORDERBOOK_CSV OUT_CSV [BAR_SECONDS] [DATE]

Columns: ts (bar start, epoch ns UTC; LOBSTER times are New York time, EDT = UTC-4 on the sample day),
  ofi              sum of level-1 order flow imbalance increments in the bar (Cont, Kukanov & Stoikov 2014, eq. 10)
  ret_mid_bps      log change of the mid price from the previous bar's close to this bar's close, in bp
  spread_bps       closing quoted spread / mid, in bp
  depth_imbalance  closing (bid depth - ask depth) / (bid depth + ask depth) over the file's levels
  signed_volume    buyer- minus seller-initiated executed shares (types 4 and 5; a sell limit order's
                   execution is a buyer-initiated trade)
Bars without events are left out.
"""
import sys
from datetime import date, datetime, timezone

import numpy as np

msg_path, book_path, out_path = sys.argv[1:4]
bar = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
day = date.fromisoformat(sys.argv[5]) if len(sys.argv) > 5 else date(2012, 6, 21)
msg = np.loadtxt(msg_path, delimiter=",")
book = np.loadtxt(book_path, delimiter=",")
levels = book.shape[1] // 4
t = msg[:, 0]
typ = msg[:, 1].astype(int)
size = msg[:, 3]
direction = msg[:, 5]
ask_px = book[:, 0] / 1e4
ask_sz = book[:, 1]
bid_px = book[:, 2] / 1e4
bid_sz = book[:, 3]
# OFI increments (row 0 has no predecessor)
e = np.zeros(len(t))
e[1:] = ((bid_px[1:] >= bid_px[:-1]) * bid_sz[1:] - (bid_px[1:] <= bid_px[:-1]) * bid_sz[:-1]
         - (ask_px[1:] <= ask_px[:-1]) * ask_sz[1:] + (ask_px[1:] >= ask_px[:-1]) * ask_sz[:-1])
mid = (ask_px + bid_px) / 2
spread_bps = (ask_px - bid_px) / mid * 1e4
bid_depth = book[:, 3::4][:, :levels].sum(axis=1)
ask_depth = book[:, 1::4][:, :levels].sum(axis=1)
depth_imb = (bid_depth - ask_depth) / (bid_depth + ask_depth)
signed = np.where(np.isin(typ, [4, 5]), -direction * size, 0.0)
b = np.floor(t / bar).astype(np.int64)
midnight = int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()) + 4 * 3600
keys, first = np.unique(b, return_index=True)
last = np.r_[first[1:] - 1, len(t) - 1]
ofi = np.add.reduceat(e, first)
sv = np.add.reduceat(signed, first)
close_mid = mid[last]
ret = np.r_[np.nan, np.diff(np.log(close_mid)) * 1e4]
with open(out_path, "w") as f:
    f.write("ts,ofi,ret_mid_bps,spread_bps,depth_imbalance,signed_volume\n")
    for i in range(1, len(keys)):
        ts = (midnight + int(keys[i] * bar)) * 10**9 if bar == int(bar) else int((midnight + keys[i] * bar) * 1e9)
        f.write("%d,%.1f,%.6f,%.6f,%.6f,%.1f\n" % (ts, ofi[i], ret[i], spread_bps[last[i]], depth_imb[last[i]], sv[i]))
print("wrote %d bars of %g s from %d events (%d levels)" % (len(keys) - 1, bar, len(t), levels))
