using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>
/// Cargo crates (a <c>Cargo.toml</c> with <c>[package]</c>; workspaces alone are not crates): <c>src/main.rs</c>,
/// <c>src/bin/*.rs</c> and <c>[[bin]] path</c> as entry points; <c>cargo test</c> when a <c>tests/</c> folder or a
/// <c>#[test]</c> in the crate's sources exists.
/// </summary>
internal sealed class CargoProjectDetector : IProjectDetector
{
    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var manifests = repository.Named("Cargo.toml").ToList();
        var folders = manifests.Select(RepositorySnapshot.FolderOf).ToList();
        foreach (var path in manifests)
        {
            if (Parse(repository.Read(path)) is not { } entries || !entries.Any(e => e.Table == "package"))
            {
                continue;
            }

            var folder = RepositorySnapshot.FolderOf(path);
            var sources = ProjectScan.Owned(repository, folder, folders).Where(f => f.EndsWith(".rs", StringComparison.Ordinal)).ToList();
            var binFolder = RepositorySnapshot.Combine(folder, "src/bin/");
            var entryPoints = sources.Where(f => f == RepositorySnapshot.Combine(folder, "src/main.rs")
                    || (f.StartsWith(binFolder, StringComparison.Ordinal) && (!f[binFolder.Length..].Contains('/', StringComparison.Ordinal) || f.EndsWith("/main.rs", StringComparison.Ordinal))))
                .Concat(entries.Where(e => e.Table == "bin" && e.Key == "path").Select(e => e.Value.String).OfType<string>()
                    .Select(p => RepositorySnapshot.Resolve(folder, p)).OfType<string>())
                .Distinct(StringComparer.Ordinal).ToList();
            var tested = sources.Any(f => f.StartsWith(RepositorySnapshot.Combine(folder, "tests/"), StringComparison.Ordinal))
                || sources.Take(ProjectScan.MaxFilesScannedPerProject).Any(f => repository.Read(f)?.Contains("#[test]", StringComparison.Ordinal) == true);
            var name = entries.FirstOrDefault(e => e.Table == "package" && e.Key == "name")?.Value.String;
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), "cargo-crate", name, IsTest: false, tested ? "cargo test" : null, entryPoints);
        }
    }

    private static IReadOnlyList<TomlEntry>? Parse(string? text)
    {
        try
        {
            return text is null ? null : TomlLite.Parse(text);
        }
        catch (FormatException)
        {
            // Why: a malformed Cargo.toml is skipped; the rest of the profile stands.
            return null;
        }
    }
}
