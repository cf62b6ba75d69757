#!/usr/bin/env bash
# Quality assessor throughput on a real repository (docs/benchmarks.md, "Quality assessor throughput").
#   bench/assess-throughput.sh /path/to/checkout [label]
# Runs `codegen assess` over the whole tree twice: cold (empty cache: every file analysed) and warm (per-file
# analyses reused from the cache); reports wall time, files analysed, files per second and peak memory (GNU time).
set -euo pipefail
repo=$(cd "$1" && pwd)
label=${2:-$(basename "$repo")}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
cache=$(mktemp -d)
trap 'rm -rf "$out" "$cache"' EXIT

dotnet publish "$here/src/CodegenBot.Cli" -c Release -r linux-x64 --self-contained false -o "$out/cli" --nologo -v quiet >/dev/null
export CODEGEN_CONTEXT__CACHE_DIRECTORY="$cache" XDG_CACHE_HOME="$cache"
echo "repository: $label ($(git -C "$repo" ls-files | wc -l) tracked files), machine: $(nproc) cores, $(date -u +%F)"
for run in cold warm; do
  /usr/bin/time -f "%e %M" -o "$out/time" dotnet "$out/cli/codegen.dll" assess "$repo" --format json --output "$out/report.json" >/dev/null 2>"$out/stderr" || true
  read -r seconds kb < <(tail -1 "$out/time")
  python3 - "$out/report.json" "$run" "$seconds" "$kb" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
assessment = report.get("assessment", report)
files = assessment.get("analyzedFiles", [])
languages = collections.Counter(f.get("language", "?") for f in assessment.get("files", []))
seconds, kb = float(sys.argv[3]), int(sys.argv[4])
print(f"{sys.argv[2]:<5} {seconds:8.2f} s  {len(files):6d} files  {len(files) / seconds:8.1f} files/s  {kb // 1024:6d} MB peak  "
      + ", ".join(f"{k} {v}" for k, v in languages.most_common()))
PY
done
