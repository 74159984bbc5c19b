#!/usr/bin/env python3
"""Writes the Fashion-MNIST pair of the benchmark as advsharp's CSV input.

Sneaker (label 7, written -1) vs ankle boot (label 9, written 1): all 12,000 training images of the two
classes in file order, pixels / 255 written with repr (the shortest text that reads back to the same
double), then the label. Also prints the ten radii eps = r * eps_c, r = 0, 0.1, ..., 0.9, with
eps_c = ||mean(y x)||, as one comma-separated list (the same list bench/peer_sweep.py uses).

    python3 bench/fashion_csv.py OUT.csv [--data /usr/share/datasets/fashion-mnist]

Needs numpy only. Not part of the build.
"""
import argparse
import sys

import numpy as np
from fashion_pair import RATIOS, load




def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = ap.parse_args()
    x, y = load(args.data)
    with open(args.out, "w") as f:
        for row, label in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + ("1" if label > 0 else "-1") + "\n")
    eps_c = float(np.linalg.norm((y[:, None] * x).mean(0)))
    print(f"wrote {args.out}: N = {len(y)}, d = {x.shape[1]}", file=sys.stderr)
    print(",".join(repr(r * eps_c) for r in RATIOS))


if __name__ == "__main__":
    main()
