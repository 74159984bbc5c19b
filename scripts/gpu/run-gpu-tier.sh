#!/usr/bin/env bash
# Runs the paper-scale ResNet18 tier (claim exp:resnet-paper-scale) on a CUDA machine from a bundle made by
# bundle.sh, with DJL pointed at the machine's own libtorch (the one inside its Python's PyTorch).
#
#   ./run-gpu-tier.sh smoke                 # 1 epoch, 2 radii, 256 images: does DJL's JNI load at all?
#   ./run-gpu-tier.sh verify [CIFAR_DIR]    # the check, as in advsharp verify; report in ./reports-gpu
#   ./run-gpu-tier.sh resnet [ARGS...]      # advsharp resnet --device gpu ARGS...
#
# Environment: PYTHON (default python3) is the Python whose torch is used; CIFAR_DIR may also be given
# as an environment variable. Nothing is downloaded: DJL runs with DJL_OFFLINE=true, OPT_OUT_TRACKING=true.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
py="${PYTHON:-python3}"
mode="${1:-smoke}"
shift || true

# DJL never downloads or reports usage
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
export TORCH_CPP_LOG_LEVEL=ERROR
export ENGINE_CACHE_DIR="$here/djl-cache" DJL_CACHE_DIR="$here/djl-cache"

# the machine's libtorch: <site-packages>/torch/lib
read -r torch_lib torch_version cuda_ok < <("$py" - <<'PY'
import os, torch
print(os.path.join(os.path.dirname(torch.__file__), "lib"), torch.__version__.split("+")[0],
      int(torch.cuda.is_available()))
PY
)
[ "$cuda_ok" = 1 ] || { echo "run-gpu-tier.sh: $py's torch $torch_version sees no CUDA device" >&2; exit 2; }
export PYTORCH_LIBRARY_PATH="$torch_lib"
# DJL 0.36.0's JNI (libdjl_torch.so in pytorch-jni-2.7.1-0.36.0.jar, flavours cpu and cu128) is built for
# libtorch 2.7.1. DJL picks the JNI by PYTORCH_VERSION and PYTORCH_FLAVOR; asking for the machine's version
# (e.g. 2.11.0) makes it look for a JNI it does not have and, offline, fail. So we claim 2.7.1/cu128 and load
# that JNI against the machine's libtorch. Whether the 2.7.1 JNI works with libtorch 2.11 is UNVERIFIED
# (C++ ABI and symbol changes between the versions can make loading fail with "undefined symbol"): run
# "smoke" first. Override with PYTORCH_VERSION / PYTORCH_FLAVOR if you have a matching JNI.
export PYTORCH_VERSION="${PYTORCH_VERSION:-2.7.1}"
export PYTORCH_FLAVOR="${PYTORCH_FLAVOR:-cu128}"
echo "run-gpu-tier.sh: libtorch $torch_version from $torch_lib, DJL JNI $PYTORCH_VERSION/$PYTORCH_FLAVOR" >&2

java=("$here/jre/bin/java" -Djava.awt.headless=true -DDJL_OFFLINE=true -Dai.djl.offline=true
      -DOPT_OUT_TRACKING=true -Dai.djl.default_engine=PyTorch)
case "$mode" in
  smoke)
    exec "${java[@]}" -jar "$here/advsharp.jar" resnet --device gpu --scale paper --epochs 1 \
      --epsilons 0,0.25 --train 256 --measure 32 --synthetic ;;
  verify)
    cifar="${1:-${CIFAR_DIR:-}}"
    extra=()
    [ -n "$cifar" ] && extra=(-Dadvsharp.cifar10.dir="$cifar")
    exec "${java[@]}" -Dadvsharp.gpu=true "${extra[@]}" -jar "$here/advsharp.jar" verify \
      --claims exp:resnet-paper-scale --out "$here/reports-gpu" ;;
  resnet)
    exec "${java[@]}" -jar "$here/advsharp.jar" resnet --device gpu "$@" ;;
  *)
    echo "run-gpu-tier.sh: unknown mode '$mode' (smoke, verify or resnet)" >&2; exit 2 ;;
esac
