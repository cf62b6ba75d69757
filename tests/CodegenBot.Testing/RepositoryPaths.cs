namespace CodegenBot.Testing;

/// <summary>
/// Paths in this repository's checkout, found from the test assembly's folder (CallerFilePath does not work: CI
/// builds are deterministic and map source paths to <c>/_/</c>).
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>CodegenBot.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path under the root, written with forward slashes.</summary>
    public static string Combine(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CodegenBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"CodegenBot.sln was not found above {AppContext.BaseDirectory}.");
    }
}
