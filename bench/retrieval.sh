#!/usr/bin/env bash
# Retrieval quality of the context engine against plain BM25 on bench/retrieval/dev-set.jsonl
# (docs/benchmarks.md, "Retrieval quality").
#
#   bench/retrieval.sh MIRRORS [WORK]
#
# MIRRORS holds one git repository per public repository of the set, named owner+name (a clone or a bare
# directory with full history). WORK (default /tmp/codegen-retrieval) receives a shared clone of each, checked
# out at each task's commit, a fresh context cache, and results.jsonl with every task's rankings.
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=$(cd "$1" && pwd)
work=${2:-/tmp/codegen-retrieval}
tasks=bench/retrieval/dev-set.jsonl

mkdir -p "$work/clones"
for repo in $(jq -r '.repo' "$tasks" | sort -u); do
  name=${repo/\//+}
  source="$mirrors/$name"; [ -d "$source/repo" ] && source="$source/repo"
  if [ ! -d "$work/clones/$name" ]; then
    git clone --quiet --no-checkout --shared "$source" "$work/clones/$name"
    if [ -f "bench/retrieval/sparse/$name" ]; then
      grep -v "^#" "bench/retrieval/sparse/$name" | git -C "$work/clones/$name" sparse-checkout set --no-cone --stdin
    fi
  fi
done

dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet
rm -rf "$work/cache"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench retrieval \
  --tasks "$tasks" --work "$work/clones" --cache "$work/cache" --out "$work/results.jsonl"
