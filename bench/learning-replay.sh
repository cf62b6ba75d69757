#!/usr/bin/env bash
# Learning's measured effect (docs/benchmarks.md, "Learning: replay experiment"): the same tasks through the real
# pipeline, journal and SQLite store, with learning off and then on, against a scripted model on a local server
# that forgets a semicolon on its first answer unless the prompt carries the lesson about it.
#   bench/learning-replay.sh [tasks]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench learning-replay --tasks "${1:-10}"
