using System.Text;
using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Generation;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CodegenBot.Core.Context;

/// <summary>
/// What the model may ask for beyond the prompt, each answer bounded: read part of a file, list files by glob,
/// search code by regular expression or symbol name. Paths go through the same <see cref="PathGuard"/> as edits,
/// so protected files (keys, .env) and anything outside the repository stay unreadable.
/// </summary>
internal sealed class ContextTools(string root, RepositoryAnalysis analysis, PathGuard guard)
{
    /// <summary>The most characters one read returns.</summary>
    public const int MaxReadChars = 64 * 1024;

    /// <summary>The most paths one listing returns.</summary>
    public const int MaxListedFiles = 500;

    /// <summary>The most matches one search returns.</summary>
    public const int MaxSearchResults = 100;

    /// <summary>How long one regular expression may run on one file.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Lines <paramref name="startLine"/>..<paramref name="endLine"/> (1-based, inclusive) of a file, numbered.</summary>
    public string ReadFile(string path, int startLine = 1, int endLine = int.MaxValue)
    {
        var (full, problem) = guard.Check(path);
        if (full is null)
        {
            return $"error: {problem}";
        }

        var file = analysis.Files.FirstOrDefault(f => f.File.Path == path.Replace('\\', '/').TrimStart('.', '/'));
        if (file is null || !File.Exists(full))
        {
            return $"error: {path} does not exist; list files with list_files.";
        }

        if (!file.File.Readable)
        {
            return $"error: {path} is not readable as text ({file.File.Skip}).";
        }

        var builder = new StringBuilder();
        var number = 0;
        foreach (var line in File.ReadLines(full))
        {
            number++;
            if (number < startLine)
            {
                continue;
            }

            if (number > endLine)
            {
                break;
            }

            if (builder.Length + line.Length > MaxReadChars)
            {
                builder.Append("... (cut; read from line ").Append(number).Append(" on to see more)\n");
                break;
            }

            builder.Append(number).Append(": ").Append(line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Paths matching a glob (<c>src/**/*.cs</c>), in ordinal order, at most <see cref="MaxListedFiles"/>.</summary>
    public IReadOnlyList<string> ListFiles(string glob = "**/*")
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(glob);
        return analysis.Files.Select(f => f.File.Path).Where(p => matcher.Match(p).HasMatches).Take(MaxListedFiles).ToList();
    }

    /// <summary><c>path:line: text</c> for lines matching the regular expression, at most <see cref="MaxSearchResults"/>.</summary>
    public IReadOnlyList<string> SearchCode(string pattern, string glob = "**/*")
    {
        Regex regex;
        try
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            return [$"error: the pattern is not a valid regular expression ({ex.Message})."];
        }

        var results = new List<string>();
        foreach (var path in ListFiles(glob).Where(p => analysis.Files.First(f => f.File.Path == p).File.Readable))
        {
            var number = 0;
            foreach (var line in File.ReadLines(Path.Combine(root, path)))
            {
                number++;
                try
                {
                    if (regex.IsMatch(line))
                    {
                        results.Add($"{path}:{number}: {line.Trim()}");
                        if (results.Count >= MaxSearchResults)
                        {
                            return results;
                        }
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    return [.. results, $"error: the pattern took too long on {path}; make it simpler."];
                }
            }
        }

        return results;
    }

    /// <summary>Definitions whose name contains the text (case-insensitive): <c>path:line: signature</c>.</summary>
    public IReadOnlyList<string> SearchSymbols(string name) =>
        analysis.Files.SelectMany(f => f.Symbols.Definitions)
            .Where(d => d.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .OrderBy(d => !d.Name.Equals(name, StringComparison.Ordinal)).ThenBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line)
            .Take(MaxSearchResults)
            .Select(d => $"{d.File}:{d.Line}: {d.Signature}")
            .ToList();
}
