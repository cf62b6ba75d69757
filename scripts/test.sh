#!/usr/bin/env bash
# The test command (README "Quick start"): builds and runs every test project, writing TRX files to
# artifacts/test-results/ and, when running inside GitHub Actions, annotations through GitHubActionsTestLogger.
set -euo pipefail
cd "$(dirname "$0")/.."

results="${TEST_RESULTS_DIR:-artifacts/test-results}"
rm -rf "$results"
mkdir -p "$results"

loggers=(--logger "trx" --logger "console;verbosity=normal")
if [ "${GITHUB_ACTIONS:-}" = "true" ]; then
  loggers+=(--logger "GitHubActions;summary-include-passed=false")
fi

dotnet build CodegenBot.sln --configuration Release "$@"
dotnet test CodegenBot.sln --configuration Release --no-build --results-directory "$results" "${loggers[@]}"
