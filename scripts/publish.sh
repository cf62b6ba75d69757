#!/usr/bin/env bash
# Publishes the CLI exactly as the container image ships it: Release, linux-x64, framework-dependent,
# ReadyToRun (precompiled, faster start-up), into artifacts/publish/ (or $PUBLISH_DIR). The Dockerfile runs
# this same script, so what CI publishes and smoke-tests is what the image contains.
# English-only satellite resources (Roslyn ships 13 languages; the bot writes English) and no XML
# documentation files: both are dead weight in the image.
# SELF_CONTAINED=true publishes with the runtime (bench/startup.sh compares the two). Extra arguments are
# passed to `dotnet publish` (e.g. --no-restore, -p:PublishReadyToRun=false).
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="${PUBLISH_DIR:-artifacts/publish}"
rm -rf "$out"

dotnet publish src/CodegenBot.Cli/CodegenBot.Cli.csproj \
  --configuration Release \
  --runtime linux-x64 \
  --self-contained "${SELF_CONTAINED:-false}" \
  -p:PublishReadyToRun=true \
  -p:SatelliteResourceLanguages=en \
  -p:PublishDocumentationFile=false \
  -p:PublishReferencesDocumentationFiles=false \
  --output "$out" \
  "$@"

# Symbol files are not needed at run time (stack traces keep method names without them).
find "$out" -name '*.pdb' -delete
size_kb=$(du -sk "$out" | cut -f1)
echo "Published $out: $(du -sh "$out" | cut -f1) ($((size_kb / 1024)) MB, $(find "$out" -type f | wc -l) files)"
