#!/usr/bin/env bash
# Cyclomatic complexity agreement with the established tools (docs/benchmarks.md, "Cyclomatic complexity agreement").
#   bench/complexity.sh [MIRRORS] [WORK] [TOOL]     (TOOL: radon, eslint, checkstyle or gocyclo; all when omitted)
# MIRRORS holds bare git directories named owner+name/repo (the `fetch` tool's layout, default /work/.mirror);
# each project's HEAD is exported to WORK (default /tmp/complexity-bench), never into this repository.
# Reference tools: radon (Debian package), ESLint 9 with typescript-eslint (npm, into WORK/eslint), checkstyle
# (Debian package), and gocyclo's rule re-typed on go/ast (bench/complexity/gocyclo.go, built with Debian's golang-go:
# gocyclo itself needs the Go module proxy).
set -euo pipefail
cd "$(dirname "$0")/.."
MIRRORS="${1:-/work/.mirror}"
WORK="${2:-/tmp/complexity-bench}"
TOOL="${3:-all}"
want() { [ "$TOOL" = all ] || [ "$TOOL" = "$1" ]; }
mkdir -p "$WORK/src" "$WORK/reports"

need_apt() { command -v "$1" >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y "$2" >/dev/null; }
need_apt radon radon
need_apt checkstyle checkstyle
need_apt go golang-go
if [ ! -x "$WORK/gocyclo/gocyclo" ]; then
  mkdir -p "$WORK/gocyclo" && cp bench/complexity/gocyclo.go "$WORK/gocyclo/main.go"
  (cd "$WORK/gocyclo" && { [ -f go.mod ] || go mod init gocyclo >/dev/null 2>&1; } && GOPROXY=off GOFLAGS=-mod=mod go build -o gocyclo .)
fi
if [ ! -x "$WORK/eslint/node_modules/.bin/eslint" ]; then
  mkdir -p "$WORK/eslint" && (cd "$WORK/eslint" && npm init -y >/dev/null && npm install --silent eslint@9 typescript-eslint typescript >/dev/null)
fi

dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
BENCH=bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d)"
echo "Tools: radon $(radon --version), ESLint $("$WORK/eslint/node_modules/.bin/eslint" --version), checkstyle $(checkstyle --version 2>&1 | awk '{print $NF}'), $(go version | awk '{print $3}') go/ast"

export_project() { # owner+name → WORK/src/owner+name
  local dir="$WORK/src/$1"
  if [ ! -d "$dir" ]; then
    mkdir -p "$dir" && git --git-dir="$MIRRORS/$1/repo" archive HEAD | tar -x -C "$dir"
  fi
  echo "$dir"
}

run_radon() { # project
  local dir; dir=$(export_project "$1")
  radon cc -j "$dir" > "$WORK/reports/$1.radon.json"
  "$BENCH" complexity --root "$dir" --language python --tool radon --report "$WORK/reports/$1.radon.json" --label "${1/+//}"
}

run_eslint() { # project language subfolder
  local dir; dir=$(export_project "$1")
  cat > "$dir/.complexity.eslint.config.mjs" <<JS
import { createRequire } from "module";
const require = createRequire("$WORK/eslint/package.json");
const tseslint = require("typescript-eslint");
const rules = { complexity: ["error", 0] };
export default [
  { ignores: ["**/node_modules/**", "**/dist/**", "**/build/**", "**/*.min.js", "**/vendor/**"] },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs", "**/*.jsx"], languageOptions: { ecmaVersion: "latest", sourceType: "module", parserOptions: { ecmaFeatures: { jsx: true } } }, rules },
  { files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts"], languageOptions: { parser: tseslint.parser }, rules },
];
JS
  (cd "$dir" && "$WORK/eslint/node_modules/.bin/eslint" -c .complexity.eslint.config.mjs --no-warn-ignored --format json -o "$WORK/reports/$1.eslint.json" "${3:-.}") || true
  "$BENCH" complexity --root "$dir" --language "$2" --tool eslint --report "$WORK/reports/$1.eslint.json" --label "${1/+//}" --before 3
}

run_checkstyle() { # project
  local dir; dir=$(export_project "$1")
  cat > "$WORK/checkstyle.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN" "https://checkstyle.org/dtds/configuration_1_3.dtd">
<module name="Checker">
  <module name="TreeWalker">
    <module name="CyclomaticComplexity">
      <property name="max" value="0"/>
      <property name="switchBlockAsSingleDecisionPoint" value="false"/>
    </module>
  </module>
</module>
XML
  # Checkstyle 8.36 stops at the first file it cannot parse (module-info.java, newer syntax): leave such files out and rerun.
  local excludes=() failed
  for _ in $(seq 1 20); do
    if checkstyle -c "$WORK/checkstyle.xml" -f xml -o "$WORK/reports/$1.checkstyle.xml" "${excludes[@]}" "$dir" >/dev/null 2>"$WORK/reports/$1.checkstyle.err"; then break; fi
    failed=$(grep -o 'while processing [^ ]*' "$WORK/reports/$1.checkstyle.err" | head -1 | awk '{print $3}' || true)
    [ -n "$failed" ] || break
    echo "  checkstyle cannot parse ${failed#$dir/}: left out"
    excludes+=(-e "$failed")
  done
  "$BENCH" complexity --root "$dir" --language java --tool checkstyle --report "$WORK/reports/$1.checkstyle.xml" --label "${1/+//}" --window 15
}

run_gocyclo() { # project
  local dir; dir=$(export_project "$1")
  "$WORK/gocyclo/gocyclo" "$dir" > "$WORK/reports/$1.gocyclo.txt"
  "$BENCH" complexity --root "$dir" --language go --tool gocyclo --report "$WORK/reports/$1.gocyclo.txt" --label "${1/+//}"
}

want radon && run_radon pallets+flask
want radon && run_radon psf+requests
want eslint && run_eslint expressjs+express javascript
want eslint && run_eslint typeorm+typeorm typescript src
want checkstyle && run_checkstyle google+gson
want checkstyle && run_checkstyle apache+commons-lang
want gocyclo && run_gocyclo spf13+cobra
want gocyclo && run_gocyclo gin-gonic+gin
