#!/usr/bin/env python3
"""numpy-only reference of `eimas vpin --classify tick` (share buckets), for timing and cross-checking.

usage: vpin_numpy.py TRADES.csv[.gz] BUCKET_SIZE N OUT.csv

pandas is not installed on this machine (and cannot be), so this is the numpy part of the
"pandas + numpy" comparison: np.loadtxt parses the file (numpy 2's C parser), then everything is
vectorized: tick rule with forward-filled zero ticks, buckets by searchsorted on cumulative volume
with pro-rata splits, VPIN by a rolling sum. Output: bucket,end_ts,buy,sell,vpin like the CLI.
"""
import gzip
import sys
import numpy as np


def main():
    path, vsize, n, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt") as f:
        header = f.readline().strip().split(",")
    assert header[:4] == ["ts", "symbol", "price", "size"], header
    with opener(path, "rt") as f:
        f.readline()
        arr = np.loadtxt(f, delimiter=",", usecols=(0, 2, 3),
                         dtype=[("ts", np.int64), ("price", np.float64), ("size", np.float64)])
    ts, price, size = arr["ts"], arr["price"], arr["size"]

    # tick rule on exact 1e-8 price units; zero ticks take the previous sign; first trade +1
    units = np.rint(price * 1e8).astype(np.int64)
    d = np.sign(np.diff(units))
    s = np.empty(len(units), dtype=np.int64)
    s[0] = 1
    s[1:] = d
    idx = np.where(s != 0, np.arange(len(s)), 0)
    np.maximum.accumulate(idx, out=idx)
    sign = s[idx]

    # buckets of exactly V shares (whole shares assumed, as in the generated data)
    vol = np.rint(size).astype(np.int64)
    cumv = np.cumsum(vol)
    buyv = np.where(sign > 0, vol, 0)
    cumb = np.cumsum(buyv)
    nb = int(cumv[-1] // vsize) if len(cumv) else 0
    bounds = np.arange(1, nb + 1, dtype=np.int64) * vsize
    j = np.searchsorted(cumv, bounds, side="left")          # trade that completes each bucket
    before_v = cumv[j] - vol[j]
    before_b = cumb[j] - buyv[j]
    cum_buy_at = before_b + (bounds - before_v) * (sign[j] > 0)  # buy volume up to each boundary
    buy = np.diff(np.concatenate(([0], cum_buy_at)))
    sell = vsize - buy
    imb = np.abs(buy - sell).astype(np.float64)
    cs = np.cumsum(np.concatenate(([0.0], imb)))
    vp = np.full(nb, np.nan)
    if nb >= n:
        vp[n - 1:] = (cs[n:] - cs[:-n]) / (n * vsize)
    with open(out, "w") as w:
        w.write("bucket,end_ts,buy,sell,vpin\n")
        for k in range(nb):
            v = "" if np.isnan(vp[k]) else repr(float(vp[k]))
            w.write(f"{k + 1},{ts[j[k]]},{buy[k]},{sell[k]},{v}\n")
    print(f"{len(ts)} trades, {nb} buckets, last vpin {vp[-1] if nb else float('nan')}", file=sys.stderr)


if __name__ == "__main__":
    main()
