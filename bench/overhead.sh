#!/usr/bin/env bash
# Pipeline overhead per attempt, without the model's own latency (docs/benchmarks.md, "Pipeline overhead").
#   bench/overhead.sh [runs] [files]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench overhead --runs "${1:-50}" --files "${2:-300}"
