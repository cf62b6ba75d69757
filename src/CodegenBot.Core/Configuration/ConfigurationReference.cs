using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Configuration;

/// <summary>
/// Generates <c>docs/configuration.md</c> from the options types (their keys, types and XML doc summaries) and the
/// shipped defaults, so the reference cannot drift from the code.
/// </summary>
internal static partial class ConfigurationReference
{
    public static string Generate()
    {
        var docs = LoadXmlDocs();
        var defaults = ConfigurationLoader.Defaults();
        var sections = typeof(CodegenOptions).GetProperties()
            .Select(section =>
            {
                var key = ConfigNames.Key(section.Name);
                var rows = new List<object>();
                var type = section.PropertyType;
                var prefix = key;
                if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
                {
                    type = type.GetGenericArguments()[1];
                    prefix = $"{key}.<language>";
                }

                AddRows(rows, type, prefix, defaults, docs);
                return (object)new Dictionary<string, object?>
                {
                    ["key"] = key,
                    ["summary"] = Summary(docs, section) + (prefix == key ? "" : " Defaults per language are in `config/language_configs/<language>.yaml`."),
                    ["rows"] = rows,
                };
            })
            .ToList();

        return new TemplateRenderer(null).Render("docs/configuration.md.liquid", new Dictionary<string, object?> { ["sections"] = sections });
    }

    private static void AddRows(List<object> rows, Type type, string path, ConfigMap defaults, IReadOnlyDictionary<string, string> docs)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{path}.{ConfigNames.Key(property.Name)}";
            var propertyType = property.PropertyType;
            if (propertyType.IsClass && propertyType != typeof(string) && !propertyType.IsGenericType)
            {
                AddRows(rows, propertyType, key, defaults, docs);
                continue;
            }

            rows.Add(new Dictionary<string, object?>
            {
                ["key"] = key,
                ["type"] = Describe(propertyType),
                ["default"] = DefaultOf(defaults, key),
                ["summary"] = Summary(docs, property),
            });
        }
    }

    private static string DefaultOf(ConfigMap defaults, string path)
    {
        if (path.Contains('<', StringComparison.Ordinal))
        {
            return "per language";
        }

        ConfigNode? node = defaults;
        foreach (var part in path.Split('.'))
        {
            node = (node as ConfigMap)?[part];
        }

        return node switch
        {
            ConfigScalar { Value: "" } => "(empty)",
            ConfigScalar scalar => $"`{scalar.Value}`",
            ConfigList { Items.Count: 0 } => "`[]`",
            ConfigList list => string.Join("<br>", list.Items.OfType<ConfigScalar>().Select(i => $"`{i.Value}`")),
            ConfigMap { Entries.Count: 0 } => "`{}`",
            _ => "",
        };
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(string) => "text",
        _ when type == typeof(int) => "whole number",
        _ when type == typeof(double) => "number",
        _ when type == typeof(bool) => "`true` / `false`",
        _ when type == typeof(TimeSpan) => "duration",
        _ when type.IsEnum => string.Join(" \\| ", ConfigNames.EnumValues(type).Select(v => $"`{v}`")),
        _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => "list of text",
        _ => "map of text",
    };

    private static string Summary(IReadOnlyDictionary<string, string> docs, PropertyInfo property) =>
        docs.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out var summary) ? summary : "";

    private static Dictionary<string, string> LoadXmlDocs()
    {
        var path = Path.ChangeExtension(typeof(CodegenOptions).Assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The XML documentation file '{path}' is missing; build with GenerateDocumentationFile.");
        }

        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Element("summary") is not null)
            .ToDictionary(m => (string)m.Attribute("name")!, m => Flatten(m.Element("summary")!), StringComparer.Ordinal);
    }

    private static string Flatten(XElement summary)
    {
        var text = string.Concat(summary.Nodes().Select(node => node switch
        {
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" } see => $"`{Reference(see)}`",
            XElement element => element.Value,
            _ => node.ToString(),
        }));
        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(text), " ").Trim().Replace("|", "\\|", StringComparison.Ordinal);
    }

    /// <summary>The name a <c>see cref</c> points to; enum values (<c>F:</c>) as configuration spells them.</summary>
    private static string Reference(XElement see)
    {
        var cref = (string?)see.Attribute("cref") ?? "";
        var name = cref[(cref.LastIndexOf('.') + 1)..];
        return cref.StartsWith("F:", StringComparison.Ordinal) ? ConfigNames.EnumValueName(name) : name;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
