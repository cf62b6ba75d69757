using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>
/// Quality signals read from file contents: MSBuild analyzer settings in Directory.Build.props, analyzer and coverage
/// packages, Python tools configured in pyproject.toml or setup.cfg, TypeScript strict mode, JVM build plugins.
/// </summary>
internal static partial class QualitySignalContent
{
    /// <summary>MSBuild properties worth naming, and the value that turns each on (null: any value, shown).</summary>
    private static readonly (string Property, string? On)[] MsBuildSettings =
    [
        ("TreatWarningsAsErrors", "true"), ("WarningsAsErrors", null), ("AnalysisLevel", null), ("AnalysisMode", null),
        ("EnforceCodeStyleInBuild", "true"), ("Nullable", "enable"),
    ];

    /// <summary>Python tools configured as <c>[tool.x]</c> in pyproject.toml or <c>[x]</c> in setup.cfg.</summary>
    private static readonly string[] PythonTools = ["ruff", "black", "isort", "mypy", "pylint", "pyright", "flake8"];

    /// <summary>JVM build plugins that check quality, found by name in pom.xml or build.gradle.</summary>
    private static readonly string[] JvmTools = ["checkstyle", "spotbugs", "pmd", "spotless", "ktlint", "detekt", "errorprone"];

    /// <summary>Packages that measure coverage.</summary>
    private static readonly HashSet<string> CoveragePackages = new(StringComparer.OrdinalIgnoreCase)
    {
        "coverlet.collector", "coverlet.msbuild", "pytest-cov", "coverage", "nyc", "c8", "@vitest/coverage-v8", "@vitest/coverage-istanbul",
    };

    public static IEnumerable<string> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        foreach (var path in repository.Named("Directory.Build.props"))
        {
            if (MsBuildSummary(repository.Read(path)) is { Length: > 0 } settings)
            {
                yield return $"analyzers: {path} sets {settings}";
            }
        }

        var analyzers = dependencies.Where(d => d.Ecosystem == MsBuildProjectParser.Ecosystem && d.Name.Contains("Analyzer", StringComparison.OrdinalIgnoreCase))
            .Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (analyzers.Count > 0)
        {
            yield return $"analyzer packages: {string.Join(", ", analyzers)}";
        }

        foreach (var package in dependencies.Where(d => CoveragePackages.Contains(d.Name)).Select(d => d.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            yield return $"coverage: {package}";
        }

        foreach (var path in repository.Files.Where(f => RepositorySnapshot.FileName(f) is "pyproject.toml" or "setup.cfg"))
        {
            var text = repository.Read(path) ?? "";
            var toml = RepositorySnapshot.FileName(path) == "pyproject.toml";
            foreach (var tool in PythonTools.Where(t => text.Contains(toml ? $"[tool.{t}" : $"[{t}", StringComparison.Ordinal)))
            {
                yield return $"{tool} in {path}";
            }

            if (text.Contains(toml ? "[tool.coverage" : "[coverage:", StringComparison.Ordinal))
            {
                yield return $"coverage: coverage.py in {path}";
            }
        }

        foreach (var path in repository.Files.Where(f => RepositorySnapshot.FileName(f).StartsWith("tsconfig", StringComparison.Ordinal) && f.EndsWith(".json", StringComparison.Ordinal)))
        {
            if (repository.Read(path) is { } text && StrictMode().IsMatch(text))
            {
                yield return $"TypeScript strict in {path}";
            }
        }

        foreach (var path in repository.Files.Where(f => RepositorySnapshot.FileName(f) is "pom.xml" or "build.gradle" or "build.gradle.kts"))
        {
            var text = repository.Read(path) ?? "";
            if (text.Contains("jacoco", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"coverage: jacoco in {path}";
            }

            foreach (var tool in JvmTools.Where(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{tool} in {path}";
            }
        }
    }

    /// <summary>The analyzer settings a props file turns on, such as <c>TreatWarningsAsErrors, AnalysisLevel latest-recommended</c>.</summary>
    private static string? MsBuildSummary(string? text)
    {
        if (text is null)
        {
            return null;
        }

        Dictionary<string, string> properties;
        try
        {
            properties = MsBuildXml.Properties(XDocument.Parse(text));
        }
        catch (XmlException)
        {
            // Why: a malformed props file gives no signal; it is reported among the skipped manifests.
            return null;
        }

        return string.Join(", ", MsBuildSettings
            .Where(s => properties.TryGetValue(s.Property, out var value) && value.Length > 0 && (s.On is null || value.Equals(s.On, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.On is null ? $"{s.Property} {properties[s.Property]}" : s.Property));
    }

    [GeneratedRegex("\"strict\"\\s*:\\s*true")]
    private static partial Regex StrictMode();
}
