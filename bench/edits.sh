#!/usr/bin/env bash
# Edit application accuracy (docs/benchmarks.md, "Edit application"): applies every case of bench/edits/corpus.jsonl
# (and the held-out bench/edits/heldout.jsonl, built with other seeds after the matcher was tuned) with the
# production EditApplier to its real file and compares with the intended result.
#
#   bench/edits.sh MIRRORS
#
# MIRRORS holds the repositories named owner+name (pallets+flask, typeorm+typeorm, dotnet+efcore), with the
# commits the corpus names. To rebuild a corpus: CodegenBot.Bench make-edits --git REPO --repo owner/name --ext .py --seed N
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=$(cd "$1" && pwd)
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
status=0
for corpus in bench/edits/corpus.jsonl bench/edits/heldout.jsonl; do
  echo "## $corpus"
  bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench edits --corpus "$corpus" --mirrors "$mirrors" 2>/dev/null || status=$?
done
exit $status
