#!/usr/bin/env bash
# Cold `codegen context` against `ctags -R` on the same tree, alternated round by round so that a shared machine's
# drift hits both alike (single runs of either spread by ±15% on the CI machine kind within minutes).
#   bench/context-cold.sh /path/to/checkout [rounds=8] [cli-folder ...]
# Without cli folders, publishes the CLI of this checkout as the image ships it (scripts/publish.sh). With several,
# each round runs them one after the other, to compare builds.
# Per round: `ctags -R --output-format=json --fields=+nKSe` (the reference: the fields the engine asks for), then one
# `codegen context --format json` process per CLI on an empty cache. Reported for each:
#   process  the whole process: start-up, index, tokenizer, ranking, profile, fitting, JSON output, exit;
#   to index the process until its index is done: its "start-up (process start to indexing)" phase (the runtime,
#            the command line, git's view read ahead, configuration, services) plus its "index" phase; the cold index
#            as a command that only indexed would give it, less the cache write;
#   index    its "index" phase alone (from the JSON): listing, describing, symbols and terms, with the tokenizer's
#            load beside it; what the action and the webhook app wait for to index a checkout, their process being up.
# (A CLI without the start-up phase, built before it, reports "to index" as its index phase.)
# Then the medians over the rounds and the median of each round's ratio to that round's ctags time.
set -euo pipefail
repo=$(cd "$1" && pwd)
rounds=${2:-8}
shift $(($# < 2 ? $# : 2))
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
clis=("$@")
if [ ${#clis[@]} -eq 0 ]; then
  PUBLISH_DIR="$work/cli" "$here/scripts/publish.sh" >/dev/null
  clis=("$work/cli")
fi
command -v ctags >/dev/null || { echo "ctags is not on the PATH; install the Debian package universal-ctags." >&2; exit 1; }
task="Fix the retry logic of the connection and add a test"
# The seconds of a phase of the JSON output ("elapsed": "00:00:02.8912345"), empty when it is missing.
phase() {
  grep -F -A1 "\"name\": \"$1\"," "$work/out.json" | sed -n 's/.*"elapsed": "\([0-9]*\):\([0-9]*\):\([0-9.]*\)".*/\1 \2 \3/p' \
    | awk '{printf "%.3f", $1 * 3600 + $2 * 60 + $3}' || true
}
seconds() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.3f", (e - s) / 1e9 }'; }

echo "repository: $(basename "$repo") ($(git -C "$repo" ls-files | wc -l) tracked files), $rounds rounds," \
  "machine: $(nproc) cores, $(($(grep MemTotal /proc/meminfo | awk '{print $2}') / 1048576)) GiB, $(date -u '+%F %H:%M') UTC"
# Builds are named by position (build1, build2...), not by folder, so two folders of the same name stay apart.
for i in "${!clis[@]}"; do echo "build$((i + 1)): ${clis[$i]}"; done
for round in $(seq "$rounds"); do
  rm -f "$work/tags"
  start=$(date +%s%N)
  ctags -R --output-format=json --fields=+nKSe -f "$work/tags" "$repo" 2>"$work/ctags.err" || { cat "$work/ctags.err" >&2; exit 1; }
  end=$(date +%s%N)
  ctags=$(seconds "$start" "$end")
  line="round $round: ctags $ctags s"
  printf 'ctags\t%s\t%s\n' "$round" "$ctags" >>"$work/results"
  for i in "${!clis[@]}"; do
    cli=${clis[$i]}
    name=build$((i + 1))
    rm -rf "$work/cache"
    start=$(date +%s%N)
    CODEGEN_CONTEXT__CACHE_DIRECTORY="$work/cache" "$cli/codegen" context --repo "$repo" --task "$task" --format json \
      >"$work/out.json" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    end=$(date +%s%N)
    process=$(seconds "$start" "$end")
    index=$(phase "index")
    [ -n "$index" ] || { echo "no index phase in the output of $cli" >&2; exit 1; }
    startup=$(phase "start-up (process start to indexing)")
    upto=$(awk -v a="${startup:-0}" -v b="$index" 'BEGIN { printf "%.3f", a + b }')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$process" "$index" "$ctags" "$upto" >>"$work/results"
    line="$line | $name process $process s, to index $upto s, index $index s"
  done
  echo "$line"
done

awk -F'\t' -v builds=${#clis[@]} '
  function median(list, n,    sorted, i, j, t) {
    for (i = 1; i <= n; i++) sorted[i] = list[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (sorted[j] < sorted[i]) { t = sorted[i]; sorted[i] = sorted[j]; sorted[j] = t }
    return n % 2 ? sorted[(n + 1) / 2] : (sorted[n / 2] + sorted[n / 2 + 1]) / 2
  }
  $1 == "ctags" { c[++nc] = $3; next }
  { k = ++n[$1]; p[$1, k] = $3; x[$1, k] = $4; u[$1, k] = $6; rp[$1, k] = $3 / $5; rx[$1, k] = $4 / $5; ru[$1, k] = $6 / $5; }
  END {
    printf "medians: ctags %.2f s\n", median(c, nc)
    for (j = 1; j <= builds; j++) {
      name = "build" j
      m = n[name]
      for (i = 1; i <= m; i++) { a[i] = p[name, i]; b[i] = x[name, i]; d[i] = rp[name, i]; e[i] = rx[name, i]; f[i] = u[name, i]; g[i] = ru[name, i] }
      printf "%s: process %.2f s (%.2fx ctags), to index %.2f s (%.2fx), index %.2f s (%.2fx)\n", name, median(a, m), median(d, m), median(f, m), median(g, m), median(b, m), median(e, m)
    }
  }' "$work/results"
