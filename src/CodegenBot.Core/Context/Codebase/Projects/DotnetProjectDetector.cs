using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Context.Codebase.Projects;

/// <summary>
/// .NET project files: the SDK and OutputType give the kind (<c>Exe</c>, web and worker SDKs have <c>Program.cs</c>, or
/// a <c>static Main</c>, as entry point); a project referencing xunit, NUnit, MSTest or Microsoft.NET.Test.Sdk, or
/// setting IsTestProject, is a test project. Packages from the <c>Directory.Build.props</c> above it name the framework
/// when the project file does not.
/// </summary>
internal sealed partial class DotnetProjectDetector : IProjectDetector
{
    /// <summary>Project name endings that mark a test project when a Directory.Build.props above it brings a test framework.</summary>
    private static readonly string[] TestNameSuffixes = [".Tests", ".Test", ".UnitTests", ".IntegrationTests", ".Specs"];

    public IEnumerable<ProjectInfo> Detect(RepositorySnapshot repository, IReadOnlyList<Dependency> dependencies)
    {
        var projects = repository.Files.Where(MsBuildProjectParser.IsProjectFile).ToList();
        var folders = projects.Select(RepositorySnapshot.FolderOf).ToList();
        foreach (var path in projects)
        {
            if (Load(repository, path) is not { } document)
            {
                continue;
            }

            var folder = RepositorySnapshot.FolderOf(path);
            var properties = MsBuildXml.Properties(document);
            var name = properties.GetValueOrDefault("AssemblyName") is { Length: > 0 } assembly && !assembly.Contains("$(", StringComparison.Ordinal)
                ? assembly : Path.GetFileNameWithoutExtension(RepositorySnapshot.FileName(path));
            var packages = MsBuildXml.PackageReferences(document).Select(r => r.Name).ToList();
            var inherited = InheritedPackages(repository, folder);
            var isTest = DotnetTestPackages.IsTestProject(packages, IsTrue(properties, "IsTestProject"))
                || (TestNameSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)) && DotnetTestPackages.Framework(inherited) is not null);
            var framework = DotnetTestPackages.Framework(packages) ?? (isTest ? DotnetTestPackages.Framework(inherited) : null);
            var kind = Kind(document, properties, isTest);
            var entryPoints = kind is "dotnet-exe" or "dotnet-web" or "dotnet-worker"
                ? EntryPoints(repository, folder, folders) : [];
            yield return new ProjectInfo(RepositorySnapshot.Display(folder), kind, name, isTest, framework, entryPoints);
        }
    }

    private static XDocument? Load(RepositorySnapshot repository, string path)
    {
        try
        {
            return repository.Read(path) is { } text ? XDocument.Parse(text) : null;
        }
        catch (XmlException)
        {
            // Why: a malformed project file is skipped; the rest of the profile stands.
            return null;
        }
    }

    private static string Kind(XDocument document, Dictionary<string, string> properties, bool isTest)
    {
        var sdk = (string?)document.Root?.Attribute("Sdk")
            ?? document.Descendants().Where(e => e.Name.LocalName is "Sdk" or "Import").Select(e => (string?)e.Attribute("Sdk") ?? (string?)e.Attribute("Name")).FirstOrDefault(s => s is not null)
            ?? "";
        var outputType = properties.GetValueOrDefault("OutputType") ?? "";
        return isTest ? "dotnet-test"
            : sdk.Contains("Sdk.Web", StringComparison.OrdinalIgnoreCase) ? "dotnet-web"
            : sdk.Contains("Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? "dotnet-worker"
            : outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase) || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase) ? "dotnet-exe"
            : "dotnet-library";
    }

    /// <summary>Program.cs in the project folder, else the files (bounded scan) that declare a static Main.</summary>
    private static List<string> EntryPoints(RepositorySnapshot repository, string folder, List<string> projectFolders)
    {
        var program = RepositorySnapshot.Combine(folder, "Program.cs");
        if (repository.Contains(program))
        {
            return [program];
        }

        return ProjectScan.Owned(repository, folder, projectFolders).Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .Take(ProjectScan.MaxFilesScannedPerProject)
            .Where(f => repository.Read(f) is { } text && StaticMain().IsMatch(text)).ToList();
    }

    /// <summary>Package references of every Directory.Build.props from the project's folder up to the root.</summary>
    private static List<string> InheritedPackages(RepositorySnapshot repository, string folder)
    {
        var packages = new List<string>();
        for (var current = folder; ; current = RepositorySnapshot.FolderOf(current))
        {
            if (Load(repository, RepositorySnapshot.Combine(current, "Directory.Build.props")) is { } props)
            {
                packages.AddRange(MsBuildXml.PackageReferences(props).Select(r => r.Name));
            }

            if (current.Length == 0)
            {
                return packages;
            }
        }
    }

    private static bool IsTrue(Dictionary<string, string> properties, string name) =>
        string.Equals(properties.GetValueOrDefault(name), "true", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bstatic\s+(?:async\s+)?(?:void|int|Task|Task<int>)\s+Main\s*\(")]
    private static partial Regex StaticMain();
}
