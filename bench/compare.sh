#!/usr/bin/env bash
# The side-by-side measurement of docs/performance.md, in one run on this machine:
#   advsharp sweep --solver matrix-free, advsharp sweep --solver dense, and the PyTorch peer (bench/peer_sweep.py)
# on Fashion-MNIST sneaker vs ankle boot (N = 12,000, d = 784, lambda = 1e-3, 10 radii 0 .. 0.9 eps_c).
# Usage: bench/compare.sh [THREADS]   (default: every core). Needs Debian's python3-torch and python3-numpy
# (/usr/bin/python3) and dataset-fashion-mnist. Writes its files to target/bench-peer/. Not part of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-$(nproc)}
out=target/bench-peer
mkdir -p "$out"
echo "load before: $(uptime)"
/usr/bin/python3 bench/peer_sweep.py --threads "$threads" --csv "$out/sneaker-boot.csv" --out "$out/peer.json" \
    2> "$out/peer.err"
epsilons=$(/usr/bin/python3 -c "import json; print(','.join(repr(r['epsilon']) for r in json.load(open('$out/peer.json'))['rows']))")
for solver in matrix-free dense; do
    start=$(date +%s.%N)
    ./advsharp sweep --data "$out/sneaker-boot.csv" --epsilons "$epsilons" --lambda 1e-3 --solver "$solver" \
        --threads "$threads" > "$out/$solver.json" 2> "$out/$solver.err"
    end=$(date +%s.%N)
    echo "$start $end" > "$out/$solver.wall"
done
echo "load after: $(uptime)"
/usr/bin/python3 - "$out" "$threads" <<'PY'
import json, re, sys
out, threads = sys.argv[1], sys.argv[2]
peer = json.load(open(f"{out}/peer.json"))
def sweep_seconds(solver):
    total = 0.0
    for line in open(f"{out}/{solver}.err"):
        m = re.search(r"trained and measured in ([0-9.]+) s", line)
        if m:
            total += float(m.group(1))
    return total
def wall(solver):
    a, b = map(float, open(f"{out}/{solver}.wall").read().split())
    return b - a
rows = {s: json.load(open(f"{out}/{s}.json")) for s in ("matrix-free", "dense")}
def worst(a_rows, b_rows):
    w = {}
    for a, b in zip(a_rows, b_rows):
        for k in ("weightNorm", "lambdaMax", "lambdaMaxFixedInput", "trace", "kappa"):
            s = max(abs(a[k]), abs(b[k]))
            w[k] = max(w.get(k, 0.0), abs(a[k] - b[k]) / s if s else 0.0)
    return max(w.values()), max(w, key=w.get)
mf, de = sweep_seconds("matrix-free"), sweep_seconds("dense")
print(f"| solver | sweep (s) | whole command (s) | ratio to the peer | largest relative difference from the peer |")
print(f"|---|---|---|---|---|")
for name, sw, wl, rs in (("advsharp matrix-free", mf, wall("matrix-free"), rows["matrix-free"]),
                          ("advsharp dense", de, wall("dense"), rows["dense"])):
    d, k = worst(rs, peer["rows"])
    print(f"| {name} | {sw:.1f} | {wl:.1f} | {sw / peer['seconds']:.2f} | {d:.1e} ({k}) |")
print(f"| PyTorch peer (dense Newton, float64) | {peer['seconds']:.1f} | | 1 | |")
d, k = worst(rows["matrix-free"], rows["dense"])
print(f"\nthreads {threads}; advsharp matrix-free against dense: largest relative difference {d:.1e} ({k})")
PY
