using System.Text.RegularExpressions;

namespace CodegenBot.Bench.Retrieval;

/// <summary>
/// Mines retrieval tasks from a repository's history: a commit that fixed something, described in words, that
/// modified one to three existing source files (tests and docs aside). The task is the commit message and the
/// gold files are the sources it modified; the engine is asked at the fix's parent.
/// </summary>
internal static partial class TaskMiner
{
    /// <summary>Commits scanned, newest first.</summary>
    private const int Scanned = 6000;

    /// <summary>The most files a commit may touch (larger ones are sweeping changes, not tasks).</summary>
    private const int MaxChangedFiles = 10;

    /// <summary>The most gold source files per task.</summary>
    private const int MaxGold = 3;

    /// <summary>Task texts shorter than this say too little to rank anything.</summary>
    private const int MinWords = 6;

    public static async Task<IReadOnlyList<RetrievalTask>> MineAsync(string gitDirectory, string repo, IReadOnlySet<string> extensions, int count, CancellationToken cancellationToken)
    {
        var log = await Git.RunAsync(gitDirectory, cancellationToken, "log", "--no-merges", "--no-renames", $"-n{Scanned}", "--format=%x1e%H%x1f%P%x1f%B%x1f", "--name-status", "HEAD");
        var tasks = new List<RetrievalTask>();
        var subjects = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in log.Split('\x1e', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.Split('\x1f');
            if (fields.Length < 4 || fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is not [var parent])
            {
                continue;
            }

            var message = Clean(fields[2]);
            var subject = message.Split('\n')[0];
            var changes = fields[3].Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => l.Split('\t'))
                .Where(p => p.Length == 2)
                .Select(p => (Status: p[0], Path: p[1]))
                .ToList();
            var gold = changes.Where(c => c.Status == "M" && IsSource(c.Path, extensions)).Select(c => c.Path).Order(StringComparer.Ordinal).ToList();
            if (changes.Count == 0 || changes.Count > MaxChangedFiles || gold.Count is 0 or > MaxGold
                || Words().Count(message) < MinWords || Chore().IsMatch(subject) || !subjects.Add(subject))
            {
                continue;
            }

            tasks.Add(new RetrievalTask(repo, parent, fields[0], message, gold));
            if (tasks.Count == count)
            {
                break;
            }
        }

        return tasks;
    }

    private static bool IsSource(string path, IReadOnlySet<string> extensions)
    {
        var lower = path.ToLowerInvariant();
        var segments = lower.Split('/');
        var name = segments[^1];
        return extensions.Contains(Path.GetExtension(lower))
            && !segments[..^1].Any(s => s is "test" or "tests" or "spec" or "specs" or "__tests__" or "docs" or "doc" or "examples" or "samples" or "benchmark" or "benchmarks")
            && !name.StartsWith("test_", StringComparison.Ordinal)
            && !name.Contains(".test.", StringComparison.Ordinal) && !name.Contains(".spec.", StringComparison.Ordinal)
            && !name.EndsWith("tests.cs", StringComparison.Ordinal) && !name.EndsWith("test.cs", StringComparison.Ordinal);
    }

    /// <summary>The message without trailers (Co-authored-by, Signed-off-by, ...) and surrounding blank lines.</summary>
    private static string Clean(string message)
    {
        var lines = message.Replace("\r", "", StringComparison.Ordinal).Split('\n')
            .Where(l => !Trailer().IsMatch(l))
            .ToList();
        return string.Join('\n', lines).Trim();
    }

    [GeneratedRegex(@"^[A-Za-z-]+-by: ")]
    private static partial Regex Trailer();

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex Words();

    /// <summary>Subjects of housekeeping commits, which are not tasks a bot would be given.</summary>
    [GeneratedRegex(@"\b(typos?|changelog|bump|release|version|mypy|pyright|lint|linter|format(ting)?|style|codespell|readme|chore|ci|revert|merge|sync|cleanup|clean up|refactor|rename|whitespace|docs?|comments?|copyright|license|update dependencies)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Chore();
}
