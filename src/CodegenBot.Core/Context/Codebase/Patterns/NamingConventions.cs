using System.Globalization;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Identifier case conventions, and the dominant one among a set of names.</summary>
internal static partial class NamingConventions
{
    public const string Pascal = "PascalCase";
    public const string Camel = "camelCase";
    public const string UnderscoreCamel = "_camelCase";
    public const string MPrefix = "m_camelCase";
    public const string Snake = "snake_case";
    public const string UpperSnake = "UPPER_SNAKE_CASE";
    public const string Underscored = "Method_Scenario_Expectation";

    /// <summary>Fewest names of one kind before a naming pattern is reported (fewer say nothing about a convention).</summary>
    public const int MinNames = 3;

    public static bool Matches(string convention, string name) => convention switch
    {
        Pascal => PascalRegex().IsMatch(name),
        Camel => CamelRegex().IsMatch(name),
        UnderscoreCamel => name.Length > 1 && name[0] == '_' && CamelRegex().IsMatch(name[1..]),
        MPrefix => name.StartsWith("m_", StringComparison.Ordinal) && name.Length > 2 && CamelRegex().IsMatch(name[2..]),
        Snake => SnakeRegex().IsMatch(name),
        UpperSnake => UpperSnakeRegex().IsMatch(name),
        Underscored => UnderscoredRegex().IsMatch(name),
        _ => false,
    };

    /// <summary>
    /// The convention most names follow (ties go to the earlier one in <paramref name="conventions"/>), as a pattern
    /// such as <c>csharp private fields _camelCase</c> with <c>412 of 430 fields (…)</c>; null below <see cref="MinNames"/>.
    /// </summary>
    public static CodePattern? Dominant(string subject, string noun, IReadOnlyCollection<string> names, string[] conventions, string sampleNote)
    {
        if (names.Count < MinNames)
        {
            return null;
        }

        var (convention, count) = conventions.Select(c => (Convention: c, Count: names.Count(n => Matches(c, n))))
            .Aggregate((best, next) => next.Count > best.Count ? next : best);
        return new CodePattern("naming", $"{subject} {convention}", Evidence(count, names.Count, noun, sampleNote), Share(count, names.Count));
    }

    /// <summary><c>412 of 430 fields (120 of 950 csharp files sampled)</c>.</summary>
    public static string Evidence(int count, int total, string noun, string sampleNote) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} of {total} {noun} ({sampleNote})");

    /// <summary>Decimals kept in a share: finer differences say nothing about a convention.</summary>
    public const int ShareDecimals = 3;

    /// <summary>A share rounded to <see cref="ShareDecimals"/> decimals; 0 when there is nothing to divide.</summary>
    public static double Share(int count, int total) => total == 0 ? 0 : Math.Round((double)count / total, ShareDecimals, MidpointRounding.AwayFromZero);

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalRegex();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex CamelRegex();

    [GeneratedRegex("^_?[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")]
    private static partial Regex SnakeRegex();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnakeRegex();

    [GeneratedRegex("^[A-Z][A-Za-z0-9]*(?:_[A-Z][A-Za-z0-9]*){2,}$")]
    private static partial Regex UnderscoredRegex();
}
