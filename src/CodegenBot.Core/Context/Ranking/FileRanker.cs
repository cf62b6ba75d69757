using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Ranks a repository's files for a task: lexical relevance (BM25 over identifier sub-tokens), direct hits (files
/// and symbols the task names, stack-trace frames), graph relevance (personalized PageRank over which file uses
/// which file's definitions, seeded by the lexical and direct hits), the file's role (source, test, other) against
/// the mode, and source/test pairing.
/// </summary>
internal static class FileRanker
{
    /// <summary>A file whose normalised graph score reaches this is said to be linked to the relevant files.</summary>
    private const double GraphReasonThreshold = 0.25;

    public static IReadOnlyList<RankedFile> Rank(IReadOnlyList<FileAnalysis> analyses, TaskContext task, GenerationMode? mode = null)
    {
        if (analyses.Count == 0)
        {
            return [];
        }

        var files = analyses.Select(a => a.Symbols).ToList();
        var reasons = files.Select(_ => new List<string>()).ToArray();
        var roles = analyses.Select(a => RoleFactor(a, mode ?? task.ModeFromLabels)).ToArray();
        var boosts = DirectHits(files, task, reasons, roles);
        var lexical = Normalise(LexicalScores(analyses, task, reasons));
        var seeds = lexical.Select((l, i) => l + boosts[i]).ToArray();
        var graph = Normalise(PersonalizedPageRank.Compute(files.Count, Edges(files, task), seeds));

        var scores = new double[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            scores[i] = (((RankingWeights.Lexical * lexical[i]) + (RankingWeights.Graph * graph[i])) * roles[i]) + boosts[i];
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

    private static double[] LexicalScores(IReadOnlyList<FileAnalysis> files, TaskContext task, List<string>[] reasons)
    {
        var query = TaskMentions.Words(task.Text)
            .Concat(task.SymbolNames.SelectMany(TaskMentions.SplitIdentifier))
            .Where(t => t.Length >= TermBag.MinTermLength)
            .Order(StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var scores = new Bm25Index(files.Select(f => f.Terms).ToList()).Score(query);
        for (var i = 0; i < files.Count; i++)
        {
            if (scores[i] > 0)
            {
                var matched = query.Where(t => files[i].Terms.CountOf(t) > 0).Take(6);
                reasons[i].Add($"shares words with the task: {string.Join(", ", matched)}");
            }
        }

        return scores;
    }

    /// <summary>
    /// How much a file's similarity counts given what it is: a source file fully; a test, unless the task is about
    /// tests, at <see cref="RankingWeights.TestFileFactor"/> (it still comes along with its source through pairing);
    /// prose, data and configuration, unless the task is documentation, at <see cref="RankingWeights.NonCodeFactor"/>.
    /// </summary>
    internal static double RoleFactor(FileAnalysis file, GenerationMode? mode)
    {
        if (IsTest(file.File.Path))
        {
            return mode == GenerationMode.Test ? 1 : RankingWeights.TestFileFactor;
        }

        return file.Symbols.Definitions.Count > 0 || mode == GenerationMode.Docs ? 1 : RankingWeights.NonCodeFactor;
    }

    /// <summary>Whether a path is a test by its folders (test, tests, spec, __tests__) or its name (FooTests.cs, test_foo.py).</summary>
    internal static bool IsTest(string path)
    {
        var segments = path.Split('/');
        return TestPairing.TestSubject(segments[^1]) is not null
            || segments[..^1].Any(s => s.Equals("test", StringComparison.OrdinalIgnoreCase) || s.Equals("tests", StringComparison.OrdinalIgnoreCase)
                || s.Equals("spec", StringComparison.OrdinalIgnoreCase) || s == "__tests__"
                || s.EndsWith(".Tests", StringComparison.Ordinal) || s.EndsWith(".FunctionalTests", StringComparison.Ordinal));
    }

    /// <summary>
    /// Boosts for what the task names. Explicit pointers (a path, a stack frame) count in full; name matches (the
    /// file's name, a folder's name, a symbol it defines) are shared among the files that match the same name and
    /// weighed by the file's role, so a method name defined in a hundred test classes lifts none of them far.
    /// </summary>
    private static double[] DirectHits(List<FileSymbols> files, TaskContext task, List<string>[] reasons, double[] roles)
    {
        var boosts = new double[files.Count];
        var named = task.SymbolNames.Select(s => s.Split('.')[^1].TrimEnd('(', ')')).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var words = TaskMentions.RawWords(task.Text);
        var stems = files.GroupBy(f => StemOf(f.Path), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var folders = files.SelectMany(f => Folders(f.Path)).GroupBy(d => d, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var definers = files.SelectMany(f => f.Definitions.Select(d => d.Name).Where(named.Contains).Distinct(StringComparer.Ordinal))
            .GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
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

            if (stems.TryGetValue(StemOf(path), out var sameStem) && words.Contains(StemOf(path)))
            {
                boosts[i] += RankingWeights.FileNameInTask * roles[i] / sameStem;
                reasons[i].Add("its name is in the task");
            }

            if (FolderNamed(path, words, folders, files.Count) is { } folder)
            {
                boosts[i] += RankingWeights.FolderNameInTask * roles[i];
                reasons[i].Add($"in {folder}/, named in the task");
            }

            var defined = files[i].Definitions.Select(d => d.Name).Where(named.Contains).Distinct(StringComparer.Ordinal).Take(3).ToList();
            if (defined.Count > 0)
            {
                boosts[i] += RankingWeights.DefinesNamedSymbol * roles[i] * defined.Max(d => 1.0 / definers[d]);
                reasons[i].Add($"defines {string.Join(", ", defined.Select(d => $"`{d}`"))} named in the task");
            }
        }

        return boosts;
    }

    /// <summary>A file's name without extensions, lower case: <c>src/Foo.Bar.cs</c> → foo.</summary>
    private static string StemOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (dot > 0 ? name[..dot] : name).ToLowerInvariant();
    }

    /// <summary>Every folder of a path, as full folder paths (<c>a/b/c.cs</c> → a, a/b).</summary>
    private static IEnumerable<string> Folders(string path)
    {
        for (var slash = path.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }

    /// <summary>
    /// The deepest folder of the path whose own name the task uses as a word (<c>fix(persistence)</c>,
    /// "the query-builder"), provided the folder is specific: it holds at most
    /// <see cref="RankingWeights.MaxNamedFolderShare"/> of the files and its name is not a stem too short to mean anything.
    /// </summary>
    private static string? FolderNamed(string path, IReadOnlySet<string> words, Dictionary<string, int> folders, int fileCount)
    {
        foreach (var folder in Folders(path).Reverse())
        {
            var name = folder[(folder.LastIndexOf('/') + 1)..].ToLowerInvariant();
            if (name.Length >= 4 && words.Contains(name) && folders[folder] <= fileCount * RankingWeights.MaxNamedFolderShare)
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>Edges from each file to the files defining the identifiers it references.</summary>
    private static IEnumerable<(int From, int To, double Weight)> Edges(List<FileSymbols> files, TaskContext task)
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
                    // A name used in one language and defined in another is mostly a coincidence (or a shim).
                    yield return (from, to, files[from].Language == files[to].Language ? weight : weight * RankingWeights.CrossLanguageEdge);
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
