using System.Globalization;
using System.Text;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>Naming conventions (<c>style.naming</c>): checks a name against one and suggests a conforming name.</summary>
internal static class Naming
{
    /// <summary>The rule id of naming findings.</summary>
    public const string Rule = LimitRules.Naming;

    /// <summary>
    /// Whether <paramref name="name"/> follows <paramref name="convention"/>. Leading and trailing underscores and
    /// dollar signs (privacy markers) are ignored; an unknown convention accepts every name.
    /// </summary>
    public static bool Follows(string name, string convention)
    {
        var core = name.Trim('_', '$');
        if (core.Length == 0)
        {
            return true;
        }

        return convention.ToUpperInvariant() switch
        {
            "PASCALCASE" => char.IsUpper(core[0]) && core.All(char.IsLetterOrDigit),
            "CAMELCASE" => char.IsLower(core[0]) && core.All(char.IsLetterOrDigit),
            "SNAKE_CASE" => !core.Any(char.IsUpper) && core.All(c => char.IsLetterOrDigit(c) || c == '_'),
            "UPPER_SNAKE_CASE" or "SCREAMING_SNAKE_CASE" => !core.Any(char.IsLower) && core.All(c => char.IsLetterOrDigit(c) || c == '_'),
            "LOWERCASE" => !core.Any(char.IsUpper) && core.All(char.IsLetterOrDigit),
            _ => true,
        };
    }

    /// <summary>The name rewritten to the convention, keeping leading underscores.</summary>
    public static string Suggest(string name, string convention)
    {
        var prefix = name[..(name.Length - name.TrimStart('_', '$').Length)];
        var words = Words(name.Trim('_', '$'));
        if (words.Count == 0)
        {
            return name;
        }

        var text = convention.ToUpperInvariant() switch
        {
            "PASCALCASE" => string.Concat(words.Select(Capitalised)),
            "CAMELCASE" => words[0].ToLowerInvariant() + string.Concat(words.Skip(1).Select(Capitalised)),
            "UPPER_SNAKE_CASE" or "SCREAMING_SNAKE_CASE" => string.Join('_', words).ToUpperInvariant(),
            "LOWERCASE" => string.Concat(words).ToLowerInvariant(),
            _ => string.Join('_', words).ToLowerInvariant(),
        };
        return prefix + text;
    }

    /// <summary>A CG1002 finding for a name that breaks its kind's convention.</summary>
    public static Finding Finding(string path, int line, int column, string name, string kind, string convention) => new()
    {
        File = path,
        Line = line,
        Column = column,
        RuleId = Rule,
        Dimension = QualityDimension.Readability,
        Severity = FindingSeverity.Warning,
        Message = string.Create(CultureInfo.InvariantCulture, $"The {kind} name '{name}' does not follow the {convention} convention for {kind} names."),
        FixHint = string.Create(CultureInfo.InvariantCulture, $"rename '{name}' to '{Suggest(name, convention)}'"),
    };

    /// <summary>Checks a name when the language configures a convention for its kind; null when it conforms.</summary>
    public static Finding? Check(IReadOnlyDictionary<string, string> conventions, string kind, string name, string path, int line, int column) =>
        conventions.TryGetValue(kind, out var convention) && !Follows(name, convention) ? Finding(path, line, column, name, kind, convention) : null;

    // Splits snake_case, camelCase and PascalCase (keeping acronyms together: HTTPServer → HTTP, Server).
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            var boundary = current.Length > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();
}
