#!/usr/bin/env bash
# The side-by-side of one ResNet18 study cell (docs/performance.md, "One cell of the ResNet18 study"): the
# training of StudyConfig.registered() at seed 1 and the largest radius, 12 epochs on 1,000 images, float64,
# one libtorch thread, in DJL (org.advsharp.deep.StudyCellTiming, the study's own AdversarialTrainer) and in
# PyTorch (bench/peer_study_cell.py), alternating ROUNDS times (default 2), each process training the cell twice
# (the first run of a process includes its warm-up), with the load before and after each process.
# Then one run of each with per-phase times, one finite-difference HVP and the cost of one small operation.
#
# Usage: bench/study_cell.sh [ROUNDS]
# Needs target/test-classes and target/lib (nice -n 5 mvn -o -q -B test-compile, and ./advsharp once for
# target/lib), /usr/bin/python3 with python3-torch and python3-numpy, and dataset-fashion-mnist.
# PEER_BLAS_DIR: a folder put first on the peer's LD_LIBRARY_PATH, holding the libblas.so.3 it should use (default:
# /usr/lib/x86_64-linux-gnu/openblas-serial when it exists, from Debian's libopenblas0-serial; Debian's
# PyTorch otherwise runs on whatever libblas.so.3 the system's alternative names, by default the reference BLAS).
# Writes target/bench-peer/study-cell/. Not part of the build.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
out=target/bench-peer/study-cell
mkdir -p "$out"
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
blas=${PEER_BLAS_DIR:-/usr/lib/x86_64-linux-gnu/openblas-serial}
peer_env=()
if [ -d "$blas" ]; then
    peer_env=(env "LD_LIBRARY_PATH=$blas${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
fi
djl=(java -cp "target/test-classes:target/classes:target/lib/*" org.advsharp.deep.StudyCellTiming)
peer=("${peer_env[@]}" /usr/bin/python3 bench/peer_study_cell.py)
echo "peer: PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') on $([ -d "$blas" ] \
    && echo "the libblas.so.3 of $blas" || echo "the system's libblas.so.3")"
for round in $(seq 1 "$rounds"); do
    echo "round $round, before the peer: $(uptime)"
    "${peer[@]}" --repeats 2 --json "$out/peer-$round.json" 2> "$out/peer-$round.err"
    grep "training run" "$out/peer-$round.err"
    echo "round $round, before DJL: $(uptime)"
    "${djl[@]}" --repeats 2 2>&1 | grep -v '^\[' | tee "$out/djl-$round.out" | grep "training run"
done
echo "profile, before the peer: $(uptime)"
"${peer[@]}" --phases --hvp --op-cost --json "$out/peer-profile.json" 2> "$out/peer-profile.err"
grep -E "training run|HVP|operation|convolution|matrix product" "$out/peer-profile.err"
/usr/bin/python3 -c "import json; print('peer: phases', {k: round(v, 2) for k, v in json.load(open('$out/peer-profile.json'))['runs'][0]['phases'].items()})"
echo "profile, before DJL: $(uptime)"
"${djl[@]}" --phases --hvp --op-cost 2>&1 | grep -v '^\[' | tee "$out/djl-profile.out" | grep -v "^djl: ResNet18"
echo "after: $(uptime)"
