using System.Text;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>A declared C# symbol as naming rules see it.</summary>
/// <param name="Name">The name as declared.</param>
/// <param name="Kind">class, struct, interface, enum, delegate, method, property, field, event, parameter, type_parameter, local, local_function.</param>
/// <param name="Accessibility">public, internal, private, protected, protected_internal, private_protected or local.</param>
/// <param name="Modifiers">abstract, async, const, readonly, static.</param>
internal sealed record NamedSymbol(string Name, string Kind, string Accessibility, IReadOnlySet<string> Modifiers);

/// <summary>
/// The .NET naming rules of a repository's <c>.editorconfig</c> files (<c>dotnet_naming_rule.*</c>,
/// <c>dotnet_naming_symbols.*</c>, <c>dotnet_naming_style.*</c>) for C# files: the sections that apply to
/// <c>.cs</c> files, nearest file last so it wins, up to a file with <c>root = true</c> or the repository root.
/// The first rule, in file order, whose symbol group matches a declaration decides; rules of severity none or
/// silent are not reported.
/// </summary>
internal sealed class EditorConfigNaming
{
    private readonly List<Rule> _rules;

    private EditorConfigNaming(List<Rule> rules) => _rules = rules;

    /// <summary>Changes when the rules do.</summary>
    public string Fingerprint => string.Join('\n', _rules.Select(r => r.Key));

    /// <summary>Whether any naming rule applies (otherwise the .NET defaults do).</summary>
    public bool HasRules => _rules.Count > 0;

    /// <summary>The rules that apply to <paramref name="relativePath"/> under <paramref name="root"/>.</summary>
    public static EditorConfigNaming For(string root, string relativePath)
    {
        var fullRoot = Path.GetFullPath(root);
        var files = new List<string>();
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, relativePath))); folder is not null && CSharpProjects.Within(folder, fullRoot); folder = Path.GetDirectoryName(folder))
        {
            var candidate = Path.Combine(folder, ".editorconfig");
            if (File.Exists(candidate))
            {
                files.Insert(0, candidate);
                if (IsRoot(candidate))
                {
                    break;
                }
            }
        }

        return Parse(files.Select(SafeRead));
    }

    /// <summary>Builds the rules from .editorconfig texts, farthest first.</summary>
    public static EditorConfigNaming Parse(IEnumerable<string> texts)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var text in texts)
        {
            var applies = true;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    applies = SectionAppliesToCSharp(line.Trim('[', ']'));
                    continue;
                }

                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (!applies || equals <= 0)
                {
                    continue;
                }

                var key = line[..equals].Trim();
                var value = line[(equals + 1)..].Trim();
                if (key.StartsWith("dotnet_naming_", StringComparison.OrdinalIgnoreCase))
                {
                    if (!values.ContainsKey(key) && key.StartsWith("dotnet_naming_rule.", StringComparison.OrdinalIgnoreCase))
                    {
                        order.Add(key);
                    }

                    values[key] = value;
                }
            }
        }

        var rules = new List<Rule>();
        foreach (var name in order.Where(k => k.EndsWith(".symbols", StringComparison.OrdinalIgnoreCase)).Select(k => k.Split('.')[1]))
        {
            var symbols = values.GetValueOrDefault($"dotnet_naming_rule.{name}.symbols");
            var style = values.GetValueOrDefault($"dotnet_naming_rule.{name}.style");
            var severity = Severity(values.GetValueOrDefault($"dotnet_naming_rule.{name}.severity"));
            if (symbols is null || style is null || !values.ContainsKey($"dotnet_naming_style.{style}.capitalization") && !values.ContainsKey($"dotnet_naming_style.{style}.required_prefix"))
            {
                continue;
            }

            rules.Add(new Rule(
                name,
                Set(values.GetValueOrDefault($"dotnet_naming_symbols.{symbols}.applicable_kinds") ?? "*"),
                Set(values.GetValueOrDefault($"dotnet_naming_symbols.{symbols}.applicable_accessibilities") ?? "*"),
                Set(values.GetValueOrDefault($"dotnet_naming_symbols.{symbols}.required_modifiers") ?? ""),
                values.GetValueOrDefault($"dotnet_naming_style.{style}.capitalization") ?? "",
                values.GetValueOrDefault($"dotnet_naming_style.{style}.required_prefix") ?? "",
                values.GetValueOrDefault($"dotnet_naming_style.{style}.required_suffix") ?? "",
                values.GetValueOrDefault($"dotnet_naming_style.{style}.word_separator") ?? "",
                severity));
        }

        return new EditorConfigNaming(rules);
    }

    /// <summary>The violation of the first rule that covers the symbol, or null.</summary>
    public (string Rule, string Expected, FindingSeverity Severity)? Check(NamedSymbol symbol)
    {
        var rule = _rules.FirstOrDefault(r => r.Covers(symbol));
        if (rule is null || rule.Severity is null || rule.Accepts(symbol.Name.TrimStart('@')))
        {
            return null;
        }

        return (rule.Name, rule.Describe(), rule.Severity.Value);
    }

    /// <summary>The name rewritten to satisfy the rule that covers the symbol.</summary>
    public string Suggest(NamedSymbol symbol) => _rules.FirstOrDefault(r => r.Covers(symbol))?.Rewrite(symbol.Name) ?? symbol.Name;

    private static bool SectionAppliesToCSharp(string glob)
    {
        glob = glob.Trim();
        if (glob is "*" or "**" or "*.*" or "**.*")
        {
            return true;
        }

        var brace = glob.IndexOf('{', StringComparison.Ordinal);
        if (brace >= 0 && glob.EndsWith('}'))
        {
            return glob[(brace + 1)..^1].Split(',').Any(e => e.Trim().TrimStart('.').Equals("cs", StringComparison.OrdinalIgnoreCase))
                && glob[..brace].TrimEnd('.').TrimStart('*') is "" or "/";
        }

        return glob.EndsWith("*.cs", StringComparison.OrdinalIgnoreCase) && glob.TrimEnd('s', 'S').TrimEnd('c', 'C').TrimEnd('.').Trim('*', '/').Length == 0;
    }

    private static bool IsRoot(string file) =>
        SafeRead(file).Split('\n').TakeWhile(l => !l.TrimStart().StartsWith('[')).Any(l => l.Replace(" ", "", StringComparison.Ordinal).Equals("root=true", StringComparison.OrdinalIgnoreCase));

    private static string SafeRead(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static FindingSeverity? Severity(string? value) => value?.Split(':')[0].Trim().ToLowerInvariant() switch
    {
        "error" => FindingSeverity.Error,
        "warning" => FindingSeverity.Warning,
        "suggestion" => FindingSeverity.Info,
        null => FindingSeverity.Info,
        _ => null, // none, silent, hidden
    };

    private static HashSet<string> Set(string value) =>
        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => v.ToLowerInvariant() switch
        {
            "friend" => "internal",
            "must_inherit" => "abstract",
            "shared" => "static",
            var other => other,
        }).ToHashSet(StringComparer.Ordinal);

    private sealed record Rule(
        string Name,
        HashSet<string> Kinds,
        HashSet<string> Accessibilities,
        HashSet<string> Modifiers,
        string Capitalization,
        string Prefix,
        string Suffix,
        string Separator,
        FindingSeverity? Severity)
    {
        public string Key => string.Join('|', Name, string.Join(',', Kinds.Order(StringComparer.Ordinal)), string.Join(',', Accessibilities.Order(StringComparer.Ordinal)),
            string.Join(',', Modifiers.Order(StringComparer.Ordinal)), Capitalization, Prefix, Suffix, Separator, Severity);

        public bool Covers(NamedSymbol symbol) =>
            (Kinds.Contains("*") || Kinds.Contains(symbol.Kind))
            && (Accessibilities.Contains("*") || Accessibilities.Contains(symbol.Accessibility) || symbol.Accessibility == "local")
            && Modifiers.All(m => symbol.Modifiers.Contains(m) || (m == "static" && symbol.Modifiers.Contains("const")));

        public bool Accepts(string name)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(Suffix, StringComparison.Ordinal) || name.Length < Prefix.Length + Suffix.Length)
            {
                return false;
            }

            var body = name[Prefix.Length..^Suffix.Length];
            var words = Separator.Length > 0 ? body.Split(Separator) : [body];
            if (body.Length == 0 || (Separator.Length == 0 && body.Contains('_', StringComparison.Ordinal) && Capitalization is not ("all_upper" or "all_lower")))
            {
                return body.Length > 0 && Capitalization.Length == 0;
            }

            if (words.Any(w => w.Length == 0))
            {
                return false; // "_count" split on "_", or "a__b": an empty word never fits a style
            }

            return Capitalization switch
            {
                "pascal_case" => words.All(w => w.Length > 0 && !char.IsLower(w[0])),
                "camel_case" => !char.IsUpper(words[0][0]) && words.Skip(1).All(w => w.Length > 0 && !char.IsLower(w[0])),
                "first_word_upper" => !char.IsLower(words[0][0]),
                "all_upper" => !body.Any(char.IsLower),
                "all_lower" => !body.Any(char.IsUpper),
                _ => true,
            };
        }

        public string Rewrite(string name)
        {
            var body = name.TrimStart('@', '_');
            if (body.Length > 2 && body[1] == '_' && body[0] is 's' or 't' or 'm')
            {
                body = body[2..];
            }

            var core = Capitalization switch
            {
                "pascal_case" or "first_word_upper" => CSharpNaming.Pascal(body),
                "camel_case" => CSharpNaming.Camel(body),
                "all_upper" => Upper(body),
                "all_lower" => body.ToLowerInvariant(),
                _ => body,
            };
            return Prefix + core + Suffix;
        }

        private static string Upper(string name)
        {
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                {
                    text.Append('_');
                }

                text.Append(char.ToUpperInvariant(name[i]));
            }

            return text.ToString();
        }

        public string Describe() =>
            (Prefix.Length > 0 ? Prefix : "") + Capitalization switch
            {
                "pascal_case" => "PascalCase",
                "camel_case" => "camelCase",
                "first_word_upper" => "First_word_upper",
                "all_upper" => "ALL_UPPER",
                "all_lower" => "all_lower",
                _ => "the style",
            } + Suffix + $" (.editorconfig rule {Name})";
    }
}
