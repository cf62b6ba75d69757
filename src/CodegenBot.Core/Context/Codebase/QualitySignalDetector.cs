using System.Globalization;

namespace CodegenBot.Core.Context.Codebase;

/// <summary>
/// Quality tooling the repository carries: editor and analyzer settings, linters and formatters, coverage, CI and
/// dependency updates; from file names here and from file contents in <see cref="QualitySignalContent"/>.
/// </summary>
internal static class QualitySignalDetector
{
    /// <summary>File-name rules: the label put before the path, and which file names match.</summary>
    private static readonly (string Label, Func<string, bool> Matches)[] FileRules =
    [
        ("", n => n == ".editorconfig"),
        ("banned APIs: ", n => n == "BannedSymbols.txt"),
        ("coverage: ", n => n is "lcov.info" or ".coveragerc" or "codecov.yml" or ".codecov.yml" || EndsWith(n, ".cobertura.xml") || EndsWith(n, ".runsettings")),
        ("", n => StartsWith(n, ".eslintrc") || StartsWith(n, "eslint.config.")),
        ("", n => StartsWith(n, ".prettierrc") || StartsWith(n, "prettier.config.")),
        ("", n => n is "biome.json" or "biome.jsonc" || StartsWith(n, ".stylelintrc")),
        ("", n => n is "ruff.toml" or ".ruff.toml" or "mypy.ini" or ".flake8" or ".pylintrc" or "pyrightconfig.json" or "tox.ini"),
        ("", n => StartsWith(n, ".golangci.")),
        ("", n => n is "rustfmt.toml" or ".rustfmt.toml" or "clippy.toml" or ".clippy.toml" or "deny.toml"),
        ("", n => n is ".rubocop.yml" or "stylecop.json" || (StartsWith(n, "checkstyle") && EndsWith(n, ".xml"))),
        ("", n => n == ".pre-commit-config.yaml"),
        ("ci: ", n => n is ".gitlab-ci.yml" or "azure-pipelines.yml" or "Jenkinsfile" or "bitbucket-pipelines.yml"),
        ("dependency updates: ", n => n is "dependabot.yml" or "renovate.json" or ".renovaterc" or ".renovaterc.json"),
    ];

    public static IReadOnlyList<string> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var signals = new List<string>();
        foreach (var (label, matches) in FileRules)
        {
            signals.AddRange(repository.Files.Where(f => matches(RepositorySnapshot.FileName(f))).Select(f => label + f));
        }

        var workflows = repository.Files.Count(f => f.StartsWith(".github/workflows/", StringComparison.Ordinal)
            && (EndsWith(f, ".yml") || EndsWith(f, ".yaml")));
        if (workflows > 0)
        {
            signals.Add(string.Create(CultureInfo.InvariantCulture, $"ci: .github/workflows ({workflows} workflow{(workflows == 1 ? "" : "s")})"));
        }

        if (repository.Contains(".circleci/config.yml"))
        {
            signals.Add("ci: .circleci/config.yml");
        }

        signals.AddRange(QualitySignalContent.Detect(repository, dependencies));
        return signals.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool StartsWith(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal);

    private static bool EndsWith(string name, string suffix) => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
