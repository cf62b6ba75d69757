using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>Python requirement strings (<c>name[extra] (>=1.0) ; marker</c>, <c>name @ url</c>) as name and version.</summary>
internal static partial class Pep508
{
    /// <summary>The name and version of a requirement; null when it is not one.</summary>
    /// <remarks>An exact <c>==</c> pin gives the bare version; ranges keep their operators (<c>&gt;=2.0,&lt;3</c>).</remarks>
    public static (string Name, string? Version)? Parse(string requirement)
    {
        var text = requirement;
        var marker = text.IndexOf(';', StringComparison.Ordinal);
        if (marker >= 0)
        {
            text = text[..marker];
        }

        var match = Requirement().Match(text.Trim());
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["url"].Success)
        {
            return (match.Groups["name"].Value, null);
        }

        var specifier = string.Concat(match.Groups["spec"].Value.Where(c => !char.IsWhiteSpace(c)));
        if (specifier.Length == 0)
        {
            return (match.Groups["name"].Value, null);
        }

        var exact = specifier.StartsWith("==", StringComparison.Ordinal) && !specifier.Contains(',', StringComparison.Ordinal);
        return (match.Groups["name"].Value, exact ? specifier[2..] : specifier);
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(?:(?<url>@\s*\S+)|\(?\s*(?<spec>(?:[<>=!~]=?|===)\s*[^()]*?)?\s*\)?)$")]
    private static partial Regex Requirement();
}
