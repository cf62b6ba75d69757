#!/usr/bin/env bash
# Time from event to pull request (docs/benchmarks.md, "Action: event to pull request"): the published
# `codegen action` (ReadyToRun, as in the container) against the fake GitHub REST server and a fake model that
# answers at once, with a bare git remote on disk.
#   bench/action-latency.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x artifacts/publish/codegen ] || bash scripts/publish.sh >/dev/null
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench action-latency --codegen artifacts/publish/codegen --runs "${1:-10}"
