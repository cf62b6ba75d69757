using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>Helpers for MSBuild files (project files, Directory.*.props), matched by local name.</summary>
internal static partial class MsBuildXml
{
    /// <summary>The package references of a project file: name, version (attribute, element or VersionOverride), private assets.</summary>
    public static IEnumerable<(string Name, string? Version, bool PrivateAll)> PackageReferences(XDocument document, string elementName = "PackageReference")
    {
        var properties = Properties(document);
        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == elementName))
        {
            if (Value(element, "Include") is not { Length: > 0 } name)
            {
                continue;
            }

            var version = Value(element, "Version") ?? Value(element, "VersionOverride");
            var privateAll = Value(element, "PrivateAssets")?.Contains("all", StringComparison.OrdinalIgnoreCase) == true;
            yield return (name, version is null ? null : Expand(version, properties), privateAll);
        }
    }

    /// <summary>An attribute, or else a child element, of that name.</summary>
    public static string? Value(XElement element, string name) =>
        ((string?)element.Attribute(name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value)?.Trim();

    /// <summary>The properties a file sets in its property groups (last one wins).</summary>
    public static Dictionary<string, string> Properties(XDocument document)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.Descendants().Where(e => e.Name.LocalName == "PropertyGroup").SelectMany(g => g.Elements()))
        {
            properties[element.Name.LocalName] = element.Value.Trim();
        }

        return properties;
    }

    /// <summary>Replaces <c>$(Name)</c> with known property values; unknown ones stay as written.</summary>
    public static string Expand(string value, IReadOnlyDictionary<string, string> properties) =>
        PropertyReference().Replace(value, m => properties.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\$\(([\w.]+)\)")]
    private static partial Regex PropertyReference();
}
