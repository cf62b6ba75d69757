using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Regex-level C# declarations (methods, fields, types) shared by the C# pattern analyzers.</summary>
internal static partial class CSharpSyntax
{
    /// <summary>Words that the method regex may take for a return type but that start other declarations.</summary>
    private static readonly HashSet<string> NotTypes = new(StringComparer.Ordinal)
    {
        "class", "struct", "record", "interface", "enum", "delegate", "event", "implicit", "explicit", "operator", "readonly", "const", "return", "await", "new",
    };

    /// <summary>A method declaration: modifiers, return type and name.</summary>
    public sealed record Method(string Modifiers, string ReturnType, string Name);

    public static IEnumerable<Method> Methods(string code) =>
        MethodRegex().Matches(code).Where(m => !NotTypes.Contains(m.Groups["type"].Value))
            .Select(m => new Method(m.Groups["mods"].Value, m.Groups["type"].Value, m.Groups["name"].Value.TrimStart('@')));

    /// <summary>Names of private instance fields (explicitly <c>private</c>, or <c>readonly</c> without an access modifier); static and const fields are left out.</summary>
    public static IEnumerable<string> PrivateInstanceFields(string code) =>
        FieldRegex().Matches(code)
            .Where(m => !NotTypes.Contains(m.Groups["type"].Value)
                && (m.Groups["private"].Success || m.Groups["mods"].Value.Contains("readonly", StringComparison.Ordinal))
                && !m.Groups["mods"].Value.Contains("static", StringComparison.Ordinal) && !m.Groups["mods"].Value.Contains("const", StringComparison.Ordinal))
            .Select(m => m.Groups["name"].Value.TrimStart('@'));

    /// <summary>Type declarations: keyword (class, struct, record, interface, enum) and name.</summary>
    public static IEnumerable<(string Keyword, string Name)> Types(string code) =>
        TypeRegex().Matches(code).Select(m => (m.Groups["keyword"].Value, m.Groups["name"].Value.TrimStart('@')));

    public static IEnumerable<string> Locals(string code) => LocalRegex().Matches(code).Select(m => m.Groups["name"].Value.TrimStart('@'));

    public static bool IsTaskType(string type) =>
        type is "Task" or "ValueTask" || type.StartsWith("Task<", StringComparison.Ordinal) || type.StartsWith("ValueTask<", StringComparison.Ordinal);

    /// <summary>
    /// A type as written. Its two runs of name characters are atomic: a type must be followed by white space, which
    /// neither run can end before, so giving characters back can never make a match. Without that, every line that
    /// failed to match backtracked through every way of splitting its first word in two (a third of a cold profile's
    /// time on efcore).
    /// </summary>
    private const string TypePattern = @"(?<type>(?>[\w.?\[\]]+)(?:<[^()\n;{}=]*?>)?(?>[\w.?\[\]]*))";

    [GeneratedRegex(@"^[ \t]*(?<mods>(?:(?:public|private|protected|internal|static|virtual|override|abstract|async|sealed|new|extern|unsafe|partial)\s+)+)" + TypePattern + @"\s+(?<name>@?[A-Za-z_]\w*)\s*(?:<[^()\n]*?>)?\s*\(", RegexOptions.Multiline)]
    internal static partial Regex MethodRegex();

    [GeneratedRegex(@"^[ \t]*(?<private>private\s+)?(?<mods>(?:(?:readonly|volatile|static|const|new|unsafe)\s+)*)" + TypePattern + @"\s+(?<name>@?[A-Za-z_]\w*)\s*(?:=(?![=>])|;)", RegexOptions.Multiline)]
    internal static partial Regex FieldRegex();

    [GeneratedRegex(@"\b(?<keyword>class|struct|interface|enum|record)\s+(?:(?:struct|class)\s+)?(?<name>@?[A-Za-z_]\w*)")]
    private static partial Regex TypeRegex();

    [GeneratedRegex(@"\bvar\s+(?<name>@?[A-Za-z_]\w*)\s*(?:=(?!=)|\bin\b)")]
    private static partial Regex LocalRegex();
}
