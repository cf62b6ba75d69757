using System.Text.RegularExpressions;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Tasks;

/// <summary>File paths and code symbols a task mentions.</summary>
internal static partial class Mentions
{
    /// <summary>Extensions that make a dotted word a file name (so <c>1.2.3</c> or <c>e.g.</c> are not paths).</summary>
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "cs", "csx", "csproj", "props", "targets", "sln", "py", "pyi", "ts", "tsx", "js", "jsx", "mjs", "cjs", "go", "java", "kt", "rs",
        "rb", "php", "c", "h", "cc", "cpp", "hpp", "swift", "scala", "sh", "ps1", "sql", "html", "css", "scss", "md", "yml", "yaml",
        "json", "xml", "toml", "ini", "cfg", "txt", "razor", "cshtml", "vue", "svelte", "proto", "tf", "gradle", "lock", "env", "config",
    };

    /// <summary>Folders that often prefix paths in stack traces and containers; stripped to give a repository-relative candidate.</summary>
    private static readonly string[] AbsolutePrefixes = ["/app/", "/src/", "/home/", "/build/", "/workspace/", "/github/workspace/", "/usr/src/app/"];

    public static IEnumerable<string> FilePaths(IEnumerable<string> texts, IReadOnlyList<StackFrame> frames)
    {
        var found = new List<string>();
        void Add(string candidate)
        {
            var path = candidate.Replace('\\', '/').Trim('`', '\'', '"', '(', ')', ',', ';', ':');
            if (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            var extension = Path.GetExtension(path).TrimStart('.');
            if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || !Extensions.Contains(extension) || found.Contains(path))
            {
                return;
            }

            found.Add(path);
            if (Relative(path) is { } relative && !found.Contains(relative))
            {
                found.Add(relative);
            }
        }

        foreach (var frame in frames)
        {
            if (frame.File is { } file)
            {
                Add(file);
            }
        }

        foreach (var text in texts)
        {
            foreach (Match match in PathLike().Matches(text))
            {
                if (!InUrl(text, match.Index, match.Length))
                {
                    Add(match.Value);
                }
            }
        }

        return found;
    }

    public static IEnumerable<string> Symbols(IEnumerable<string> inlineCode, IEnumerable<string> prose, IReadOnlyList<StackFrame> frames)
    {
        var found = new List<string>();
        foreach (var code in inlineCode)
        {
            var trimmed = code.Trim().TrimEnd(';').Replace("()", "", StringComparison.Ordinal);
            if (SymbolLike().IsMatch(trimmed) && !trimmed.Contains('/', StringComparison.Ordinal) && !Extensions.Contains(Path.GetExtension(trimmed).TrimStart('.')))
            {
                found.Add(trimmed.Split('.')[^1]);
                found.Add(trimmed);
            }
        }

        found.AddRange(prose.SelectMany(p => InnerCapital().Matches(p).Select(m => m.Value)));
        found.AddRange(frames.Select(f => f.Method?.Split('.')[^1]).OfType<string>().Where(m => m.Length > 1 && SymbolLike().IsMatch(m)));
        return found.Where(s => s.Length > 1).Distinct(StringComparer.Ordinal);
    }

    private static string? Relative(string path)
    {
        if (path.Length > 2 && path[1] == ':')
        {
            path = path[2..];
        }

        foreach (var prefix in AbsolutePrefixes)
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = path[prefix.Length..];
                return prefix == "/home/" ? string.Join('/', rest.Split('/').Skip(2)) : rest;
            }
        }

        return null;
    }

    /// <summary>Whether the match is part of a URL (the word it sits in contains <c>://</c>).</summary>
    private static bool InUrl(string text, int index, int length)
    {
        var start = index == 0 ? 0 : text.LastIndexOfAny([' ', '\n', '(', '<', '['], index - 1) + 1;
        return text.AsSpan(start, index + length - start).Contains("://", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<![\w/.\\-])(?:[A-Za-z]:)?[\w./\\-]*[\w-]\.[A-Za-z][A-Za-z0-9]{0,9}(?![\w/])")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*(?:<[\w, ]+>)?$")]
    private static partial Regex SymbolLike();

    /// <summary>Words with a capital inside (HttpClient, getUserName, IRetryPolicy): code, not English.</summary>
    [GeneratedRegex(@"\b(?:[A-Z][a-z0-9]+[A-Z]\w*|[a-z]+[A-Z]\w*|I[A-Z][a-z]\w+)\b")]
    private static partial Regex InnerCapital();
}
