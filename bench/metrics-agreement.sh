#!/usr/bin/env bash
# Agreement of the assessor's C# metrics with Microsoft's code metrics (docs/benchmarks.md, "C# metrics agreement").
#   bench/metrics-agreement.sh PROJECT.csproj [REPOSITORY_ROOT]
#   TARGET_FRAMEWORK=net8.0 BUILD_ARGS="-p:TreatWarningsAsErrors=false" bench/metrics-agreement.sh ...
#   (a multi-targeting project is built for one framework; BUILD_ARGS go to both dotnet calls)
# The reference is Visual Studio's engine (AnalyzerUtilities' CodeAnalysisMetricData) over the project's full
# compilation: its sources, what the build generated (global usings, assembly info, source generator output) and
# every reference assembly the build resolved. The assessor sees only the sources and the framework.
set -euo pipefail
project="$(realpath "$1")"
root="$(realpath "${2:-$(git -C "$(dirname "$project")" rev-parse --show-toplevel)}")"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tf=()
inner=()
if [ -n "${TARGET_FRAMEWORK:-}" ]; then tf=(-p:TargetFrameworks="$TARGET_FRAMEWORK"); inner=(-p:TargetFramework="$TARGET_FRAMEWORK"); fi
read -r -a extra <<< "${BUILD_ARGS:-}"
tf+=("${extra[@]}")
dotnet build bench/CodegenBot.Bench --configuration Release --nologo --verbosity quiet >/dev/null
dotnet build "$project" --configuration Release --nologo --verbosity quiet --no-incremental "${tf[@]}" \
  -p:EmitCompilerGeneratedFiles=true -p:CompilerGeneratedFilesOutputPath="$work/generated" >/dev/null
dotnet msbuild "$project" -t:FindReferenceAssembliesForReferences -getItem:ReferencePathWithRefAssemblies -getProperty:IntermediateOutputPath -getProperty:DefineConstants \
  -p:Configuration=Release "${tf[@]}" "${inner[@]}" > "$work/build.json"
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
data = json.load(open(os.path.join(work, "build.json")))
with open(os.path.join(work, "references.txt"), "w") as f:
    for item in data["Items"]["ReferencePathWithRefAssemblies"]:
        print(item["FullPath"], file=f)
with open(os.path.join(work, "obj.txt"), "w") as f:
    print(data["Properties"]["IntermediateOutputPath"].replace("\\", "/"), file=f)
with open(os.path.join(work, "defines.txt"), "w") as f:
    print(data["Properties"]["DefineConstants"], file=f)
PY
obj="$(cat "$work/obj.txt")"
case "$obj" in /*) ;; *) obj="$(dirname "$project")/$obj" ;; esac
mapfile -t generated < <(find "$work/generated" "$obj" -maxdepth 4 -name '*.cs' 2>/dev/null | sort -u)
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%d); project $(basename "$project")"
bench/CodegenBot.Bench/bin/Release/net10.0/CodegenBot.Bench metrics-agreement --root "$root" --project "$(dirname "$project")" \
  --references "$work/references.txt" --defines "$(cat "$work/defines.txt")" --generated "${generated[@]}"
