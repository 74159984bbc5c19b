#!/usr/bin/env bash
# The whole `advsharp sweep` command against a skilled SciPy user's matrix-free script (bench/scipy_sweep.py),
# side by side on this machine, on Fashion-MNIST sneaker vs ankle boot (N = 12,000, d = 784, lambda = 1e-3,
# 10 radii 0 .. 0.9 eps_c): docs/performance.md. Runs the two alternately ROUNDS times (default 2) and prints
# each run's wall-clock and CPU (user + system) seconds, then the medians and the ratio advsharp / SciPy.
# Usage: bench/compare_scipy.sh [ROUNDS]. Needs python3 with numpy and scipy, the Fashion-MNIST IDX files
# (/usr/share/datasets/fashion-mnist) and target/advsharp.jar (mvn -DskipTests package). Writes target/bench-scipy/.
# Not part of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
out=target/bench-scipy
mkdir -p "$out"
[ -f "$out/sneaker-boot.csv" ] || python3 bench/fashion_csv.py "$out/sneaker-boot.csv" > "$out/epsilons.txt"
epsilons=$(cat "$out/epsilons.txt")
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
echo "load before: $(uptime)"
for k in $(seq 1 "$rounds"); do
    /usr/bin/time -f "scipy $k %e %U %S" -a -o "$out/times.txt" \
        python3 bench/scipy_sweep.py --out "$out/scipy.json" 2> "$out/scipy.err"
    /usr/bin/time -f "advsharp $k %e %U %S" -a -o "$out/times.txt" \
        java -Djava.awt.headless=true -jar target/advsharp.jar sweep --data "$out/sneaker-boot.csv" \
        --epsilons "$epsilons" --lambda 1e-3 > "$out/advsharp.json" 2> "$out/advsharp.err"
done
echo "load after: $(uptime)"
python3 - "$out" <<'PY'
import json, statistics, sys
out = sys.argv[1]
runs = {"scipy": [], "advsharp": []}
for line in open(f"{out}/times.txt"):
    who, _, wall, user, system = line.split()
    runs[who].append((float(wall), float(user) + float(system)))
med = {w: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs)) for w, rs in runs.items()}
for who, rs in runs.items():
    print(who, "wall", [r[0] for r in rs], "cpu", [r[1] for r in rs])
print(f"median whole command: advsharp {med['advsharp'][0]:.1f} s wall ({med['advsharp'][1]:.1f} s CPU), "
      f"SciPy {med['scipy'][0]:.1f} s wall ({med['scipy'][1]:.1f} s CPU); ratio advsharp/SciPy "
      f"{med['advsharp'][0] / med['scipy'][0]:.2f} wall, {med['advsharp'][1] / med['scipy'][1]:.2f} CPU")
a = json.load(open(f"{out}/advsharp.json"))
s = json.load(open(f"{out}/scipy.json"))["rows"]
worst = max(abs(x[k] - y[k]) / abs(x[k]) for x, y in zip(a, s) for k in ("weightNorm", "lambdaMax",
            "lambdaMaxFixedInput", "trace", "kappa") if x[k] != 0)
print(f"largest relative difference advsharp vs SciPy over ||w*||, lambda_max(H), lambda_max(A), trace H, kappa: "
      f"{worst:.1e}; largest gradient norm advsharp {max(r['gradientNorm'] for r in a):.1e}, "
      f"SciPy {max(r['gradientNorm'] for r in s):.1e}")
PY
