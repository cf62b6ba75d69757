#!/usr/bin/env bash
# Agreement of the assessor's C# metrics with Microsoft's code metrics (docs/benchmarks.md, "C# metrics agreement").
#   bench/metrics-agreement.sh PROJECT.csproj [REPOSITORY_ROOT]
# The reference is Visual Studio's engine (AnalyzerUtilities' CodeAnalysisMetricData) over the project's full
# compilation: its sources, what the build generated (global usings, assembly info, source generator output) and
# every reference assembly the build resolved. The assessor sees only the sources and the framework.
set -euo pipefail
project="$(realpath "$1")"
root="$(realpath "${2:-$(git -C "$(dirname "$project")" rev-parse --show-toplevel)}")"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
dotnet build "$project" --configuration Release --nologo --verbosity quiet --no-incremental \
  -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" >/dev/null
dotnet msbuild "$project" -t:FindReferenceAssembliesForReferences -getItem:ReferencePathWithRefAssemblies -p:Configuration=Release \
  | python3 -c 'import json,sys; [print(i["FullPath"]) for i in json.load(sys.stdin)["Items"]["ReferencePathWithRefAssemblies"]]' > "$work/references.txt"
obj="$(dirname "$project")/obj/Release"
mapfile -t generated < <(find "$work/generated" "$obj" -name '*.cs' 2>/dev/null | sort -u)
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); project $(basename "$project")"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench metrics-agreement --root "$root" --project "$(dirname "$project")" \
  --references "$work/references.txt" --generated "${generated[@]}"
