import numpy as np, sys, time
from scipy.optimize import minimize
t=np.loadtxt(sys.argv[1],skiprows=1); T=float(sys.argv[2]); n=len(t)
def nll(x):
    mu,a,b=np.exp(x)
    dt=np.diff(t); e=np.exp(-b*dt)
    A=np.zeros(n); B=np.zeros(n)
    for i in range(1,n):
        A[i]=e[i-1]*(A[i-1]+1); B[i]=e[i-1]*(B[i-1]+dt[i-1]*(A[i-1]+1))
    lam=mu+a*A; tail=T-t; et=np.exp(-b*tail)
    ll=np.log(lam).sum()-mu*T-a/b*(1-et).sum()
    g=np.array([(1/lam).sum()-T, (A/lam).sum()-(1-et).sum()/b,
        -a*(B/lam).sum()+a/b**2*(1-et).sum()-a/b*(tail*et).sum()])
    return -ll, -g*np.exp(x)
best=None; t0=time.time()
for s in [(0.5,0.5,1),(0.1,1,10),(0.1,10,100),(0.2,50,200),(1,0.1,0.5)]:
    r=minimize(nll,np.log(s),jac=True,method='L-BFGS-B')
    if best is None or r.fun<best.fun: best=r
print('scipy best', np.exp(best.x), -best.fun, 'seconds', time.time()-t0)
