using System.Text.RegularExpressions;
using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Context;

/// <summary>
/// Gathers the context for one task within a token budget: team instructions first (up to their share), then the
/// files the task names in full, then the file list, then other files ranked by how many task words their path
/// holds. The same repository and task always give the same context, in the same order.
/// </summary>
internal sealed partial class ContextBuilder(ContextOptions options, TokenCounter tokens)
{
    /// <summary>Share of the budget the plain file list may take.</summary>
    private const double FileListShare = 0.15;

    public GatheredContext Build(string root, string task)
    {
        var files = new RepositoryScanner(options).Scan(root);
        var budget = options.TokenBudget;

        var team = TeamInstructions.Load(root, files, (int)(budget * options.TeamInstructionsShare), tokens);
        var used = team.Sum(t => tokens.Count(t.Content));

        var byPath = files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var mentioned = TaskMentions.MentionedFiles(task, files);
        var mentionedSet = mentioned.ToHashSet(StringComparer.Ordinal);
        var words = TaskMentions.Words(task);
        var candidates = mentioned.Select(p => (Path: p, Reason: "named in the task", Score: int.MaxValue))
            .Concat(files.Where(f => f.Readable && !mentionedSet.Contains(f.Path) && !TeamInstructions.KnownFiles.Contains(f.Path))
                .Select(f => (f.Path, Score: PathScore(f.Path, words)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score).ThenBy(c => c.Path, StringComparer.Ordinal)
                .Select(c => (c.Path, Reason: $"path shares {c.Score} word(s) with the task", c.Score)))
            .ToList();

        // The list of paths is reserved before the contents so the model always sees the repository's shape.
        var listBudget = (int)((budget - used) * FileListShare);
        var contentBudget = budget - used - listBudget;
        var included = new List<ContextFile>();
        foreach (var (path, reason, _) in candidates)
        {
            if (!byPath[path].Readable)
            {
                continue;
            }

            var content = File.ReadAllText(Path.Combine(root, path));
            var cost = tokens.Count(content) + tokens.Count(path) + 8;
            if (cost <= contentBudget)
            {
                included.Add(new ContextFile(path, content, reason, cost));
                contentBudget -= cost;
            }
        }

        used += included.Sum(f => f.Tokens);
        var includedPaths = included.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var listed = new List<string>();
        var listTokens = 0;
        var listLimit = listBudget + contentBudget;
        foreach (var file in files.Where(f => !includedPaths.Contains(f.Path)))
        {
            var cost = tokens.Count(file.Path) + 1;
            if (listTokens + cost > listLimit)
            {
                break;
            }

            listed.Add(file.Path);
            listTokens += cost;
        }

        return new GatheredContext
        {
            Files = included,
            ListedPaths = listed,
            OmittedFileCount = files.Count - included.Count - listed.Count,
            MentionedButMissing = MissingMentions(task, files),
            TeamInstructions = team,
            TokenCount = used + listTokens,
            TokenBudget = budget,
        };
    }

    private static int PathScore(string path, IReadOnlySet<string> words) =>
        path.Split('/', '.', '-', '_').SelectMany(TaskMentions.SplitIdentifier).Distinct().Count(words.Contains);

    private static List<string> MissingMentions(string task, IReadOnlyList<RepositoryFile> files) =>
        SourcePath().Matches(task).Select(m => m.Value.TrimStart('.', '/'))
            .Where(p => p.Contains('/', StringComparison.Ordinal) && files.All(f => f.Path != p && !f.Path.EndsWith("/" + p, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    [GeneratedRegex(@"(?<![\w/.-])[\w.-]+(/[\w.-]+)+\.[A-Za-z][A-Za-z0-9]{0,9}(?![\w/])")]
    private static partial Regex SourcePath();
}
