#!/usr/bin/python3
"""The peer of `advsharp sweep`: the same sweep as a PyTorch user would write it.

Fashion-MNIST sneaker (label -1) vs ankle boot (+1), all 12,000 training images of the two classes in
file order, pixels / 255 in [0, 1], d = 784, weight decay lambda = 1e-3, radii eps = r * eps_c for
r = 0, 0.1, ..., 0.9 with eps_c = ||mean(y x)||. At each radius: Newton's method in float64 on the mean
L2 adversarial logistic loss plus (lambda/2)||w||^2, the Hessian X'^T diag(s) X' / N + kappa P + lambda I
formed with BLAS and solved by Cholesky, Armijo backtracking, until ||grad|| <= 1e-12 (warm start from
the previous radius, w = 0 at eps = 0, which is no kink there); then every eigenvalue of H and of A by
torch.linalg.eigvalsh, trace H and kappa.

    /usr/bin/python3 bench/peer_sweep.py [--threads T] [--data DIR] [--csv OUT.csv] [--compare ADVSHARP.json]

--csv writes the same data as advsharp's CSV input (features then the label in {-1, 1}, shortest
round-trip decimals, so advsharp reads the identical doubles). --compare reads `advsharp sweep` JSON
output and prints the largest relative difference per quantity. Needs python3-torch and python3-numpy
(Debian: apt-get install -y python3-torch python3-numpy). Not part of the build.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch
from fashion_pair import RATIOS, load

LAMBDA = 1e-3
TOL = 1e-12



def loss_parts(x, y, w, eps, lam):
    norm = torch.linalg.norm(w)
    m = y * (x @ w) - eps * norm
    value = torch.nn.functional.softplus(-m).mean() + 0.5 * lam * norm * norm
    return m, norm, value


def gradient(x, y, w, eps, lam):
    m, norm, _ = loss_parts(x, y, w, eps, lam)
    a = torch.sigmoid(-m)
    g = -(x.T @ (a * y)) / x.shape[0] + lam * w
    if eps > 0:
        g = g + eps * a.mean() / norm * w
    return g


def hessian(x, y, w, eps):
    """H = A + kappa P of the loss alone, and A."""
    n, d = x.shape
    m, norm, _ = loss_parts(x, y, w, eps, 0.0)
    unit = w / norm
    xa = x - eps * y[:, None] * unit[None, :]
    s = torch.sigmoid(m) * torch.sigmoid(-m)
    a = (xa * s[:, None]).T @ xa / n
    kappa = eps / norm * torch.sigmoid(-m).mean() if eps > 0 else torch.tensor(0.0, dtype=torch.float64)
    p = torch.eye(d, dtype=torch.float64) - torch.outer(unit, unit)
    return a + kappa * p, a, kappa


def newton(x, y, w, eps, lam):
    d = x.shape[1]
    value = loss_parts(x, y, w, eps, lam)[2]
    for k in range(200):
        g = gradient(x, y, w, eps, lam)
        gn = torch.linalg.norm(g).item()
        if gn <= TOL:
            return w, gn, k
        h, _, _ = hessian(x, y, w, eps) if torch.linalg.norm(w) > 0 else (None, None, None)
        if h is None:  # eps = 0 at w = 0: the clean Hessian
            s = torch.full((x.shape[0],), 0.25, dtype=torch.float64)
            h = (x * s[:, None]).T @ x / x.shape[0]
        h = h + lam * torch.eye(d, dtype=torch.float64)
        p = -torch.cholesky_solve(g[:, None], torch.linalg.cholesky(h))[:, 0]
        slope = torch.dot(g, p).item()
        t = 1.0
        while t > 1e-18:
            trial = w + t * p
            tv = loss_parts(x, y, trial, eps, lam)[2]
            if tv <= value + 1e-4 * t * slope:
                break
            # the value's resolution: accept a full step that lowers the gradient norm (as advsharp does)
            if t == 1.0 and -slope <= 1e-12 * (1 + abs(value.item())) and \
                    torch.linalg.norm(gradient(x, y, trial, eps, lam)).item() < gn:
                break
            t *= 0.5
        else:
            return w, gn, k
        w, value = trial, tv
    return w, torch.linalg.norm(gradient(x, y, w, eps, lam)).item(), 200


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--csv")
    ap.add_argument("--compare")
    ap.add_argument("--out")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    xn, yn = load(args.data)
    if args.csv:
        with open(args.csv, "w") as f:
            for row, label in zip(xn, yn):
                f.write(",".join(repr(float(v)) for v in row) + "," + ("1" if label > 0 else "-1") + "\n")
        print(f"wrote {args.csv}: N = {len(yn)}, d = {xn.shape[1]}", file=sys.stderr)
    x = torch.from_numpy(xn)
    y = torch.from_numpy(yn)
    eps_c = torch.linalg.norm((y[:, None] * x).mean(0)).item()
    rows = []
    w = torch.zeros(x.shape[1], dtype=torch.float64)
    t0 = time.perf_counter()
    for r in RATIOS:
        t1 = time.perf_counter()
        eps = r * eps_c
        w, gn, steps = newton(x, y, w, eps, LAMBDA)
        h, a, kappa = hessian(x, y, w, eps)
        ev_h = torch.linalg.eigvalsh(h)
        ev_a = torch.linalg.eigvalsh(a)
        rows.append({"epsilon": eps, "epsilonOverCritical": r, "weightNorm": torch.linalg.norm(w).item(),
                     "gradientNorm": gn, "lambdaMax": ev_h[-1].item(), "lambdaMaxFixedInput": ev_a[-1].item(),
                     "trace": torch.trace(h).item(), "kappa": float(kappa), "newtonSteps": steps})
        print(f"peer: r = {r:.1f}: {time.perf_counter() - t1:.2f} s, {steps} Newton steps, ||grad|| = {gn:.2e}, "
              f"lambda_max = {ev_h[-1].item():.15g}", file=sys.stderr)
    total = time.perf_counter() - t0
    print(f"peer sweep (PyTorch {torch.__version__}, float64, dense Newton, {args.threads} threads): "
          f"{total:.2f} s for {len(RATIOS)} radii, N = {x.shape[0]}, d = {x.shape[1]}")
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"seconds": total, "threads": args.threads, "rows": rows}, f, indent=1)
    if args.compare:
        with open(args.compare) as f:
            theirs = json.load(f)
        worst = {}
        for mine, other in zip(rows, theirs):
            for key in ("weightNorm", "lambdaMax", "lambdaMaxFixedInput", "trace", "kappa"):
                a, b = mine[key], other[key]
                scale = max(abs(a), abs(b))
                rel = abs(a - b) / scale if scale > 0 else 0.0
                worst[key] = max(worst.get(key, 0.0), rel)
        print("largest relative difference from advsharp: "
              + ", ".join(f"{k} {v:.2e}" for k, v in worst.items()))


if __name__ == "__main__":
    main()
