"""Checks `advsharp hessian --loss ...` against PyTorch float64 autograd (not part of the build).

The loss is written from its definition: mean_n l(y_n w^T x_n - eps ||w||) + (lambda/2) ||w||^2 with
l(m) = softplus(-m) (logistic), exp(-m) (exponential) or -log_ndtr(m) (probit). torch.autograd.functional
gives its gradient and Hessian; the Hessian of the loss alone is the one advsharp prints (weight decay adds
lambda I), and the fixed-input part is the Hessian of the clean loss at the attacked inputs held fixed.

Usage: /usr/bin/python3 bench/hessian_autograd.py --data D.csv --weights W.csv --epsilon E --lambda L
           --loss NAME --advsharp OUT.json
Prints the largest relative errors (max-norm of the difference over the max-norm of autograd's) and exits
with 1 when one exceeds 1e-12. Needs Debian's python3-torch (/usr/bin/python3).

Measured (torch 1.13, 40 Gaussian samples, d = 5, eps = 0.3, lambda = 0.01): with margins in [-6, 6] every
key of every loss agreed to 2.1e-14 or better. With the weights scaled by 8 (margins in [-50, 38]) the
logistic and probit Hessians differed by up to 6e-10: there autograd's own float64 backward loses digits
(1 - sigmoid(m) and the probit ratio for large |m|), while advsharp's fixed-input part agreed with a
40-digit mpmath evaluation to 2.6e-16; use moderate margins for this comparison.
"""
import argparse
import csv
import json
import sys

import torch

torch.set_default_dtype(torch.float64)
TOLERANCE = 1e-12

LOSSES = {
    "logistic": lambda m: torch.nn.functional.softplus(-m),
    "exponential": lambda m: torch.exp(-m),
    "probit": lambda m: -torch.special.log_ndtr(m),
}


def read_rows(path):
    rows = []
    with open(path) as f:
        for row in csv.reader(f):
            if row:
                rows.append([float(v) for v in row])
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--weights", required=True)
    p.add_argument("--epsilon", type=float, required=True)
    p.add_argument("--lambda", dest="lam", type=float, default=0.0)
    p.add_argument("--loss", choices=sorted(LOSSES), required=True)
    p.add_argument("--advsharp", required=True)
    a = p.parse_args()
    rows = torch.tensor(read_rows(a.data))
    x, y = rows[:, :-1], rows[:, -1]
    w0 = torch.tensor([v for r in read_rows(a.weights) for v in r])
    l = LOSSES[a.loss]

    def adversarial(w):
        return l(y * (x @ w) - a.epsilon * torch.linalg.norm(w)).mean()

    def objective(w):
        return adversarial(w) + 0.5 * a.lam * (w @ w)

    attacked = (x - a.epsilon * y[:, None] * (w0 / torch.linalg.norm(w0))[None, :]).detach()

    def fixed_input(w):
        return l(y * (attacked @ w)).mean()

    reference = {
        "loss": objective(w0).item(),
        "gradient": torch.autograd.functional.jacobian(objective, w0),
        "hessian": torch.autograd.functional.hessian(adversarial, w0),
        "fixedInputPart": torch.autograd.functional.hessian(fixed_input, w0),
    }
    ours = json.load(open(a.advsharp))
    worst = 0.0
    for key, ref in reference.items():
        ref = torch.as_tensor(ref)
        got = torch.tensor(ours[key])
        error = ((got - ref).abs().max() / ref.abs().max()).item()
        worst = max(worst, error)
        print(f"{a.loss:12s} {key:15s} max relative error {error:.2e}")
    sys.exit(0 if worst <= TOLERANCE else 1)


if __name__ == "__main__":
    main()
