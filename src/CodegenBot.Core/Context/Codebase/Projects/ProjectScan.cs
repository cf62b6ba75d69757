namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>Every project detector, and what they share: which files belong to which project folder.</summary>
internal static class ProjectScan
{
    /// <summary>Source files read at most per project when looking for entry points (main functions) or tests.</summary>
    public const int MaxFilesScannedPerProject = 200;

    private static readonly IProjectDetector[] Detectors =
    [
        new DotnetProjectDetector(), new NodeProjectDetector(), new PythonProjectDetector(), new GoProjectDetector(),
        new JvmProjectDetector(), new CargoProjectDetector(),
    ];

    public static IReadOnlyList<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies) =>
        Detectors.SelectMany(d => d.Detect(repository, dependencies))
            .OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Kind, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Files under <paramref name="folder"/> that no nested project folder (of the same ecosystem) claims.</summary>
    public static IEnumerable<string> Owned(RepositorySnapshot repository, string folder, IReadOnlyCollection<string> projectFolders)
    {
        var nested = projectFolders.Where(f => f != folder && (folder.Length == 0 || f.StartsWith(folder + "/", StringComparison.Ordinal))).ToList();
        return repository.Under(folder).Where(file => !nested.Any(n => file.StartsWith(n + "/", StringComparison.Ordinal)));
    }

    /// <summary>The dependencies declared by manifests in <paramref name="folder"/> itself.</summary>
    public static IEnumerable<Dependency> DeclaredIn(IReadOnlyList<Dependency> dependencies, string folder, string ecosystem) =>
        dependencies.Where(d => d.Ecosystem == ecosystem && RepositorySnapshot.FolderOf(d.Manifest) == folder);
}
