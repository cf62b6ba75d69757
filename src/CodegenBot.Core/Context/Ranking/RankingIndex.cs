using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// What ranking needs of a set of files that does not depend on the task, built once: the definition/reference
/// graph laid out for PageRank, who defines each name, file stems and folder sizes, roles and test pairs. Ranking a
/// task then costs the BM25 scores, the direct hits and the PageRank iterations; a long-lived process keeps the
/// index with the analysis it was built from.
/// </summary>
internal sealed class RankingIndex
{
    /// <summary>A file whose normalised graph score reaches this is said to be linked to the relevant files.</summary>
    private const double GraphReasonThreshold = 0.25;

    /// <summary>At most this many of the task's words are named in a file's "shares words" reason.</summary>
    private const int MatchedWordsShown = 6;

    private readonly IReadOnlyList<FileAnalysis> _analyses;
    private readonly FileSymbols[] _files;
    private readonly string[] _paths;
    private readonly bool[] _isTest;
    private readonly bool[] _definesSymbols;
    private readonly string[] _stems;
    private readonly string[][] _folders;
    private readonly Dictionary<string, int> _filesPerStem;
    private readonly Dictionary<string, int> _filesPerFolder;
    private readonly Dictionary<string, List<int>> _definers;
    private readonly WeightedGraph _graph;
    private readonly IReadOnlyList<(int Test, int Source)> _pairs;
    private readonly Bm25Index _bm25;

    public RankingIndex(IReadOnlyList<FileAnalysis> analyses)
    {
        _analyses = analyses;
        _files = analyses.Select(a => a.Symbols).ToArray();
        _paths = _files.Select(f => f.Path).ToArray();
        _isTest = _paths.Select(FileRanker.IsTest).ToArray();
        _definesSymbols = _files.Select(f => f.Definitions.Count > 0).ToArray();
        _stems = _paths.Select(StemOf).ToArray();
        _folders = _paths.Select(p => RepositorySnapshot.AncestorFolders(p).ToArray()).ToArray();
        _filesPerStem = _stems.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _filesPerFolder = _folders.SelectMany(f => f).GroupBy(d => d, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _definers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _files.Length; i++)
        {
            seen.Clear();
            foreach (var definition in _files[i].Definitions)
            {
                if (seen.Add(definition.Name))
                {
                    (_definers.TryGetValue(definition.Name, out var list) ? list : _definers[definition.Name] = []).Add(i);
                }
            }
        }

        _graph = WeightedGraph.FromRows(_files.Length, (from, row) =>
        {
            foreach (var identifier in _files[from].References)
            {
                AddEdgesOf(from, identifier, 1, row);
            }
        });
        _pairs = TestPairing.Pairs(_paths);
        _bm25 = new Bm25Index(analyses.Select(a => a.Terms).ToList());
    }

    /// <summary>The index of a later state of the same files, sharing what did not change.</summary>
    private RankingIndex(RankingIndex previous, IReadOnlyList<FileAnalysis> analyses, WeightedGraph graph)
    {
        _analyses = analyses;
        _files = analyses.Select(a => a.Symbols).ToArray();
        _paths = previous._paths;
        _isTest = previous._isTest;
        _definesSymbols = previous._definesSymbols;
        _stems = previous._stems;
        _folders = previous._folders;
        _filesPerStem = previous._filesPerStem;
        _filesPerFolder = previous._filesPerFolder;
        _definers = previous._definers;
        _graph = graph;
        _pairs = previous._pairs;
        _bm25 = new Bm25Index(analyses.Select(a => a.Terms).ToList());
    }

    /// <summary>Share of changed files above which <see cref="Update"/> gives up: building afresh is then about as quick.</summary>
    private const double MaxUpdatedShare = 0.1;

    /// <summary>Changed files <see cref="Update"/> always takes on, whatever the share (small repositories).</summary>
    private const int AlwaysUpdatedFiles = 16;

    /// <summary>
    /// The index of <paramref name="analyses"/>, a later state of the files this index was built from, made by
    /// re-deriving only the graph rows of changed files; identical to building it afresh. Null when that does not
    /// hold: files added, removed or renamed, a changed file defining other names than before (which moves edges of
    /// every file using them), or more than <see cref="MaxUpdatedShare"/> of the files (and more than
    /// <see cref="AlwaysUpdatedFiles"/>) changed.
    /// </summary>
    public RankingIndex? Update(IReadOnlyList<FileAnalysis> analyses)
    {
        if (analyses.Count != _analyses.Count)
        {
            return null;
        }

        var changed = new List<int>();
        for (var i = 0; i < analyses.Count; i++)
        {
            if (ReferenceEquals(analyses[i], _analyses[i]))
            {
                continue;
            }

            var (before, after) = (_files[i], analyses[i].Symbols);
            if (after.Path != before.Path || after.Language != before.Language || (after.Definitions.Count > 0) != _definesSymbols[i]
                || !after.Definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal).SetEquals(before.Definitions.Select(d => d.Name)))
            {
                return null;
            }

            changed.Add(i);
        }

        if (changed.Count > Math.Max(AlwaysUpdatedFiles, analyses.Count * MaxUpdatedShare))
        {
            return null;
        }

        // A changed file keeps its language and names, so its new edges come from this index's definers as they are.
        var rows = changed.ToDictionary(i => i, i => WeightedGraph.FromRows(_files.Length, (from, row) =>
        {
            if (from == i)
            {
                foreach (var identifier in analyses[i].Symbols.References)
                {
                    AddEdgesOf(i, identifier, 1, row);
                }
            }
        }));
        var starts = new int[_files.Length + 1];
        var targets = new List<int>(_graph.Targets.Length);
        var weights = new List<double>(_graph.Weights.Length);
        for (var node = 0; node < _files.Length; node++)
        {
            starts[node] = targets.Count;
            var row = rows.GetValueOrDefault(node) ?? _graph;
            for (var edge = row.Starts[node]; edge < row.Starts[node + 1]; edge++)
            {
                targets.Add(row.Targets[edge]);
                weights.Add(row.Weights[edge]);
            }
        }

        starts[_files.Length] = targets.Count;
        return new RankingIndex(this, analyses, new WeightedGraph(_files.Length, starts, [.. targets], [.. weights]));
    }

    public IReadOnlyList<RankedFile> Rank(TaskContext task, GenerationMode? mode = null)
    {
        if (_files.Length == 0)
        {
            return [];
        }

        var reasons = _files.Select(_ => new List<string>()).ToArray();
        var roles = Enumerable.Range(0, _files.Length).Select(i => FileRanker.RoleFactor(_isTest[i], _definesSymbols[i], mode ?? task.ModeFromLabels)).ToArray();
        var boosts = DirectHits(task, reasons, roles);
        var lexical = Normalise(LexicalScores(task, reasons));
        var seeds = lexical.Select((l, i) => l + boosts[i]).ToArray();
        var graph = Normalise(PersonalizedPageRank.Compute(_graph, seeds, WeightsFor(task)));

        var scores = new double[_files.Length];
        var anySeed = seeds.Any(s => s > 0);
        for (var i = 0; i < _files.Length; i++)
        {
            scores[i] = (((RankingWeights.Lexical * lexical[i]) + (RankingWeights.Graph * graph[i])) * roles[i]) + boosts[i];
            if (graph[i] >= GraphReasonThreshold && boosts[i] == 0)
            {
                reasons[i].Add(anySeed ? "uses or is used by the relevant files" : "central in the repository (nothing in the task matched)");
            }
        }

        TestPairing.Apply(_pairs, _paths, scores, reasons);
        return Enumerable.Range(0, _files.Length)
            .Select(i => new RankedFile(_paths[i], Math.Round(scores[i], 6), reasons[i]))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Path, StringComparer.Ordinal)
            .ToList();
    }

    private double[] LexicalScores(TaskContext task, List<string>[] reasons)
    {
        var query = TaskMentions.Words(task.Text)
            .Concat(task.SymbolNames.SelectMany(TaskMentions.SplitIdentifier))
            .Where(t => t.Length >= TermBag.MinTermLength)
            .Order(StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var scores = _bm25.Score(query);
        var matched = new List<string>?[_files.Length];
        foreach (var term in query)
        {
            foreach (var posting in _bm25.PostingsOf(term))
            {
                if ((matched[posting.Document] ??= []) is { Count: < MatchedWordsShown } words)
                {
                    words.Add(term);
                }
            }
        }

        for (var i = 0; i < _files.Length; i++)
        {
            if (scores[i] > 0 && matched[i] is { } words)
            {
                reasons[i].Add($"shares words with the task: {string.Join(", ", words)}");
            }
        }

        return scores;
    }

    /// <summary>
    /// Boosts for what the task names. Explicit pointers (a path, a stack frame) count in full; name matches (the
    /// file's name, a folder's name, a symbol it defines) are shared among the files that match the same name and
    /// weighed by the file's role, so a method name defined in a hundred test classes lifts none of them far.
    /// </summary>
    private double[] DirectHits(TaskContext task, List<string>[] reasons, double[] roles)
    {
        var boosts = new double[_files.Length];
        var named = task.SymbolNames.Select(s => s.Split('.')[^1].TrimEnd('(', ')')).Where(s => s.Length > 0).ToHashSet(StringComparer.Ordinal);
        var definingNamed = named.SelectMany(n => _definers.GetValueOrDefault(n) ?? []).ToHashSet();
        var words = TaskMentions.RawWords(task.Text);
        for (var i = 0; i < _files.Length; i++)
        {
            var path = _paths[i];
            if (task.FilePaths.Any(p => FileRanker.PathMatches(path, p)))
            {
                boosts[i] += RankingWeights.NamedInTask;
                reasons[i].Add("named in the task");
            }

            var frame = task.StackFrames.FirstOrDefault(f => f.File is { } file && FileRanker.PathMatches(path, file));
            if (frame is not null)
            {
                boosts[i] += RankingWeights.StackTraceHit;
                reasons[i].Add(frame.Line is { } line ? $"stack trace frame at line {line}" : "stack trace frame");
            }

            if (words.Contains(_stems[i]))
            {
                boosts[i] += RankingWeights.FileNameInTask * roles[i] / _filesPerStem[_stems[i]];
                reasons[i].Add("its name is in the task");
            }

            if (FolderNamed(i, words) is { } folder)
            {
                boosts[i] += RankingWeights.FolderNameInTask * roles[i];
                reasons[i].Add($"in {folder}/, named in the task");
            }

            if (definingNamed.Contains(i))
            {
                var defined = _files[i].Definitions.Select(d => d.Name).Where(named.Contains).Distinct(StringComparer.Ordinal).Take(3).ToList();
                boosts[i] += RankingWeights.DefinesNamedSymbol * roles[i] * defined.Max(d => 1.0 / _definers[d].Count);
                reasons[i].Add($"defines {string.Join(", ", defined.Select(d => $"`{d}`"))} named in the task");
            }
        }

        return boosts;
    }

    /// <summary>
    /// The deepest folder of the file whose own name the task uses as a word (<c>fix(persistence)</c>,
    /// "the query-builder"), provided the folder is specific: it holds at most
    /// <see cref="RankingWeights.MaxNamedFolderShare"/> of the files and its name is not a stem too short to mean anything.
    /// </summary>
    private string? FolderNamed(int file, IReadOnlySet<string> words)
    {
        foreach (var folder in _folders[file])
        {
            var name = folder[(folder.LastIndexOf('/') + 1)..].ToLowerInvariant();
            if (name.Length >= 4 && words.Contains(name) && _filesPerFolder[folder] <= _files.Length * RankingWeights.MaxNamedFolderShare)
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>
    /// Appends the edges from a file to the definers of one identifier it uses (none for a short or common name). The
    /// graph is built with a factor of 1, without the task: a name the task mentions weighs
    /// <see cref="RankingWeights.NamedIdentifierEdge"/> times more, which <see cref="WeightsFor"/> adds.
    /// </summary>
    private void AddEdgesOf(int from, string identifier, double factor, List<(int To, double Weight)> row)
    {
        if (identifier.Length < RankingWeights.MinIdentifierLength || !_definers.TryGetValue(identifier, out var targets)
            || targets.Count > RankingWeights.MaxDefinitionsPerIdentifier)
        {
            return;
        }

        var weight = factor * (identifier.StartsWith('_') ? RankingWeights.PrivateIdentifierEdge : 1) / targets.Count;
        foreach (var to in targets)
        {
            // A name used in one language and defined in another is mostly a coincidence (or a shim).
            row.Add((to, _files[from].Language == _files[to].Language ? weight : weight * RankingWeights.CrossLanguageEdge));
        }
    }

    /// <summary>The graph's weights with the task's named identifiers weighed up, or null when the task names none that link files.</summary>
    private double[]? WeightsFor(TaskContext task)
    {
        double[]? weights = null;
        var named = new List<(int To, double Weight)>();
        foreach (var identifier in task.SymbolNames.Distinct(StringComparer.Ordinal))
        {
            for (var from = 0; from < _files.Length; from++)
            {
                if (!_files[from].References.Contains(identifier, StringComparer.Ordinal))
                {
                    continue;
                }

                named.Clear();
                AddEdgesOf(from, identifier, RankingWeights.NamedIdentifierEdge - 1, named);
                foreach (var (to, extra) in named)
                {
                    if (_graph.EdgeIndex(from, to) is var edge && edge >= 0)
                    {
                        weights ??= (double[])_graph.Weights.Clone();
                        weights[edge] += extra;
                    }
                }
            }
        }

        return weights;
    }

    /// <summary>A file's name without extensions, lower case: <c>src/Foo.Bar.cs</c> → foo.</summary>
    private static string StemOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return (dot > 0 ? name[..dot] : name).ToLowerInvariant();
    }


    private static double[] Normalise(double[] values)
    {
        var max = values.Length == 0 ? 0 : values.Max();
        return max <= 0 ? new double[values.Length] : values.Select(v => v / max).ToArray();
    }
}
