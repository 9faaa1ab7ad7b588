# 1-minute microstructure features from LOBSTER's AMZN 2012-06-21 level-1 sample (numpy only)
import numpy as np, zipfile, io, sys
z = zipfile.ZipFile(sys.argv[1])
name = lambda s: [n for n in z.namelist() if n.endswith(s)][0]
msg = np.loadtxt(io.TextIOWrapper(z.open(name('message_1.csv'))), delimiter=',')
book = np.loadtxt(io.TextIOWrapper(z.open(name('orderbook_1.csv'))), delimiter=',')
t = msg[:, 0]; typ = msg[:, 1]; size = msg[:, 3]; direction = msg[:, 5]
ask, asz, bid, bsz = book[:, 0] / 1e4, book[:, 1], book[:, 2] / 1e4, book[:, 3]
ok = (np.abs(book[:, 0]) < 9e9) & (np.abs(book[:, 2]) < 9e9)
mid = (ask + bid) / 2
# Cont, Kukanov, Stoikov (2014) OFI event contributions
e = np.zeros(len(t))
e[1:] = ((bid[1:] >= bid[:-1]) * bsz[1:] - (bid[1:] <= bid[:-1]) * bsz[:-1]
         - (ask[1:] <= ask[:-1]) * asz[1:] + (ask[1:] >= ask[:-1]) * asz[:-1])
ex = (typ == 4) | (typ == 5)
signed = np.where(ex, -direction * size, 0.0)  # execution of a sell limit order = buyer-initiated
vol = np.where(ex, size, 0.0)
minute = np.floor((t - 34200) / 60).astype(int)
base = 1340251200  # 2012-06-21T04:00:00Z = midnight New York (EDT)
print('ts,ofi,spread_bps,depth_imbalance,trade_imbalance,volatility_1m,mid_price')
for m in range(390):
    s = (minute == m) & ok
    if not s.any():
        continue
    lm = np.log(mid[s])
    vol_m = np.std(np.diff(lm)) * 1e4 if s.sum() > 2 else 0.0
    tv = vol[s].sum()
    print('%d,%r,%r,%r,%r,%r,%r' % ((base + 34200 + 60 * m) * 10**9, float(e[s].sum()),
          float(np.mean((ask[s] - bid[s]) / mid[s]) * 1e4),
          float(np.mean((bsz[s] - asz[s]) / (bsz[s] + asz[s]))),
          float(signed[s].sum() / tv) if tv > 0 else 0.0, float(vol_m), float(mid[s][-1])))
