using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Ranks a repository's files for a task: lexical relevance (BM25 over identifier sub-tokens), direct hits (files
/// and symbols the task names, stack-trace frames), graph relevance (personalized PageRank over which file uses
/// which file's definitions, seeded by the lexical and direct hits), and source/test pairing.
/// </summary>
internal static class FileRanker
{
    /// <summary>A file whose normalised graph score reaches this is said to be linked to the relevant files.</summary>
    private const double GraphReasonThreshold = 0.25;

    public static IReadOnlyList<RankedFile> Rank(IReadOnlyList<FileSymbols> files, TaskContext task)
    {
        if (files.Count == 0)
        {
            return [];
        }

        var reasons = files.Select(_ => new List<string>()).ToArray();
        var boosts = DirectHits(files, task, reasons);
        var lexical = Normalise(LexicalScores(files, task, reasons));
        var seeds = lexical.Select((l, i) => l + boosts[i]).ToArray();
        var graph = Normalise(PersonalizedPageRank.Compute(files.Count, Edges(files, task), seeds));

        var scores = new double[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            scores[i] = (RankingWeights.Lexical * lexical[i]) + (RankingWeights.Graph * graph[i]) + boosts[i];
            if (graph[i] >= GraphReasonThreshold && boosts[i] == 0)
            {
                reasons[i].Add(seeds.Any(s => s > 0) ? "uses or is used by the relevant files" : "central in the repository (nothing in the task matched)");
            }
        }

        TestPairing.Apply(files.Select(f => f.Path).ToList(), scores, reasons);
        return Enumerable.Range(0, files.Count)
            .Select(i => new RankedFile(files[i].Path, Math.Round(scores[i], 6), reasons[i]))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static double[] LexicalScores(IReadOnlyList<FileSymbols> files, TaskContext task, List<string>[] reasons)
    {
        var documents = files.Select(f => Document(f).ToList()).ToList();
        var query = TaskMentions.Words(task.Text)
            .Concat(task.SymbolNames.SelectMany(TaskMentions.SplitIdentifier))
            .Where(t => t.Length >= 2)
            .ToHashSet(StringComparer.Ordinal);
        var scores = new Bm25Index(documents).Score(query);
        for (var i = 0; i < files.Count; i++)
        {
            if (scores[i] > 0)
            {
                var matched = documents[i].Where(query.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(6);
                reasons[i].Add($"shares words with the task: {string.Join(", ", matched)}");
            }
        }

        return scores;
    }

    private static IEnumerable<string> Document(FileSymbols file)
    {
        var path = TaskMentions.SplitIdentifier(file.Path).ToList();
        var definitions = file.Definitions.SelectMany(d => TaskMentions.SplitIdentifier(d.Name)).ToList();
        return Enumerable.Repeat(path, RankingWeights.PathTermRepeat).SelectMany(p => p)
            .Concat(Enumerable.Repeat(definitions, RankingWeights.DefinitionTermRepeat).SelectMany(d => d))
            .Concat(file.References.SelectMany(TaskMentions.SplitIdentifier));
    }

    private static double[] DirectHits(IReadOnlyList<FileSymbols> files, TaskContext task, List<string>[] reasons)
    {
        var boosts = new double[files.Count];
        var named = task.SymbolNames.Select(s => s.Split('.')[^1].TrimEnd('(', ')')).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var path = files[i].Path;
            if (task.FilePaths.Any(p => PathMatches(path, p)))
            {
                boosts[i] += RankingWeights.NamedInTask;
                reasons[i].Add("named in the task");
            }

            var frame = task.StackFrames.FirstOrDefault(f => f.File is { } file && PathMatches(path, file));
            if (frame is not null)
            {
                boosts[i] += RankingWeights.StackTraceHit;
                reasons[i].Add(frame.Line is { } line ? $"stack trace frame at line {line}" : "stack trace frame");
            }

            var defined = files[i].Definitions.Select(d => d.Name).Where(named.Contains).Distinct(StringComparer.Ordinal).Take(3).ToList();
            if (defined.Count > 0)
            {
                boosts[i] += RankingWeights.DefinesNamedSymbol;
                reasons[i].Add($"defines {string.Join(", ", defined.Select(d => $"`{d}`"))} named in the task");
            }
        }

        return boosts;
    }

    /// <summary>Edges from each file to the files defining the identifiers it references.</summary>
    private static IEnumerable<(int From, int To, double Weight)> Edges(IReadOnlyList<FileSymbols> files, TaskContext task)
    {
        var definers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            foreach (var name in files[i].Definitions.Select(d => d.Name).Distinct(StringComparer.Ordinal))
            {
                if (name.Length >= RankingWeights.MinIdentifierLength)
                {
                    (definers.TryGetValue(name, out var list) ? list : definers[name] = []).Add(i);
                }
            }
        }

        var named = task.SymbolNames.ToHashSet(StringComparer.Ordinal);
        for (var from = 0; from < files.Count; from++)
        {
            foreach (var identifier in files[from].References)
            {
                if (!definers.TryGetValue(identifier, out var targets) || targets.Count > RankingWeights.MaxDefinitionsPerIdentifier)
                {
                    continue;
                }

                var weight = (named.Contains(identifier) ? RankingWeights.NamedIdentifierEdge : 1)
                    * (identifier.StartsWith('_') ? RankingWeights.PrivateIdentifierEdge : 1)
                    / targets.Count;
                foreach (var to in targets)
                {
                    yield return (from, to, weight);
                }
            }
        }
    }

    /// <summary>Whether a repository path is the path a task mentions (equal, or the mention is a suffix at a folder boundary).</summary>
    internal static bool PathMatches(string repositoryPath, string mentioned)
    {
        var m = mentioned.Replace('\\', '/').TrimStart('.', '/');
        return m.Length > 0 && (repositoryPath == m || repositoryPath.EndsWith("/" + m, StringComparison.Ordinal)
            || m.EndsWith("/" + repositoryPath, StringComparison.Ordinal));
    }

    private static double[] Normalise(double[] values)
    {
        var max = values.Length == 0 ? 0 : values.Max();
        return max <= 0 ? new double[values.Length] : values.Select(v => v / max).ToArray();
    }
}
