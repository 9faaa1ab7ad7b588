# Independent numpy re-implementation of StandardScaler + LassoCV(cv=TimeSeriesSplit(5)) rules, solved by FISTA
import numpy as np, json, sys
d = np.genfromtxt('table.csv', delimiter=',', names=True)
feats = ['ofi', 'spread_bps', 'depth_imbalance', 'vpin', 'volatility_1m']
X = np.column_stack([d[c] for c in feats]); y = d['y']; n = len(y)
Z = (X - X.mean(0)) / X.std(0)
def lasso(Z, y, a):
    Zc = Z - Z.mean(0); yc = y - y.mean(); m = len(y)
    L = np.linalg.eigvalsh(Zc.T @ Zc / m).max(); w = np.zeros(Z.shape[1]); v = w.copy(); t = 1
    for _ in range(100000):
        g = -Zc.T @ (yc - Zc @ v) / m; u = v - g / L
        w2 = np.sign(u) * np.maximum(np.abs(u) - a / L, 0)
        t2 = (1 + np.sqrt(1 + 4 * t * t)) / 2; v = w2 + (t - 1) / t2 * (w2 - w)
        if np.abs(w2 - w).max() < 1e-14: w = w2; break
        w, t = w2, t2
    return w, y.mean() - Z.mean(0) @ w
amax = np.abs((Z - Z.mean(0)).T @ (y - y.mean())).max() / n
alphas = np.geomspace(amax, amax * 1e-3, 100)
k = 5; ts = n // (k + 1); starts = range(n - k * ts, n, ts)
mse = np.zeros((100, k))
for f, s in enumerate(starts):
    for i, a in enumerate(alphas):
        w, b = lasso(Z[:s], y[:s], a)
        mse[i, f] = np.mean((y[s:s + ts] - Z[s:s + ts] @ w - b) ** 2)
mean = mse.mean(1); best = np.argmin(mean); w, b = lasso(Z, y, alphas[best])
cli = json.load(open('cv.json'))
print('alpha', alphas[best], 'cli', cli['alpha'])
print('max |alphas diff|', np.abs(alphas - np.array(cli['alphas'])).max())
print('max |cv_mse diff|', np.abs(mean - np.array(cli['cv_mse'])).max())
print('coef', w, 'intercept', b)
print('max |coef diff|', np.abs(w - np.array([cli['coefficients'][c] for c in feats])).max())
