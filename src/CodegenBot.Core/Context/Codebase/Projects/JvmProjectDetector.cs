using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>
/// Maven (<c>pom.xml</c>) and Gradle (<c>build.gradle[.kts]</c>) modules: the artifactId or project name; with a
/// <c>src/test</c> folder, the JUnit generation (or TestNG, Kotest, Spock) from the dependencies; classes under
/// <c>src/main</c> with a <c>main</c> method as entry points.
/// </summary>
internal sealed partial class JvmProjectDetector : IProjectDetector
{
    /// <summary>Test frameworks by dependency name prefix (groupId:artifactId), the first match wins.</summary>
    private static readonly (string Prefix, string Framework)[] Frameworks =
    [
        ("org.junit.jupiter:", "junit5"), ("org.junit:junit-bom", "junit5"), ("org.springframework.boot:spring-boot-starter-test", "junit5"),
        ("junit:junit", "junit4"), ("org.testng:", "testng"), ("io.kotest:", "kotest"), ("org.spockframework:", "spock"),
    ];

    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var manifests = repository.Files.Where(f => RepositorySnapshot.FileName(f) is "pom.xml" or "build.gradle" or "build.gradle.kts").ToList();
        var folders = manifests.Select(RepositorySnapshot.FolderOf).Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in manifests)
        {
            var folder = RepositorySnapshot.FolderOf(path);
            var maven = RepositorySnapshot.FileName(path) == "pom.xml";
            var text = repository.Read(path);
            string? name;
            if (!maven)
            {
                name = GradleName(repository, folder);
            }
            else if (!TryReadArtifactId(text, out name))
            {
                continue;
            }

            var owned = ProjectScan.Owned(repository, folder, folders).ToList();
            var framework = owned.Any(f => f.StartsWith(RepositorySnapshot.Combine(folder, "src/test/"), StringComparison.Ordinal))
                ? Framework(dependencies.Where(d => d.Manifest == path), text) : null;
            var entryPoints = owned.Where(f => f.StartsWith(RepositorySnapshot.Combine(folder, "src/main/"), StringComparison.Ordinal))
                .Where(f => f.EndsWith(".java", StringComparison.Ordinal) || f.EndsWith(".kt", StringComparison.Ordinal))
                .Take(ProjectScan.MaxFilesScannedPerProject)
                .Where(f => repository.Read(f) is { } source && MainMethod().IsMatch(source)).ToList();
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), maven ? "maven-module" : "gradle-module", name, IsTest: false, framework, entryPoints);
        }
    }

    private static string Framework(IEnumerable<Dependency> dependencies, string? manifest) =>
        dependencies.Select(d => Frameworks.FirstOrDefault(f => d.Name.StartsWith(f.Prefix, StringComparison.Ordinal)).Framework).FirstOrDefault(f => f is not null)
        ?? (manifest?.Contains("useJUnitPlatform", StringComparison.Ordinal) == true ? "junit5" : "junit");

    /// <summary>Whether the text is a Maven project, and its artifactId.</summary>
    private static bool TryReadArtifactId(string? pom, out string? artifactId)
    {
        artifactId = null;
        try
        {
            if (pom is null || XDocument.Parse(pom).Root is not { Name.LocalName: "project" } project)
            {
                return false;
            }

            artifactId = PomParser.ArtifactId(project);
            return true;
        }
        catch (XmlException)
        {
            // Why: a malformed pom.xml is skipped; the rest of the profile stands.
            return false;
        }
    }

    /// <summary><c>rootProject.name</c> from a settings file beside the build file, else the folder name (Gradle's default).</summary>
    private static string? GradleName(RepositorySnapshot repository, string folder)
    {
        var settings = repository.Read(RepositorySnapshot.Combine(folder, "settings.gradle")) ?? repository.Read(RepositorySnapshot.Combine(folder, "settings.gradle.kts"));
        if (settings is not null && RootProjectName().Match(settings) is { Success: true } match)
        {
            return match.Groups[1].Value;
        }

        return folder.Length == 0 ? null : RepositorySnapshot.FileName(folder);
    }

    [GeneratedRegex("""rootProject\.name\s*=\s*["']([^"']+)["']""")]
    private static partial Regex RootProjectName();

    [GeneratedRegex(@"\bpublic\s+static\s+void\s+main\s*\(|^\s*fun\s+main\s*\(", RegexOptions.Multiline)]
    private static partial Regex MainMethod();
}
