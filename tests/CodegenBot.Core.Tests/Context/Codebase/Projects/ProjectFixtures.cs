using CodegenBot.Core.Context.Codebase.Manifests;
using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

/// <summary>Runs one detector over in-memory files, with the dependencies their manifests declare.</summary>
internal static class ProjectFixtures
{
    /// <summary>Each project as <c>path | kind | name | isTest | framework | entry,points</c>.</summary>
    public static List<string> Detect(IProjectDetector detector, params (string Path, string Content)[] files)
    {
        var repository = CodebaseFixtures.Snapshot(files);
        return detector.Detect(repository, ManifestScan.Read(repository).Dependencies)
            .Select(p => $"{p.Path} | {p.Kind} | {p.Name} | {p.IsTest} | {p.TestFramework} | {string.Join(",", p.EntryPoints)}").ToList();
    }
}
