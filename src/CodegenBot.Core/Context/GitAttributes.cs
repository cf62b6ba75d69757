using Microsoft.Extensions.FileSystemGlobbing;

namespace CodegenBot.Core.Context;

/// <summary>
/// The <c>linguist-generated</c> and <c>linguist-vendored</c> attributes of the root <c>.gitattributes</c>, as
/// GitHub's linguist reads them: <c>pattern linguist-generated</c> (or <c>=true</c>) sets, <c>-linguist-generated</c>
/// (or <c>=false</c>) unsets; later lines win.
/// </summary>
internal sealed class GitAttributes
{
    private readonly List<(Matcher Pattern, string Attribute, bool Set)> _rules = [];

    public static GitAttributes Load(string root)
    {
        var attributes = new GitAttributes();
        var file = Path.Combine(root, ".gitattributes");
        if (!File.Exists(file))
        {
            return attributes;
        }

        foreach (var raw in File.ReadLines(file))
        {
            var parts = raw.Trim().Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || parts[0].StartsWith('#'))
            {
                continue;
            }

            var matcher = new Matcher(StringComparison.Ordinal);
            matcher.AddInclude(ToGlob(parts[0]));
            foreach (var attribute in parts.Skip(1))
            {
                foreach (var name in (string[])["linguist-generated", "linguist-vendored"])
                {
                    if (attribute == name || attribute == $"{name}=true")
                    {
                        attributes._rules.Add((matcher, name, true));
                    }
                    else if (attribute == $"-{name}" || attribute == $"{name}=false")
                    {
                        attributes._rules.Add((matcher, name, false));
                    }
                }
            }
        }

        return attributes;
    }

    /// <summary>Generated, Vendored, or None for a relative path.</summary>
    public SkipReason Classify(string path)
    {
        bool? generated = null, vendored = null;
        foreach (var (pattern, attribute, set) in _rules)
        {
            if (pattern.Match(path).HasMatches)
            {
                _ = attribute == "linguist-generated" ? generated = set : vendored = set;
            }
        }

        return generated == true ? SkipReason.Generated : vendored == true ? SkipReason.Vendored : SkipReason.None;
    }

    /// <summary>A gitattributes pattern as a glob: no slash matches at any depth; a leading slash anchors at the root.</summary>
    private static string ToGlob(string pattern)
    {
        var glob = pattern.EndsWith('/') ? pattern + "**" : pattern;
        if (glob.StartsWith('/'))
        {
            return glob[1..];
        }

        return glob.Contains('/', StringComparison.Ordinal) ? glob : "**/" + glob;
    }
}
