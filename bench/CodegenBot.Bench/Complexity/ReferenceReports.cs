using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CodegenBot.Bench.Complexity;

/// <summary>One function's cyclomatic complexity as a reference tool reports it (file relative to the project root).</summary>
internal sealed record ReferenceFunction(string File, int Line, string? Name, int Complexity);

/// <summary>Reads the reports of radon (<c>radon cc -j</c>), ESLint (<c>--format json</c>), checkstyle (XML) and gocyclo (text).</summary>
internal static partial class ReferenceReports
{
    public static List<ReferenceFunction> Read(string tool, string report, string root) => tool switch
    {
        "radon" => Radon(report, root),
        "eslint" => Eslint(report, root),
        "checkstyle" => Checkstyle(report, root),
        "gocyclo" => Gocyclo(report, root),
        _ => throw new ArgumentException($"unknown tool {tool}: radon, eslint, checkstyle or gocyclo", nameof(tool)),
    };

    private static string Relative(string root, string file) =>
        Path.GetRelativePath(root, Path.IsPathRooted(file) ? file : Path.Combine(root, file)).Replace('\\', '/');

    private static List<ReferenceFunction> Radon(string report, string root)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        var functions = new List<ReferenceFunction>();
        foreach (var file in document.RootElement.EnumerateObject())
        {
            if (file.Value.ValueKind != JsonValueKind.Array)
            {
                continue; // {"error": ...}: radon could not parse it
            }

            foreach (var block in file.Value.EnumerateArray())
            {
                Add(Relative(root, file.Name), block, functions);
            }
        }

        return functions;

        static void Add(string file, JsonElement block, List<ReferenceFunction> functions)
        {
            if (block.GetProperty("type").GetString() is "function" or "method")
            {
                var name = block.GetProperty("name").GetString();
                if (block.TryGetProperty("classname", out var owner) && owner.ValueKind == JsonValueKind.String)
                {
                    name = owner.GetString() + "." + name;
                }

                functions.Add(new ReferenceFunction(file, block.GetProperty("lineno").GetInt32(), name, block.GetProperty("complexity").GetInt32()));
            }

            if (block.TryGetProperty("closures", out var closures))
            {
                foreach (var closure in closures.EnumerateArray())
                {
                    Add(file, closure, functions);
                }
            }
        }
    }

    private static List<ReferenceFunction> Eslint(string report, string root)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        var functions = new List<ReferenceFunction>();
        foreach (var file in document.RootElement.EnumerateArray())
        {
            var path = Relative(root, file.GetProperty("filePath").GetString()!);
            foreach (var message in file.GetProperty("messages").EnumerateArray())
            {
                if (message.TryGetProperty("ruleId", out var rule) && rule.GetString() == "complexity" &&
                    EslintMessage().Match(message.GetProperty("message").GetString()!) is { Success: true } match &&
                    !match.Groups["what"].Value.StartsWith("Class ", StringComparison.Ordinal))
                {
                    var name = match.Groups["name"].Success ? match.Groups["name"].Value : null;
                    functions.Add(new ReferenceFunction(path, message.GetProperty("line").GetInt32(), name, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)));
                }
            }
        }

        return functions;
    }

    private static List<ReferenceFunction> Checkstyle(string report, string root)
    {
        var functions = new List<ReferenceFunction>();
        foreach (var file in XDocument.Load(report).Descendants("file"))
        {
            var path = Relative(root, (string)file.Attribute("name")!);
            foreach (var error in file.Elements("error"))
            {
                if (CheckstyleMessage().Match((string?)error.Attribute("message") ?? string.Empty) is { Success: true } match)
                {
                    functions.Add(new ReferenceFunction(path, (int)error.Attribute("line")!, null, int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture)));
                }
            }
        }

        return functions;
    }

    // "<complexity> <package> <function> <file>:<line>:<column>"
    private static List<ReferenceFunction> Gocyclo(string report, string root) =>
        [.. File.ReadLines(report)
            .Select(l => GocycloLine().Match(l))
            .Where(m => m.Success)
            .Select(m => new ReferenceFunction(Relative(root, m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture), m.Groups["name"].Value, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"^(?<n>\d+) \S+ (?<name>\S+) (?<file>.+):(?<line>\d+):\d+$", RegexOptions.None, 1000)]
    private static partial Regex GocycloLine();

    [GeneratedRegex(@"^(?<what>[^']*?)(?:'(?<name>[^']*)')? has a complexity of (?<n>\d+)", RegexOptions.None, 1000)]
    private static partial Regex EslintMessage();

    [GeneratedRegex(@"Cyclomatic Complexity is (?<n>\d+)", RegexOptions.None, 1000)]
    private static partial Regex CheckstyleMessage();
}
