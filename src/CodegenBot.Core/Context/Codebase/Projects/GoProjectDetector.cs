using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>Go modules: the module path from go.mod, folders with <c>package main</c> as entry points, <c>go test</c> when <c>*_test.go</c> files exist.</summary>
internal sealed partial class GoProjectDetector : IProjectDetector
{
    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var modules = repository.Named("go.mod").ToList();
        var folders = modules.Select(RepositorySnapshot.FolderOf).ToList();
        foreach (var path in modules)
        {
            if (repository.Read(path) is not { } text || GoModParser.ModuleName(text) is not { } name)
            {
                continue;
            }

            var folder = RepositorySnapshot.FolderOf(path);
            var sources = ProjectScan.Owned(repository, folder, folders).Where(f => f.EndsWith(".go", StringComparison.Ordinal)).ToList();
            var mains = sources.Where(f => !f.EndsWith("_test.go", StringComparison.Ordinal))
                .Where(f => repository.Read(f) is { } text && PackageMain().IsMatch(text))
                .Select(f => RepositorySnapshot.Display(RepositorySnapshot.FolderOf(f))).Distinct(StringComparer.Ordinal).ToList();
            var framework = sources.Any(f => f.EndsWith("_test.go", StringComparison.Ordinal)) ? "go test" : null;
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), "go-module", name, IsTest: false, framework, mains);
        }
    }

    [GeneratedRegex(@"^package\s+main\b", RegexOptions.Multiline)]
    private static partial Regex PackageMain();
}
