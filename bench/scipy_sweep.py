#!/usr/bin/env python3
"""A skilled SciPy user's matrix-free version of `advsharp sweep` on the benchmark pair, for timing side by side.

Fashion-MNIST sneaker (label 7, y = -1) vs ankle boot (label 9, y = +1): all 12,000 training images of the two
classes, pixels / 255, d = 784, weight decay lambda = 1e-3, radii eps = r * eps_c, r = 0, 0.1, ..., 0.9,
eps_c = ||mean(y x)||. Per radius: scipy.optimize.minimize(method='trust-krylov') on

    F(w) = (1/N) sum_n softplus(-m_n) + (lambda/2) ||w||^2,   m_n = y_n w^T x_n - eps ||w||

with the exact gradient and exact Hessian-vector products (H = A + kappa P + lambda I, never formed),
warm-started from the previous radius (w = 0 at eps = 0, where F is smooth); then lambda_max of H and of A
(the loss alone, without lambda) by ARPACK (scipy.sparse.linalg.eigsh, which='LA'), trace H and kappa.
The data are read from the IDX files with numpy (what such a user would do), not from the CSV.

    python3 bench/scipy_sweep.py [--data DIR] [--gtol 1e-8] [--out rows.json]

Prints the time of the whole script (from its first line, imports included) and of the sweep alone on
standard error. Needs python3-numpy and python3-scipy. Not part of the build.
"""
import time

START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402
from scipy.sparse.linalg import LinearOperator, eigsh  # noqa: E402
from scipy.special import expit  # noqa: E402
from fashion_pair import RATIOS, load  # noqa: E402

LAMBDA = 1e-3



class Objective:
    """F, its gradient and Hessian-vector products at one radius; the pieces at the last w are cached."""

    def __init__(self, x, y, eps, lam):
        self.x, self.y, self.eps, self.lam = x, y, eps, lam
        self.yx = y[:, None] * x
        self.n = len(y)
        self._w = None

    def _at(self, w):
        if self._w is None or not np.array_equal(w, self._w):
            self._w = w.copy()
            norm = np.linalg.norm(w)
            self.norm = norm
            self.unit = w / norm if norm > 0 else np.zeros_like(w)
            self.m = self.yx @ w - self.eps * norm
            self.sig = expit(-self.m)
            self.s = self.sig * expit(self.m)
            self.kappa = self.eps / norm * self.sig.mean() if self.eps > 0 else 0.0

    def value(self, w):
        self._at(w)
        return np.logaddexp(0.0, -self.m).mean() + 0.5 * self.lam * w @ w

    def gradient(self, w):
        self._at(w)
        g = -(self.sig @ self.yx) / self.n + self.lam * w
        if self.eps > 0:
            g += self.eps * self.sig.mean() * self.unit
        return g

    def loss_hessp(self, w, v, direction_term=True):
        """(A + [kappa P]) v: A = (1/N) sum s_n x'_n x'_n^T, x'_n = x_n - eps y_n u."""
        self._at(w)
        along = self.unit @ v
        z = self.s * (self.x @ v - self.eps * self.y * along)
        out = (z @ self.x - self.eps * (z @ self.y) * self.unit) / self.n
        if direction_term:
            out += self.kappa * (v - self.unit * along)
        return out

    def hessp(self, w, v):
        return self.loss_hessp(w, v) + self.lam * v

    def trace_h(self, w):
        self._at(w)
        rows = np.einsum("ij,ij->i", self.x, self.x) - 2 * self.eps * self.y * (self.x @ self.unit) + self.eps ** 2
        return (self.s @ rows) / self.n + self.kappa * (len(w) - 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--gtol", type=float, default=1e-8)
    ap.add_argument("--out")
    args = ap.parse_args()
    x, y = load(args.data)
    eps_c = float(np.linalg.norm((y[:, None] * x).mean(0)))
    t0 = time.perf_counter()
    w = np.zeros(x.shape[1])
    rows = []
    for r in RATIOS:
        f = Objective(x, y, r * eps_c, LAMBDA)
        res = minimize(f.value, w, jac=f.gradient, hessp=f.hessp, method="trust-krylov",
                       options={"gtol": args.gtol, "maxiter": 500})
        w = res.x
        d = len(w)
        top = {}
        for name, term in (("lambdaMax", True), ("lambdaMaxFixedInput", False)):
            op = LinearOperator((d, d), matvec=lambda v, t=term: f.loss_hessp(w, v, t), dtype=np.float64)
            top[name] = float(eigsh(op, k=1, which="LA", return_eigenvectors=False)[0])
        rows.append({"epsilon": r * eps_c, "epsilonOverCritical": r, "weightNorm": float(np.linalg.norm(w)),
                     "gradientNorm": float(np.linalg.norm(f.gradient(w))), **top, "trace": float(f.trace_h(w)),
                     "kappa": float(f.kappa), "iterations": int(res.nit)})
    sweep = time.perf_counter() - t0
    whole = time.perf_counter() - START
    print(f"scipy: sweep {sweep:.2f} s, whole script {whole:.2f} s, largest gradient norm "
          f"{max(r['gradientNorm'] for r in rows):.1e} (gtol {args.gtol:g})", file=sys.stderr)
    if args.out:
        with open(args.out, "w") as fh:
            json.dump({"sweepSeconds": sweep, "wholeSeconds": whole, "rows": rows}, fh, indent=1)


if __name__ == "__main__":
    main()
