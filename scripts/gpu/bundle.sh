#!/usr/bin/env bash
# Builds a self-contained bundle for running the paper-scale ResNet18 tier on a GPU machine that has no
# network and no Java: a jlink-ed Java runtime, advsharp.jar and its libraries WITHOUT the bundled CPU
# libtorch (the GPU machine's own CUDA libtorch is used instead), and run-gpu-tier.sh.
#
#   scripts/gpu/bundle.sh [OUT_DIR]        (default: target/gpu-bundle; run on the build machine)
#
# Then copy OUT_DIR to the GPU machine and run OUT_DIR/run-gpu-tier.sh there (see README.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/target/gpu-bundle}"
command -v jlink >/dev/null || { echo "bundle.sh: jlink not found (install a JDK 17)" >&2; exit 2; }
command -v jdeps >/dev/null || { echo "bundle.sh: jdeps not found (install a JDK 17)" >&2; exit 2; }
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
(cd "$root" && mvn -q -B -o -DskipTests package)
rm -rf "$out"
mkdir -p "$out/lib"
cp "$root/target/advsharp.jar" "$out/"
for jar in "$root"/target/lib/*.jar; do
  case "$(basename "$jar")" in
    pytorch-native-cpu-*) ;;   # 110 MB CPU libtorch: the GPU machine brings its own CUDA libtorch
    *) cp "$jar" "$out/lib/" ;;
  esac
done
# the modules the jars need, plus jdk.unsupported (DJL, JNA) and jdk.crypto.ec (TLS is never used, but
# java.net classes are loaded by libraries at start-up)
modules="$(jdeps --ignore-missing-deps --multi-release 17 --print-module-deps \
  --class-path "$out/lib/*" "$out/advsharp.jar" | tr -d '[:space:]')"
modules="$modules,jdk.unsupported,jdk.crypto.ec,java.management"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$out/jre"
cp "$here/run-gpu-tier.sh" "$out/"
chmod +x "$out/run-gpu-tier.sh"
(cd "$root" && git rev-parse HEAD 2>/dev/null || echo unknown) > "$out/COMMIT"
du -sh "$out" "$out/jre" "$out/lib"
echo "bundle.sh: wrote $out (modules: $modules)"
