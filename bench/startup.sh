#!/usr/bin/env bash
# Start-up time and container size (docs/benchmarks.md, "Container start-up and size").
#   bench/startup.sh [runs]
# (a) `codegen --help` wall time, ReadyToRun publish (scripts/publish.sh, what the image ships) against the same
#     publish with -p:PublishReadyToRun=false; hyperfine when installed, else a loop with date +%s%N (median).
# (b) the publish folder's size.
# (c) an estimate of the image size, since no Docker engine runs here: the runtime base image's documented size
#     (an assumption, BASE_IMAGE_MB) + the installed size of git and universal-ctags and of the dependencies they
#     pull in that the base image lacks (apt-cache, this machine's Debian packages as a stand-in for Ubuntu's)
#     + the publish folder.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
r2r=artifacts/publish
jit=artifacts/bench/publish-jit
sc=artifacts/bench/publish-self-contained
# mcr.microsoft.com/dotnet/runtime:10.0 (Ubuntu 24.04): runtime-deps (~ 120 MB uncompressed: Ubuntu base,
# ICU, OpenSSL, tzdata, ca-certificates) + the shared .NET runtime (~ 75 MB). An assumption, not a measurement.
base_mb="${BASE_IMAGE_MB:-195}"
# mcr.microsoft.com/dotnet/runtime-deps:10.0, the base a self-contained publish would use (same assumption).
deps_mb="${DEPS_IMAGE_MB:-120}"

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(. /etc/os-release; echo "$PRETTY_NAME"); $(date -u +%Y-%m-%d)"
scripts/publish.sh >/dev/null
PUBLISH_DIR="$jit" scripts/publish.sh -p:PublishReadyToRun=false >/dev/null
# For the base-image decision: the same publish self-contained (for runtime-deps instead of runtime).
SELF_CONTAINED=true PUBLISH_DIR="$sc" scripts/publish.sh >/dev/null

median_ms() { # median wall time of `$@` in milliseconds over $runs runs (after one warm-up)
  "$@" >/dev/null || true
  local times=() t0 t1
  for _ in $(seq "$runs"); do
    t0=$(date +%s%N); "$@" >/dev/null || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'
}

echo "== (a) codegen --help, median of $runs runs"
if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
  hyperfine -N --warmup 2 --runs "$runs" --export-json artifacts/bench/startup.json \
    -n ReadyToRun "$r2r/codegen --help" -n JIT "$jit/codegen --help" | grep -Ev '^\s*$'
  jq -r ".results[] | \"\\(.command): median \\(.median * 1000 | floor) ms\"" artifacts/bench/startup.json
else
  echo "ReadyToRun: median $(median_ms "$r2r/codegen" --help) ms"
  echo "JIT:        median $(median_ms "$jit/codegen" --help) ms"
fi

echo "== (a2) codegen assess of one C# file (loads Roslyn), median of 10 runs"
if command -v hyperfine >/dev/null && command -v jq >/dev/null; then
  hyperfine -N -i --warmup 1 --runs 10 --export-json artifacts/bench/startup-assess.json \
    -n ReadyToRun "$r2r/codegen assess src/CodegenBot.Cli/Program.cs --format json" \
    -n JIT "$jit/codegen assess src/CodegenBot.Cli/Program.cs --format json" | grep -Ev "^\s*$" || true
  jq -r ".results[] | \"\\(.command): median \\(.median * 1000 | floor) ms\"" artifacts/bench/startup-assess.json
else
  runs=10
  echo "ReadyToRun: median $(median_ms "$r2r/codegen" assess src/CodegenBot.Cli/Program.cs --format json) ms"
  echo "JIT:        median $(median_ms "$jit/codegen" assess src/CodegenBot.Cli/Program.cs --format json) ms"
fi

echo "== (b) publish folder"
for d in "$r2r" "$jit" "$sc"; do
  echo "$d: $(du -sh "$d" | cut -f1) ($(( $(du -sk "$d" | cut -f1) / 1024 )) MB)"
done

echo "== (c) estimated image size"
# Dependency closure of git and universal-ctags without recommends, minus what every Ubuntu/Debian base has
# (Priority required/important) and the runtime-deps image's own packages.
in_base='^(libc6|libgcc-s1|libstdc\+\+6|libicu[0-9]*|libssl3.*|openssl|tzdata|zlib1g|ca-certificates|debconf|dpkg|perl-base|libzstd1|liblzma5|libbz2-1.0|libselinux1|libpcre2-8-0|libcrypt1|libgmp10|libffi8|libgnutls30|libidn2-0|libunistring.*|libp11-kit0|libtasn1-6|libnettle8|libhogweed6|libsystemd0|libcap2|libacl1|libattr1|libaudit.*|libdb5.3|libtinfo6|libsemanage.*|libsepol.*|liblz4-1|libgcrypt20|libgpg-error0|libmd0|libxxhash0|debianutils|sensible-utils|base-files|coreutils)$'
pkgs=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces \
         --no-enhances --no-pre-depends git universal-ctags 2>/dev/null | grep -v '^ ' | grep -v '^<' | sort -u)
apt_kb=0; counted=()
for p in $pkgs; do
  [[ "$p" =~ $in_base ]] && continue
  prio=$(apt-cache show "$p" 2>/dev/null | awk '/^Priority:/ && !s {print $2; s=1}')
  [[ "$prio" == required || "$prio" == important ]] && continue
  kb=$(apt-cache show "$p" 2>/dev/null | awk '/^Installed-Size:/ && !s {print $2; s=1}')
  apt_kb=$((apt_kb + ${kb:-0})); counted+=("$p")
done
publish_mb=$(( $(du -sk "$r2r" | cut -f1) / 1024 ))
apt_mb=$((apt_kb / 1024))
echo "apt packages (${#counted[@]}): ${counted[*]}"
echo "base image (assumed) ${base_mb} MB + apt ${apt_mb} MB + publish ${publish_mb} MB = ~$((base_mb + apt_mb + publish_mb)) MB uncompressed"
sc_mb=$(( $(du -sk "$sc" | cut -f1) / 1024 ))
echo "self-contained alternative: runtime-deps (assumed) ${deps_mb} MB + apt ${apt_mb} MB + publish ${sc_mb} MB = ~$((deps_mb + apt_mb + sc_mb)) MB uncompressed"
