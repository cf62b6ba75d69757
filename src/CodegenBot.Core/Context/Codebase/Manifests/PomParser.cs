using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// Maven <c>pom.xml</c>: the project's <c>dependencies</c> (not dependencyManagement or plugins) as
/// <c>groupId:artifactId</c>, version with <c>${property}</c> resolved from <c>properties</c> and the project version;
/// scope <c>test</c> is development.
/// </summary>
internal sealed partial class PomParser : IManifestParser
{
    public const string Ecosystem = "maven";

    public bool Handles(string path) => RepositorySnapshot.FileName(path) == "pom.xml";

    public IReadOnlyList<Dependency> Parse(string path, string text, RepositorySnapshot repository)
    {
        var project = XDocument.Parse(text).Root;
        if (project?.Name.LocalName != "project")
        {
            throw new FormatException("pom.xml has no <project> root.");
        }

        var properties = Properties(project);
        return Children(project, "dependencies").SelectMany(d => Children(d, "dependency"))
            .Select(d => (Group: Child(d, "groupId"), Artifact: Child(d, "artifactId"), Version: Child(d, "version"), Scope: Child(d, "scope")))
            .Where(d => d.Group is not null && d.Artifact is not null)
            .Select(d => new Dependency(
                Ecosystem, $"{Expand(d.Group!, properties)}:{Expand(d.Artifact!, properties)}", d.Version is null ? null : Expand(d.Version, properties),
                path, string.Equals(d.Scope, "test", StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The project's artifactId, or null.</summary>
    public static string? ArtifactId(XElement project) => Child(project, "artifactId");

    public static IEnumerable<XElement> Children(XElement element, string name) => element.Elements().Where(e => e.Name.LocalName == name);

    public static string? Child(XElement element, string name) => Children(element, name).FirstOrDefault()?.Value.Trim();

    private static Dictionary<string, string> Properties(XElement project)
    {
        var properties = Children(project, "properties").SelectMany(p => p.Elements())
            .GroupBy(e => e.Name.LocalName, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value.Trim(), StringComparer.Ordinal);
        var parent = Children(project, "parent").FirstOrDefault();
        foreach (var (key, value) in new[] { ("project.version", Child(project, "version") ?? (parent is null ? null : Child(parent, "version"))), ("project.groupId", Child(project, "groupId") ?? (parent is null ? null : Child(parent, "groupId"))) })
        {
            if (value is not null)
            {
                properties[key] = value;
            }
        }

        return properties;
    }

    private static string Expand(string value, Dictionary<string, string> properties) =>
        PropertyReference().Replace(value, m => properties.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\{([\w.-]+)\}")]
    private static partial Regex PropertyReference();
}
