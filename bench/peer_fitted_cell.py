#!/usr/bin/env python3
"""PyTorch peer of one cell of the ResNet18 study exp:resnet-fitted-study (proofs/deep.md), for timing.

What `advsharp study pilot --seeds S --radii 0,EPS` measures per cell (StudyRun at depth PILOT), written
independently in PyTorch, float64, one thread:

  * ResNet18, basic blocks 2-2-2-2, widths 64-128-256-512 times the width multiplier, strides 1-2-2-2, stem
    conv3x3 (stride 1 or 2) + BN + ReLU, no max-pooling, global average pooling, dense layer; convolutions
    without bias; BN epsilon 1e-5, momentum 0.1; He-normal filters, dense weight and bias uniform on
    +-1/sqrt(fan_in);
  * the bundled 8x8 digits (src/main/resources/datasets/digits_8x8.csv.gz), grey / 16, one channel: the first
    TRAIN images for training, the last TEST for testing;
  * L2 PGD adversarial training: 3 steps, random start uniform in the ball, step 2.5 eps / 3, normalised
    per-example gradient, projection to the ball and clipping to [0, 1]; BN uses batch statistics during the
    attack without updating its running statistics; SGD momentum 0.9, weight decay 5e-4, batch 50, learning
    rate 0.05 divided by 10 after epochs 20 and 25, 30 epochs, the radius ramped linearly over 3 epochs step
    by step;
  * at the trained weights (BN on running statistics): clean and robust (PGD-10, no random start) test
    accuracy; robust (PGD-5) and clean loss on the first 64 training images, the robust gradient's norm, the
    frozen-attack lambda_max by 20 Lanczos steps on exact double-backpropagation Hessian-vector products;
    clean and robust training accuracy with the adversarial training margins (the fit).

It does not reproduce the DJL numbers bit for bit (its own random streams); it is the same amount of work, so
its wall time is the peer of DJL's time per cell. Usage (Debian's python3-torch):

    /usr/bin/python3 bench/peer_fitted_cell.py --seed 101 --eps 0.4 [--threads 1]

Prints one JSON line with the measurements and the seconds of training and of measuring.
"""
import argparse
import gzip
import json
import math
import os
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def digits(train, test):
    rows = []
    with gzip.open(os.path.join(ROOT, "src/main/resources/datasets/digits_8x8.csv.gz"), "rt") as f:
        next(f)
        for line in f:
            if line.strip():
                rows.append([int(v) for v in line.split(",")])
    x = torch.tensor([r[:64] for r in rows], dtype=torch.float64).view(-1, 1, 8, 8) / 16.0
    y = torch.tensor([r[64] for r in rows], dtype=torch.long)
    return (x[:train], y[:train]), (x[-test:], y[-test:])


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.short = None
        if stride != 1 or cin != cout:
            self.short = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + (x if self.short is None else self.short(x)))


class ResNet18(nn.Module):
    def __init__(self, width, stem_stride, classes=10, channels=1):
        super().__init__()
        widths = [max(1, round(w * width)) for w in (64, 128, 256, 512)]
        self.stem = nn.Sequential(nn.Conv2d(channels, widths[0], 3, stem_stride, 1, bias=False),
                                  nn.BatchNorm2d(widths[0]), nn.ReLU())
        layers, cin = [], widths[0]
        for w, s in zip(widths, (1, 2, 2, 2)):
            layers += [Block(cin, w, s), Block(w, w, 1)]
            cin = w
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(cin, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                fan_in = m.weight[0].numel()
                nn.init.normal_(m.weight, 0.0, math.sqrt(2.0 / fan_in))
            elif isinstance(m, nn.Linear):
                bound = 1.0 / math.sqrt(m.in_features)
                nn.init.uniform_(m.weight, -bound, bound)
                nn.init.uniform_(m.bias, -bound, bound)

    def forward(self, x):
        out = self.layers(self.stem(x))
        return self.fc(out.mean(dim=(2, 3)))


def set_bn_momentum(net, momentum):
    for m in net.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.momentum = momentum


def pgd(net, x, y, eps, steps, random_start, gen):
    """L2 PGD on the inputs; the network's mode (train/eval) is the caller's."""
    if eps == 0:
        return x
    alpha = 2.5 * eps / steps
    flat = x[0].numel()
    if random_start:
        z = torch.randn(x.shape, dtype=x.dtype, generator=gen)
        norms = z.view(len(x), -1).norm(dim=1).view(-1, 1, 1, 1)
        radius = eps * torch.rand(len(x), dtype=x.dtype, generator=gen).pow(1.0 / flat).view(-1, 1, 1, 1)
        delta = z / norms * radius
        delta = (x + delta).clamp(0, 1) - x
    else:
        delta = torch.zeros_like(x)
    for _ in range(steps):
        delta.requires_grad_(True)
        loss = F.cross_entropy(net(x + delta), y, reduction="sum")
        g, = torch.autograd.grad(loss, delta)
        gn = g.view(len(x), -1).norm(dim=1).clamp_min(1e-12).view(-1, 1, 1, 1)
        delta = delta.detach() + alpha * g / gn
        dn = delta.view(len(x), -1).norm(dim=1).view(-1, 1, 1, 1)
        delta = delta * torch.clamp(eps / dn.clamp_min(1e-300), max=1.0)
        delta = (x + delta).clamp(0, 1) - x
    return (x + delta).detach()


def train(net, x, y, eps, seed, epochs=30, batch=50, lr=0.05, milestones=(20, 25), ramp=3.0):
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9, weight_decay=5e-4)
    steps = (len(x) + batch - 1) // batch
    for epoch in range(epochs):
        for group in opt.param_groups:
            group["lr"] = lr * (0.1 ** sum(epoch >= m for m in milestones))
        order = torch.randperm(len(x), generator=gen)
        for step in range(steps):
            idx = order[step * batch:(step + 1) * batch]
            fraction = min(1.0, (epoch + (step + 1) / steps) / ramp)
            net.train()
            set_bn_momentum(net, 0.0)
            xa = pgd(net, x[idx], y[idx], eps * fraction, 3, True, gen)
            set_bn_momentum(net, 0.1)
            opt.zero_grad()
            F.cross_entropy(net(xa), y[idx]).backward()
            opt.step()


def accuracy_and_margins(net, x, y, eps, steps):
    xa = pgd(net, x, y, eps, steps, False, None)
    with torch.no_grad():
        z = net(xa)
    true = z.gather(1, y.view(-1, 1)).squeeze(1)
    other = z.scatter(1, y.view(-1, 1), float("-inf")).max(dim=1).values
    return (z.argmax(1) == y).double().mean().item(), (true - other)


def lanczos_top(hvp, n, steps, seed):
    gen = torch.Generator().manual_seed(seed)
    q = torch.randn(n, dtype=torch.float64, generator=gen)
    q /= q.norm()
    qs, alphas, betas = [q], [], []
    beta, q_prev = 0.0, torch.zeros_like(q)
    for _ in range(steps):
        w = hvp(q) - beta * q_prev
        a = torch.dot(w, q).item()
        w -= a * q
        for v in qs:  # full reorthogonalisation
            w -= torch.dot(w, v) * v
        alphas.append(a)
        beta = w.norm().item()
        if beta < 1e-12:
            break
        betas.append(beta)
        q_prev, q = q, w / beta
        qs.append(q)
    k = len(alphas)
    t = torch.diag(torch.tensor(alphas, dtype=torch.float64))
    for i in range(k - 1):
        t[i, i + 1] = t[i + 1, i] = betas[i]
    evals, evecs = torch.linalg.eigh(t)
    y = sum(evecs[i, -1] * qs[i] for i in range(k))
    theta = evals[-1].item()
    return theta, (hvp(y) - theta * y).norm().item() / abs(theta)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--seed", type=int, default=101)
    p.add_argument("--eps", type=float, default=0.4)
    p.add_argument("--width", type=float, default=0.0625)
    p.add_argument("--stem-stride", type=int, default=1)
    p.add_argument("--train", type=int, default=500)
    p.add_argument("--test", type=int, default=297)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.set_default_dtype(torch.float64)
    torch.manual_seed(a.seed)
    (xtr, ytr), (xte, yte) = digits(a.train, a.test)
    net = ResNet18(a.width, a.stem_stride)
    t0 = time.perf_counter()
    train(net, xtr, ytr, a.eps, a.seed)
    t1 = time.perf_counter()
    net.eval()
    clean_test, _ = accuracy_and_margins(net, xte, yte, 0.0, 10)
    robust_test, _ = accuracy_and_margins(net, xte, yte, a.eps, 10)
    xm, ym = xtr[:64], ytr[:64]
    xa = pgd(net, xm, ym, a.eps, 5, False, None)
    params = [q for q in net.parameters()]
    robust_loss = F.cross_entropy(net(xa), ym)
    grads = torch.autograd.grad(robust_loss, params, create_graph=True)
    flat_grad = torch.cat([g.reshape(-1) for g in grads])
    clean_loss = F.cross_entropy(net(xm), ym).item()

    def hvp(v):
        hv = torch.autograd.grad(flat_grad, params, grad_outputs=v, retain_graph=True)
        return torch.cat([h.reshape(-1) for h in hv]).detach()

    lam, residual = lanczos_top(hvp, flat_grad.numel(), 20, a.seed)
    clean_train, _ = accuracy_and_margins(net, xtr, ytr, 0.0, 10)
    robust_train, margins = accuracy_and_margins(net, xtr, ytr, a.eps, 10)
    q = torch.quantile(margins, torch.tensor([0.25, 0.5, 0.75], dtype=torch.float64)).tolist()
    t2 = time.perf_counter()
    print(json.dumps({"seed": a.seed, "eps": a.eps, "threads": a.threads, "torch": torch.__version__,
                      "parameters": flat_grad.numel(), "clean_test": clean_test, "robust_test": robust_test,
                      "robust_loss": robust_loss.item(), "clean_loss": clean_loss,
                      "gradient_norm": flat_grad.norm().item(), "lambda_max_frozen": lam,
                      "lanczos_residual": residual, "train_clean": clean_train, "train_robust": robust_train,
                      "margins_positive": (margins > 0).double().mean().item(), "margin_quartiles": q,
                      "training_s": t1 - t0, "measuring_s": t2 - t1}))


if __name__ == "__main__":
    main()
