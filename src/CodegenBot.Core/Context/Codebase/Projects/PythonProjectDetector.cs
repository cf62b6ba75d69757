using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>
/// Python projects: folders with <c>pyproject.toml</c> or <c>setup.py</c> (else, with neither anywhere, folders with a
/// requirements file). Name from pyproject or setup.py; pytest when tests exist and pytest is declared, or a conftest.py,
/// pytest.ini or <c>[tool.pytest.ini_options]</c> is present (unittest when tests only import unittest);
/// <c>__main__.py</c> files and Django's <c>manage.py</c> are entry points.
/// </summary>
internal sealed partial class PythonProjectDetector : IProjectDetector
{
    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var roots = repository.Files.Where(f => RepositorySnapshot.FileName(f) is "pyproject.toml" or "setup.py")
            .Select(RepositorySnapshot.FolderOf).Distinct(StringComparer.Ordinal).ToList();
        if (roots.Count == 0)
        {
            roots = dependencies.Where(d => d.Ecosystem == RequirementsTxtParser.Ecosystem)
                .Select(d => RepositorySnapshot.FolderOf(d.Manifest))
                .Select(f => RepositorySnapshot.FileName(f) == "requirements" ? RepositorySnapshot.FolderOf(f) : f)
                .Distinct(StringComparer.Ordinal).ToList();
        }

        foreach (var folder in roots)
        {
            if (!TryReadName(repository, folder, out var name))
            {
                continue;
            }

            var owned = ProjectScan.Owned(repository, folder, roots).ToList();
            var tests = owned.Where(IsTestFile).ToList();
            var framework = tests.Count == 0 && !owned.Any(f => RepositorySnapshot.FileName(f) == "conftest.py") ? null
                : UsesPytest(repository, folder, owned, dependencies) ? "pytest"
                : tests.Take(ProjectScan.MaxFilesScannedPerProject).Any(t => repository.Read(t)?.Contains("import unittest", StringComparison.Ordinal) == true) ? "unittest"
                : null;
            var entryPoints = owned.Where(f => RepositorySnapshot.FileName(f) == "__main__.py" || f == RepositorySnapshot.Combine(folder, "manage.py")).ToList();
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), "python-package", name, IsTest: false, framework, entryPoints);
        }
    }

    public static bool IsTestFile(string path)
    {
        var name = RepositorySnapshot.FileName(path);
        return name.EndsWith(".py", StringComparison.Ordinal)
            && (name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal));
    }

    private static bool UsesPytest(RepositorySnapshot repository, string folder, List<string> owned, IReadOnlyList<Dependency> dependencies)
    {
        var declared = dependencies.Any(d => d.Ecosystem == RequirementsTxtParser.Ecosystem
            && (d.Name.Equals("pytest", StringComparison.OrdinalIgnoreCase) || d.Name.StartsWith("pytest-", StringComparison.OrdinalIgnoreCase))
            && (d.Manifest.StartsWith(folder, StringComparison.Ordinal) || folder.Length == 0));
        return declared
            || owned.Any(f => RepositorySnapshot.FileName(f) is "conftest.py" or "pytest.ini")
            || repository.Read(RepositorySnapshot.Combine(folder, "pyproject.toml"))?.Contains("[tool.pytest", StringComparison.Ordinal) == true;
    }

    /// <summary>The project name from pyproject.toml or setup.py; false when pyproject.toml is malformed.</summary>
    private static bool TryReadName(RepositorySnapshot repository, string folder, out string? name)
    {
        name = null;
        if (repository.Read(RepositorySnapshot.Combine(folder, "pyproject.toml")) is { } toml)
        {
            try
            {
                name = PyprojectParser.ProjectName(TomlLite.Parse(toml));
                return true;
            }
            catch (FormatException)
            {
                // Why: a malformed pyproject.toml is skipped; the rest of the profile stands.
                return false;
            }
        }

        if (repository.Read(RepositorySnapshot.Combine(folder, "setup.py")) is { } setup && SetupName().Match(setup) is { Success: true } match)
        {
            name = match.Groups[1].Value;
        }

        return true;
    }

    [GeneratedRegex("""\bname\s*=\s*["']([^"']+)["']""")]
    private static partial Regex SetupName();
}
