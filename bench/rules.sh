#!/usr/bin/env bash
# Precision and recall of the security and performance rules (config/rules/*.yaml and the coded rules in
# src/CodegenBot.Core/Quality/Rules/) on the labelled corpus, then findings per rule on real source trees
# (docs/benchmarks.md, "Security rules: precision and recall").
#
#   bench/rules.sh [MIRRORS] [WORK]
#
# MIRRORS (optional) holds bare git repositories named owner+name (each a directory with repo/ inside, or the
# git directory itself); the HEAD of each listed below is exported to WORK (default /tmp/codegen-rules) and
# scanned. Without MIRRORS only the corpus is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
repos="pallets+flask psf+requests expressjs+express typeorm+typeorm google+gson apache+commons-lang"

dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet
bench=bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
"$bench" rules --corpus tests/CodegenBot.Core.Tests/Quality/Rules/Corpus

if [ $# -ge 1 ]; then
  mirrors=$(cd "$1" && pwd)
  work=${2:-/tmp/codegen-rules}
  roots=("$PWD/src")
  for name in $repos; do
    source="$mirrors/$name"; [ -d "$source/repo" ] && source="$source/repo"
    [ -d "$source" ] || { echo "skipped $name: not in $mirrors" >&2; continue; }
    rm -rf "${work:?}/$name" && mkdir -p "$work/$name"
    git --git-dir="$source" archive HEAD | tar -x -C "$work/$name"
    roots+=("$work/$name")
  done
  "$bench" rules-scan --root "${roots[@]}" --sample 50
fi
