#!/usr/bin/env bash
# Context engine speed on a real repository, side by side with `ctags -R` on the same tree in the same run.
#   bench/context-speed.sh /path/to/checkout [label]
# Measures: ctags -R (reference), cold index (empty cache), warm run (unchanged tree), incremental run after
# changing 10 source files, each with wall time and peak memory (GNU time), one `codegen context` process each.
# Then the same in one long-lived process (`CodegenBot.Bench context-resident`: a resident ContextMemory, as the
# webhook app holds it): cold, median of 5 warm runs, incremental after the same 10 changes. The checkout must be a
# git work tree; the changed files are restored.
set -euo pipefail
repo=$(cd "$1" && pwd)
label=${2:-$(basename "$repo")}
here=$(cd "$(dirname "$0")/.." && pwd)
out=$(mktemp -d)
cache=$(mktemp -d)
trap 'rm -rf "$out" "$cache"; git -C "$repo" checkout -q -- . 2>/dev/null || true' EXIT

dotnet publish "$here/src/CodegenBot.Cli" -c Release -r linux-x64 --self-contained false -o "$out/cli" --nologo -v quiet >/dev/null
dotnet build "$here/bench/CodegenBot.Bench" -c Release -o "$out/bench" --nologo -v quiet >/dev/null
cli=("dotnet" "$out/cli/codegen.dll")
task="Fix the retry logic of the connection and add a test"

measure() { # name, command...
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time" "$@" >"$out/stdout" 2>"$out/stderr" || { cat "$out/stderr" >&2; exit 1; }
  read -r seconds kb <"$out/time"
  printf '%-12s %8.2f s %8d MB\n' "$name" "$seconds" $((kb / 1024))
  echo "$name $seconds" >>"$out/results"
}

files=$(git -C "$repo" ls-files | wc -l)
echo "repository: $label ($files tracked files), machine: $(nproc) cores, $(date -u +%F)"
measure "ctags" ctags -R --output-format=json --fields=+nKSe -f "$out/tags" "$repo"
export CODEGEN_CONTEXT__CACHE_DIRECTORY="$cache"
measure "cold" "${cli[@]}" context --repo "$repo" --task "$task" --format json
grep -o '"analysed": [0-9]*' "$out/stdout" | head -1
measure "warm" "${cli[@]}" context --repo "$repo" --task "$task" --format json
git -C "$repo" ls-files '*.cs' '*.ts' '*.py' | head -10 | while read -r f; do echo "// bench change" >>"$repo/$f"; done || true
measure "incremental" "${cli[@]}" context --repo "$repo" --task "$task" --format json
grep -o '"analysed": [0-9]*' "$out/stdout" | head -1
awk '{t[$1]=$2} END {printf "cold/ctags = %.2f, incremental/cold = %.2f\n", t["cold"]/t["ctags"], t["incremental"]/t["cold"]}' "$out/results"
git -C "$repo" checkout -q -- .
mkdir -p "$cache/resident"
dotnet "$out/bench/CodegenBot.Bench.dll" context-resident --repo "$repo" --cache "$cache/resident" --task "$task" | tail -1
