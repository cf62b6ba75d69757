using System.Globalization;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// Architecture from folder names: layered/MVC, clean architecture, ports and adapters, feature folders, and tests
/// whose folders mirror the source folders (<c>tests/X.Tests/A</c> ↔ <c>src/X/A</c>, <c>src/test/java/p</c> ↔ <c>src/main/java/p</c>).
/// </summary>
internal sealed class LayeringAnalyzer : IPatternAnalyzer
{
    /// <summary>Share of test files in mirrored folders from which "tests mirror sources" is reported.</summary>
    public const double MirrorMinShare = 0.5;

    /// <summary>Subfolders a features/modules folder needs to count as feature folders.</summary>
    public const int MinFeatureFolders = 2;

    /// <summary>Architectures, their layers (folder names, any case, any alternative), and how many layers must be present.</summary>
    private static readonly (string Name, string[][] Layers, int MinLayers)[] Styles =
    [
        ("MVC / layered", [["controllers", "controller"], ["services", "service"], ["repositories", "repository", "dal", "dataaccess"], ["models", "model", "entities"], ["views", "view"]], 2),
        ("clean architecture", [["domain"], ["application", "usecases", "use-cases"], ["infrastructure", "infra"], ["presentation", "api", "webapi", "web", "ui"]], 3),
        ("ports and adapters", [["ports", "port"], ["adapters", "adapter"]], 2),
    ];

    /// <summary>Folder names that hold one folder per feature.</summary>
    private static readonly HashSet<string> FeatureRoots = new(StringComparer.OrdinalIgnoreCase) { "features", "feature", "modules", "slices" };

    /// <summary>Test project name endings removed to find the project they test.</summary>
    private static readonly string[] TestSuffixes = [".UnitTests", ".IntegrationTests", ".Tests", ".Test", "Tests"];

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var folders = sample.AllFiles.SelectMany(RepositorySnapshot.AncestorFolders).Distinct(StringComparer.Ordinal).ToList();
        var names = folders.Select(RepositorySnapshot.FileName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var (style, layers, minLayers) in Styles)
        {
            var found = layers.Select(alternatives => names.FirstOrDefault(n => alternatives.Contains(n, StringComparer.OrdinalIgnoreCase))).OfType<string>().ToList();
            if (found.Count >= minLayers)
            {
                var evidence = string.Create(CultureInfo.InvariantCulture, $"folders {string.Join(", ", found)} ({found.Count} of {layers.Length} layers)");
                yield return new CodePattern("architecture", style, evidence, NamingConventions.Share(found.Count, layers.Length));
            }
        }

        var sources = sample.AllFiles.Where(f => LanguageTable.Detect(f) is not null).ToList();
        var featureRoots = folders.Where(f => FeatureRoots.Contains(RepositorySnapshot.FileName(f)))
            .Where(root => folders.Count(f => RepositorySnapshot.FolderOf(f) == root) >= MinFeatureFolders).ToList();
        if (featureRoots.Count > 0 && sources.Count > 0)
        {
            var inFeatures = sources.Count(s => featureRoots.Any(r => s.StartsWith(r + "/", StringComparison.Ordinal)));
            var subfolders = featureRoots.Sum(r => folders.Count(f => RepositorySnapshot.FolderOf(f) == r));
            var evidence = string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", featureRoots)} with {subfolders} feature folders; {inFeatures} of {sources.Count} source files");
            yield return new CodePattern("architecture", "feature folders", evidence, NamingConventions.Share(inFeatures, sources.Count));
        }

        var folderSet = folders.ToHashSet(StringComparer.Ordinal);
        var tests = sources.Select(f => (File: f, Mirrors: MirrorFolders(RepositorySnapshot.FolderOf(f)).ToList())).Where(t => t.Mirrors.Count > 0).ToList();
        var mirrored = tests.Count(t => t.Mirrors.Any(folderSet.Contains));
        var share = NamingConventions.Share(mirrored, tests.Count);
        if (tests.Count > 0 && share >= MirrorMinShare)
        {
            var evidence = string.Create(CultureInfo.InvariantCulture, $"{mirrored} of {tests.Count} test files sit in folders that mirror source folders");
            yield return new CodePattern("architecture", "tests mirror sources", evidence, share);
        }
    }

    /// <summary>The source folders a test folder would mirror; empty when the folder is not a test folder.</summary>
    private static IEnumerable<string> MirrorFolders(string folder)
    {
        var segments = folder.Split('/');
        var tests = Array.FindIndex(segments, s => s is "tests" or "test");
        if (tests < 0 || folder.Length == 0)
        {
            yield break;
        }

        var prefix = segments[..tests];
        if (tests > 0 && segments[tests - 1] == "src" && segments.Length > tests + 1)
        {
            // Maven/Gradle: src/test/java/p ↔ src/main/java/p
            yield return string.Join('/', [.. prefix, "main", .. segments[(tests + 1)..]]);
            yield break;
        }

        if (segments.Length > tests + 1)
        {
            // .NET style: tests/X.Tests/A ↔ src/X/A
            var project = segments[tests + 1];
            var tested = TestSuffixes.Where(s => project.EndsWith(s, StringComparison.Ordinal)).Select(s => project[..^s.Length]).FirstOrDefault() ?? project;
            yield return string.Join('/', [.. prefix, "src", tested, .. segments[(tests + 2)..]]);
            yield return string.Join('/', [.. prefix, tested, .. segments[(tests + 2)..]]);

            // Python/JS style: tests/A ↔ src/A
            yield return string.Join('/', [.. prefix, "src", .. segments[(tests + 1)..]]);
        }
    }
}
