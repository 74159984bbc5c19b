#!/usr/bin/python3
"""The PyTorch peer of one cell of the ResNet18 study (exp:resnet-cpu-study, StudyConfig.registered()).

The same work as the DJL cell's training, as a PyTorch user would write it:

- network: ResNet18 with basic blocks 2-2-2-2, stage widths 64-128-256-512 times 1/16 (4-8-16-32), strides
  1-2-2-2, a 3x3 stem convolution of stride 2 (14x14 -> 7x7) with BatchNorm and ReLU, no max-pooling,
  convolutions without bias, BatchNorm (eps 1e-5, running-statistics momentum 0.1) after each, 1x1
  convolution + BatchNorm shortcuts where the stride or width changes, global average pooling, a dense layer
  to 10 logits; float64 throughout;
- initialisation: convolutions He normal N(0, 2 / fan_in), dense weight and bias uniform on +-1/sqrt(32),
  BatchNorm scale 1 and shift 0;
- data: the first 1,000 Fashion-MNIST training images in file order, pixels / 255, averaged over 2x2 blocks
  to 14x14 (in float32, then float64), labels 0..9;
- training: 12 epochs of 20 steps of 50 images, SGD with momentum 0.9 and weight decay 5e-4 on every
  parameter (buf = 0.9 buf + g + 5e-4 w; w -= lr buf), learning rate 0.05, times 0.1 from epoch 7 and again
  from epoch 10; the loss the mean softmax cross-entropy on x' = PGD(x) with BatchNorm on batch statistics
  (running statistics updated);
- attack: L2 PGD, 3 steps of size 2.5 eps / 3, random start uniform in the eps-ball (Gaussian direction,
  radius eps u^(1/d)), each step delta += step g / ||g|| per example (g the input gradient of the summed
  loss), projected onto the ball and clipped so x + delta stays in [0, 1]; BatchNorm on batch statistics with
  the running statistics left alone; the radius ramps linearly from 0 to eps over the first 3 epochs, step by
  step (fraction min(1, (epoch + (step + 1) / 20) / 3));
- one libtorch thread (torch.set_num_threads(1), set_num_interop_threads(1)).

What differs from the DJL cell: the random numbers (torch's generator, not java.util.SplittableRandom: other
initial weights, shuffles and random starts, so the trained weights and accuracies differ within the spread of
seeds, not bit for bit), the libtorch version (Debian's PyTorch 1.13 against DJL's bundled libtorch) and the
host language's per-operation cost (Python against Java + JNI). The arithmetic is the same.

BLAS: Debian's python3-torch calls whatever libblas.so.3 the system provides, by default the reference BLAS, on
which this cell costs 3 to 4 times as much CPU as on OpenBLAS. A fair peer runs with the folder of Debian's
libopenblas0-serial (/usr/lib/x86_64-linux-gnu/openblas-serial) first on LD_LIBRARY_PATH, as bench/study_cell.sh
does.

Optionally (--hvp) it also times one finite-difference Hessian-vector product of the frozen-attack robust loss
as the study measures it: the measuring attack (PGD-5 without random start, step 2.5 eps / 5, BatchNorm on its
running statistics) on the first 64 training images computed once at the trained weights, then two gradients
of the mean loss at w +- h v / ||v|| (h = 1e-7) with the attacked inputs held fixed.

    /usr/bin/python3 bench/peer_study_cell.py [--seed S] [--eps EPS] [--repeats R] [--phases] [--hvp]
                                               [--op-cost] [--trace FILE] [--data DIR] [--json OUT]

Prints one line per epoch and per timed run to standard error, and a JSON summary (wall-clock and process CPU
seconds of each training run, per-phase seconds with --phases, the HVP's seconds with --hvp, the microseconds of one small in-place
add, of one forward 3x3 convolution of the first stage and of its per-image matrix product with --op-cost; --trace writes the Chrome trace of one epoch under torch's profiler, read by
bench/trace_summary.py) to standard output or OUT. Needs
python3-torch and python3-numpy (Debian: apt-get install -y python3-torch python3-numpy) and
dataset-fashion-mnist. Not part of the build.
"""
import argparse
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

BASE_WIDTHS = [64, 128, 256, 512]
STRIDES = [1, 2, 2, 2]
WIDTH = 1.0 / 16
STEM_STRIDE = 2
CLASSES = 10
TRAIN = 1000
MEASURE = 64
DOWNSAMPLE = 2
EPOCHS = 12
BATCH = 50
LR = 0.05
MOMENTUM = 0.9
WEIGHT_DECAY = 5e-4
MILESTONES = [6, 9]
GAMMA = 0.1
ATTACK_STEPS = 3
STEP_FACTOR = 2.5
RAMP_EPOCHS = 3
MEASURE_STEPS = 5
FD_STEP = 1e-7
BN_EPS = 1e-5
BN_MOMENTUM = 0.1
NORM_FLOOR = 1e-30


def load(directory, n, factor):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)[:n]
    with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:n]
    x = images.astype(np.float32) / np.float32(255)
    side = 28 // factor
    x = x.reshape(n, side, factor, side, factor).mean(axis=(2, 4), dtype=np.float32)
    return torch.from_numpy(x.reshape(n, 1, side, side).astype(np.float64)), torch.from_numpy(labels.astype(np.int64))


class ResNet18:
    """Functional ResNet18: weights in an ordered dict of tensors, BatchNorm running statistics beside them."""

    def __init__(self, generator):
        self.widths = [max(1, round(b * WIDTH)) for b in BASE_WIDTHS]
        self.params = {}
        self.running = {}
        self.conv("stem.conv", self.widths[0], 1, 3, generator)
        self.bn("stem.bn", self.widths[0])
        width_in = self.widths[0]
        self.blocks = []
        for stage, out in enumerate(self.widths):
            for b in range(2):
                name = f"layer{stage + 1}.{b}"
                stride = STRIDES[stage] if b == 0 else 1
                self.conv(name + ".conv1", out, width_in, 3, generator)
                self.bn(name + ".bn1", out)
                self.conv(name + ".conv2", out, out, 3, generator)
                self.bn(name + ".bn2", out)
                shortcut = stride != 1 or width_in != out
                if shortcut:
                    self.conv(name + ".shortcut.conv", out, width_in, 1, generator)
                    self.bn(name + ".shortcut.bn", out)
                self.blocks.append((name, stride, shortcut))
                width_in = out
        bound = 1 / math.sqrt(self.widths[3])
        self.params["fc.weight"] = (torch.rand(CLASSES, self.widths[3], generator=generator, dtype=torch.float64)
                                    * 2 - 1) * bound
        self.params["fc.bias"] = (torch.rand(CLASSES, generator=generator, dtype=torch.float64) * 2 - 1) * bound
        for p in self.params.values():
            p.requires_grad_(True)

    def conv(self, name, out, width_in, k, generator):
        sd = math.sqrt(2.0 / (width_in * k * k))
        self.params[name + ".weight"] = torch.randn(out, width_in, k, k, generator=generator,
                                                    dtype=torch.float64) * sd

    def bn(self, name, channels):
        self.params[name + ".gamma"] = torch.ones(channels, dtype=torch.float64)
        self.params[name + ".beta"] = torch.zeros(channels, dtype=torch.float64)
        self.running[name] = (torch.zeros(channels, dtype=torch.float64), torch.ones(channels, dtype=torch.float64))

    def batch_norm(self, x, w, name, mode):
        """mode 'train': batch statistics, running ones updated; 'frozen': batch statistics only; 'eval': running."""
        mean, var = self.running[name]
        if mode == "frozen":
            mean, var = None, None
        return F.batch_norm(x, mean, var, w[name + ".gamma"], w[name + ".beta"], training=mode != "eval",
                            momentum=BN_MOMENTUM, eps=BN_EPS)

    def logits(self, x, mode, w=None):
        w = self.params if w is None else w
        h = F.relu(self.batch_norm(F.conv2d(x, w["stem.conv.weight"], stride=STEM_STRIDE, padding=1), w,
                                   "stem.bn", mode))
        for name, stride, shortcut in self.blocks:
            out = F.relu(self.batch_norm(F.conv2d(h, w[name + ".conv1.weight"], stride=stride, padding=1), w,
                                         name + ".bn1", mode))
            out = self.batch_norm(F.conv2d(out, w[name + ".conv2.weight"], padding=1), w, name + ".bn2", mode)
            if shortcut:
                h = self.batch_norm(F.conv2d(h, w[name + ".shortcut.conv.weight"], stride=stride), w,
                                    name + ".shortcut.bn", mode)
            h = F.relu(out + h)
        pooled = h.mean(dim=(2, 3))
        return F.linear(pooled, w["fc.weight"], w["fc.bias"])


def per_example_norm(v):
    return v.reshape(v.shape[0], -1).norm(dim=1).reshape(-1, 1, 1, 1)


def pgd(net, x, y, eps, steps, random_start, mode, generator):
    """L2 PGD: the detached attacked inputs x + delta."""
    if eps == 0:
        return x
    step_size = STEP_FACTOR * eps / steps
    if random_start:
        z = torch.randn(x.shape, generator=generator, dtype=torch.float64)
        d = z[0].numel()
        radius = eps * torch.rand(x.shape[0], generator=generator, dtype=torch.float64) ** (1.0 / d)
        delta = z * (radius.reshape(-1, 1, 1, 1) / per_example_norm(z))
    else:
        delta = torch.zeros_like(x)
    delta = (x + delta).clamp(0, 1) - x
    for _ in range(steps):
        point = (x + delta).requires_grad_(True)
        loss = F.cross_entropy(net.logits(point, mode), y, reduction="sum")
        (g,) = torch.autograd.grad(loss, point)
        delta = delta + step_size * g / per_example_norm(g).clamp_min(NORM_FLOOR)
        delta = delta * (eps / per_example_norm(delta).clamp_min(NORM_FLOOR)).clamp_max(1.0)
        delta = (x + delta).clamp(0, 1) - x
    return (x + delta).detach()


def train(x_all, y_all, eps, seed, phases, log, epochs=EPOCHS):
    generator = torch.Generator().manual_seed(seed)
    net = ResNet18(generator)
    optimizer = torch.optim.SGD(list(net.params.values()), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=MILESTONES, gamma=GAMMA)
    n = x_all.shape[0]
    steps_per_epoch = (n + BATCH - 1) // BATCH
    spent = {"batch": 0.0, "attack": 0.0, "forward_backward": 0.0, "optimizer": 0.0}
    start, cpu_start = time.perf_counter(), time.process_time()
    for epoch in range(epochs):
        order = torch.randperm(n, generator=generator)
        loss_sum, correct = 0.0, 0
        for step, first in enumerate(range(0, n, BATCH)):
            t0 = time.perf_counter()
            idx = order[first:first + BATCH]
            x, y = x_all[idx], y_all[idx]
            t1 = time.perf_counter()
            fraction = min(1.0, (epoch + (step + 1) / steps_per_epoch) / RAMP_EPOCHS) if RAMP_EPOCHS else 1.0
            x_adv = pgd(net, x, y, eps * fraction, ATTACK_STEPS, True, "frozen", generator)
            t2 = time.perf_counter()
            optimizer.zero_grad(set_to_none=True)
            logits = net.logits(x_adv, "train")
            loss = F.cross_entropy(logits, y)
            loss.backward()
            loss_value = loss.item()
            if not math.isfinite(loss_value):
                raise SystemExit(f"peer: training diverged at epoch {epoch + 1}")
            loss_sum += loss_value * len(idx)
            correct += int((logits.argmax(1) == y).sum())
            t3 = time.perf_counter()
            optimizer.step()
            t4 = time.perf_counter()
            if phases:
                spent["batch"] += t1 - t0
                spent["attack"] += t2 - t1
                spent["forward_backward"] += t3 - t2
                spent["optimizer"] += t4 - t3
        scheduler.step()
        log(f"eps {eps:.3g}: epoch {epoch + 1}/{epochs}, adversarial loss {loss_sum / n:.4f}, "
            f"accuracy {correct / n:.3f}, {time.perf_counter() - start:.1f} s elapsed")
    return net, time.perf_counter() - start, time.process_time() - cpu_start, spent


def hvp_seconds(net, x, y, eps, seed):
    """Seconds of one frozen-attack finite-difference product (two gradients), after the attack is fixed."""
    x_adv = pgd(net, x, y, eps, MEASURE_STEPS, False, "eval", None)
    w = {k: p.detach() for k, p in net.params.items()}
    generator = torch.Generator().manual_seed(seed)
    v = {k: torch.randn(p.shape, generator=generator, dtype=torch.float64) for k, p in w.items()}
    norm = math.sqrt(sum(float((t * t).sum()) for t in v.values()))

    def gradient(shift):
        at = {k: (w[k] + shift * v[k] / norm).requires_grad_(True) for k in w}
        loss = F.cross_entropy(net.logits(x_adv, "eval", at), y)
        return torch.autograd.grad(loss, list(at.values()))

    gradient(0.0)  # warm-up
    start = time.perf_counter()
    plus = gradient(FD_STEP)
    minus = gradient(-FD_STEP)
    _ = [(a - b) * (norm / (2 * FD_STEP)) for a, b in zip(plus, minus)]
    return time.perf_counter() - start


def op_micros():
    """Microseconds (process CPU time) per in-place add on a 4-entry float64 tensor, 20,000 calls after 20,000
    warm-up."""
    a, b = torch.zeros(4, dtype=torch.float64), torch.ones(4, dtype=torch.float64)
    calls = 20000
    for _ in range(calls):
        a.add_(b)
    start = time.process_time()
    for _ in range(calls):
        a.add_(b)
    return (time.process_time() - start) / calls * 1e6


def conv_micros():
    """Microseconds (process CPU time) per forward 3x3 convolution of the first stage (50x4x7x7 input, 4 filters,
    padding 1, float64), 2,000 calls after 2,000 warm-up."""
    x = torch.ones(50, 4, 7, 7, dtype=torch.float64)
    k = torch.ones(4, 4, 3, 3, dtype=torch.float64)
    calls = 2000
    for _ in range(calls):
        F.conv2d(x, k, padding=1)
    start = time.process_time()
    for _ in range(calls):
        F.conv2d(x, k, padding=1)
    return (time.process_time() - start) / calls * 1e6


def gemm_micros():
    """Microseconds (process CPU time) per float64 matrix product (4x36)(36x49), the GEMM the first stage's
    convolution makes per image, 20,000 calls after 20,000 warm-up."""
    a = torch.ones(4, 36, dtype=torch.float64)
    b = torch.ones(36, 49, dtype=torch.float64)
    calls = 20000
    for _ in range(calls):
        a @ b
    start = time.process_time()
    for _ in range(calls):
        a @ b
    return (time.process_time() - start) / calls * 1e6


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--eps", type=float, default=1.0, help="training radius (default: the largest, 1.0)")
    parser.add_argument("--repeats", type=int, default=1, help="train the cell this many times, timing each")
    parser.add_argument("--phases", action="store_true", help="also time batch copy, attack, forward/backward, step")
    parser.add_argument("--hvp", action="store_true", help="also time one finite-difference Hessian-vector product")
    parser.add_argument("--op-cost", action="store_true", help="also time one small operation from Python")
    parser.add_argument("--trace", help="also train one epoch under torch's profiler, its Chrome trace written here")
    parser.add_argument("--data", default=os.environ.get("ADVSHARP_FASHION_MNIST", "/usr/share/datasets/fashion-mnist"))
    parser.add_argument("--json", help="write the summary here instead of standard output")
    args = parser.parse_args()
    if args.repeats < 0 or (args.hvp and args.repeats == 0):
        parser.error(f"--repeats {args.repeats}: must be >= 0, and >= 1 with --hvp (the product is taken at the "
                     "trained weights)")
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)

    def log(line):
        print(f"peer: {line}", file=sys.stderr, flush=True)

    x, y = load(args.data, TRAIN, DOWNSAMPLE)
    log(f"torch {torch.__version__}, {torch.get_num_threads()} thread; {x.shape[0]} images of {tuple(x.shape[1:])}; "
        f"seed {args.seed}, eps {args.eps}")
    runs = []
    for r in range(args.repeats):
        net, seconds, cpu, spent = train(x, y, args.eps, args.seed, args.phases, log)
        log(f"training run {r + 1}/{args.repeats}: {seconds:.2f} s wall, {cpu:.2f} s CPU")
        runs.append({"seconds": seconds, "cpuSeconds": cpu, **({"phases": spent} if args.phases else {})})
    summary = {"torch": torch.__version__, "threads": torch.get_num_threads(), "seed": args.seed, "eps": args.eps,
               "runs": runs}
    if args.hvp:
        summary["hvpSeconds"] = hvp_seconds(net, x[:MEASURE], y[:MEASURE], args.eps, args.seed)
        log(f"one finite-difference HVP on {MEASURE} images: {summary['hvpSeconds'] * 1e3:.1f} ms")
    if args.op_cost:
        summary["opMicros"] = op_micros()
        log(f"one small libtorch operation from Python: {summary['opMicros']:.1f} us")
        summary["convMicros"] = conv_micros()
        log(f"one 3x3 convolution of the first stage (50x4x7x7, float64): {summary['convMicros']:.1f} us")
        summary["gemmMicros"] = gemm_micros()
        log(f"one (4x36)(36x49) float64 matrix product (the convolution's GEMM per image): "
            f"{summary['gemmMicros']:.2f} us")
    if args.trace:
        with torch.autograd.profiler.profile() as prof:
            _, seconds, _, _ = train(x, y, args.eps, args.seed, False, log, epochs=1)
        prof.export_chrome_trace(args.trace)
        summary["traceEpochSeconds"] = seconds
        log(f"one epoch under torch's profiler: {seconds:.2f} s; trace in {args.trace}")
    text = json.dumps(summary, indent=1)
    if args.json:
        with open(args.json, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
