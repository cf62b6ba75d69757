using System.Xml.Linq;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// NuGet packages of .NET project files (<c>*.csproj</c>, <c>*.fsproj</c>, <c>*.vbproj</c>) and <c>Directory.Build.props</c>:
/// <c>PackageReference</c> with a Version attribute or element, VersionOverride, or (central package management) the
/// <c>PackageVersion</c> of the nearest <c>Directory.Packages.props</c>; also its <c>GlobalPackageReference</c>s.
/// </summary>
internal sealed class MsBuildProjectParser : IManifestParser
{
    public const string Ecosystem = "nuget";

    private static readonly string[] ProjectExtensions = [".csproj", ".fsproj", ".vbproj"];

    public static bool IsProjectFile(string path) => ProjectExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public bool Handles(string path) => IsProjectFile(path) || RepositorySnapshot.FileName(path) is "Directory.Build.props" or "Directory.Packages.props";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var document = XDocument.Parse(text);
        if (RepositorySnapshot.FileName(path) == "Directory.Packages.props")
        {
            // Global references apply to every project and are build-time tools (analyzers) by design.
            return MsBuildXml.PackageReferences(document, "GlobalPackageReference")
                .Select(r => new Dependency(Ecosystem, r.Name, r.Version, path, Development: true)).ToList();
        }

        var central = CentralVersions(RepositorySnapshot.FolderOf(path), repository);
        var references = MsBuildXml.PackageReferences(document).ToList();
        var isTestProperty = string.Equals(MsBuildXml.Properties(document).GetValueOrDefault("IsTestProject"), "true", StringComparison.OrdinalIgnoreCase);
        var isTest = IsProjectFile(path) && DotnetTestPackages.IsTestProject(references.Select(r => r.Name).ToList(), isTestProperty);
        return references
            .Select(r => new Dependency(Ecosystem, r.Name, r.Version ?? central.GetValueOrDefault(r.Name), path, isTest || r.PrivateAll || DotnetTestPackages.IsTestPackage(r.Name)))
            .ToList();
    }

    /// <summary>The <c>PackageVersion</c>s of the nearest Directory.Packages.props; empty when there is none or it is malformed.</summary>
    public static Dictionary<string, string> CentralVersions(string folder, RepositorySnapshot repository)
    {
        var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (repository.NearestAncestorFile(folder, "Directory.Packages.props") is not { } props || repository.Read(props) is not { } text)
        {
            return versions;
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException)
        {
            // Why: the props file is reported as skipped on its own; its projects keep their explicit versions.
            return versions;
        }

        var properties = MsBuildXml.Properties(document);
        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == "PackageVersion"))
        {
            var name = MsBuildXml.Value(element, "Include") ?? MsBuildXml.Value(element, "Update");
            if (name is { Length: > 0 } && MsBuildXml.Value(element, "Version") is { } version)
            {
                versions[name] = MsBuildXml.Expand(version, properties);
            }
        }

        return versions;
    }
}
