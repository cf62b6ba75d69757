using System.Security.Cryptography;
using System.Text;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context;

/// <summary>Counters of one indexing run, for <c>codegen context</c>, the report and the benchmarks.</summary>
/// <param name="Files">Candidate files.</param>
/// <param name="Analysed">Files read and analysed in this run.</param>
/// <param name="Reused">Files whose analysis came from the cache (same blob id).</param>
/// <param name="TreeCacheHit">Whether the whole tree's analysis came from the cache.</param>
public sealed record IndexStatistics(int Files, int Analysed, int Reused, bool TreeCacheHit)
{
    /// <summary>
    /// Where the indexing time went: listing files, reading the cache, extracting symbols, counting terms, writing
    /// the cache. Timings, not results: two runs with the same counts are equal whatever their phases took.
    /// </summary>
    public IReadOnlyList<ContextPhase> Phases { get; init; } = [];

    /// <summary>Equal counts and cache outcome (<see cref="Phases"/> left out).</summary>
    public bool Equals(IndexStatistics? other) =>
        other is not null && (Files, Analysed, Reused, TreeCacheHit) == (other.Files, other.Analysed, other.Reused, other.TreeCacheHit);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Files, Analysed, Reused, TreeCacheHit);
}

/// <summary>How far an indexing run has got, in steps (symbol extraction and term counting of each new or changed file).</summary>
public readonly record struct IndexProgress(int Done, int Total);

/// <summary>
/// Builds the <see cref="RepositoryAnalysis"/> of a checkout, incrementally: a tree already analysed comes whole
/// from the cache (warm run); otherwise the previous analysis of the same repository supplies every file whose
/// blob id is unchanged, and only new or changed files are read and have their symbols extracted.
/// </summary>
internal sealed partial class RepositoryIndexer(
    ContextOptions options,
    SymbolExtractorRegistry extractors,
    IContextCacheStore cache,
    TimeProvider time,
    ILogger<RepositoryIndexer> logger,
    ContextMemory? memory = null)
{
    /// <summary>
    /// Bump when the analysis changes shape or meaning, so old cache entries are ignored. 5: C# declarations after a
    /// body holding a U+0085, U+2028 or U+2029 line break are on their true lines. 6: C# field-like events
    /// (<c>public event EventHandler Changed;</c>) are definitions; explicit interface properties and events keep
    /// the interface in their signatures (<c>int IShape.Sides</c>), as methods did. 7: a C# <c>//</c> comment ends at
    /// any line break Roslyn knows (a file with lone carriage returns lost the identifiers after its first comment).
    /// 8: every name a C# field or field-like event declaration lists is a definition (<c>int a, b;</c> defined only
    /// <c>a</c>).
    /// </summary>
    public const int AnalyzerVersion = 8;

    /// <summary>Files handed to the symbol extractors at a time (progress is reported after each batch).</summary>
    private const int ExtractionBatch = 512;

    /// <summary>Progress is reported every this many files.</summary>
    private const int ProgressStep = 50;

    /// <summary>Cache entries neither read nor written for this long are deleted after the next indexing run.</summary>
    public static readonly TimeSpan UnusedEntryLifetime = TimeSpan.FromDays(14);

    public async Task<(RepositoryAnalysis Analysis, IndexStatistics Statistics)> IndexAsync(
        string root, string repositoryIdentity, CancellationToken cancellationToken, IProgress<IndexProgress>? progress = null)
    {
        var (analysis, statistics, saved) = await IndexDeferringWritesAsync(root, repositoryIdentity, cancellationToken, progress);
        var writing = await saved;
        return (analysis, statistics with { Phases = [.. statistics.Phases, new ContextPhase("index: write cache", writing)] });
    }

    /// <summary>
    /// As <see cref="IndexAsync"/>, with the cache writes (serialising, compressing and writing megabytes on a large
    /// repository) left running: the returned Saved task ends when they are done, with the time they took, so the
    /// caller can profile and rank meanwhile. It must be awaited; a failed write fails it.
    /// </summary>
    public async Task<(RepositoryAnalysis Analysis, IndexStatistics Statistics, Task<TimeSpan> Saved)> IndexDeferringWritesAsync(
        string root, string repositoryIdentity, CancellationToken cancellationToken, IProgress<IndexProgress>? progress = null)
    {
        var phases = new List<ContextPhase>();
        var start = time.GetTimestamp();
        void Phase(string name)
        {
            phases.Add(new ContextPhase(name, time.GetElapsedTime(start)));
            start = time.GetTimestamp();
        }

        var scanner = new RepositoryScanner(options);
        var configHash = ConfigHash();
        var remembered = memory?.Recall(root, configHash);
        var revalidated = remembered?.Listing.Revalidate(root);
        var listing = revalidated ?? WorkTreeListing.Take(root, scanner, stamp: memory is { Keeps: true });
        var candidates = listing.Candidates;
        var treeKey = TreeKey(candidates);
        var treeCacheKey = $"tree:v{AnalyzerVersion}:{configHash}:{treeKey}";
        var latestKey = $"latest:v{AnalyzerVersion}:{configHash}:{repositoryIdentity}";

        Phase(revalidated is null ? "index: list files" : "index: list files (checked against memory)");
        if (remembered?.Analysis is { } kept && kept.TreeKey == treeKey)
        {
            memory!.Remember(root, configHash, new ContextMemory.Remembered(listing, kept));
            return (kept, new IndexStatistics(kept.Files.Count, 0, kept.Files.Count, TreeCacheHit: true) { Phases = phases }, Task.FromResult(TimeSpan.Zero));
        }

        if (await ReadAsync(treeCacheKey, cancellationToken) is { } cached)
        {
            Phase("index: read cache");
            memory?.Remember(root, configHash, new ContextMemory.Remembered(listing, cached));
            return (cached, new IndexStatistics(cached.Files.Count, 0, cached.Files.Count, TreeCacheHit: true) { Phases = phases }, Task.FromResult(TimeSpan.Zero));
        }

        // Per-file analyses are content-addressed (blob id and analyzer version), so they never go stale: the
        // previous run's are reused whatever their age; the TTL applies to whole-tree results only.
        var previous = (remembered?.Analysis ?? await ReadLatestAsync(latestKey, cancellationToken))?.Files
            .GroupBy(f => (f.File.Path, f.BlobId)).ToDictionary(g => g.Key, g => g.First());
        Phase(remembered is null ? "index: read cache" : "index: previous analysis from memory");
        var analyses = new List<FileAnalysis>(candidates.Count);
        var toExtract = new List<FileToExtract>();
        var fresh = new List<int>();
        var reused = 0;

        // Describing reads every new file's bytes (binary sniff, generated header, lines): one worker per core. The batch
        // tool (ctags) starts on the readable files of its languages as soon as a batch of them is described, and runs
        // beside the rest of the describing (it waited for all of it before, while a core was idle at times).
        var known = candidates.Select(c => previous?.GetValueOrDefault((c.Path, c.BlobId))).ToArray();
        await using var toolBatches = new ToolBatches(root, extractors, cancellationToken);
        var described = new RepositoryFile?[candidates.Count];
        Parallel.For(0, candidates.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            if (known[i] is null && scanner.Describe(root, candidates[i]) is { } file)
            {
                described[i] = file;
                if (file.Readable && file.Language is { } language && extractors.BatchExtractorFor(language) is { } extractor)
                {
                    toolBatches.Add(extractor, i, file.Path, language);
                }
            }
        });
        var started = toolBatches.StartTheRest();
        var analysisIndexOf = new int[candidates.Count];
        for (var i = 0; i < candidates.Count; i++)
        {
            if (known[i] is { } reusable)
            {
                analyses.Add(reusable);
                reused++;
                continue;
            }

            if (described[i] is not { } file)
            {
                continue;
            }

            analyses.Add(new FileAnalysis(file, candidates[i].BlobId, new FileSymbols(file.Path, file.Language ?? "", [], []), TermBag.Empty));
            analysisIndexOf[i] = analyses.Count - 1;
            fresh.Add(analyses.Count - 1);
            if (file.Readable && file.Language is { } language)
            {
                toExtract.Add(new FileToExtract(analyses.Count - 1, file.Path, language));
            }
        }

        Phase("index: describe files");

        // Every file is read once, for its symbols and terms together. Files whose extractor works from the text (C#
        // through Roslyn; identifiers only for languages no extractor handles) are done on this process's cores while
        // the batch extractors' tool (ctags) runs on the rest; each batch's files get their references and terms as
        // soon as the tool is done with that batch.
        var inProcess = new Dictionary<int, ITextSymbolExtractor>();
        var external = new List<FileToExtract>();
        foreach (var entry in toExtract)
        {
            if (extractors.TextExtractorFor(entry.Language) is { } extractor)
            {
                inProcess[entry.Index] = extractor;
            }
            else if (extractors.BatchExtractorFor(entry.Language) is null)
            {
                external.Add(entry);
            }
        }

        // The tool's batches, their files numbered as analyses now.
        var batched = started.Select(b => b with { Files = [.. b.Files.Select(f => f with { Index = analysisIndexOf[f.Index] })] }).ToList();

        var total = toExtract.Count + fresh.Count;
        var done = 0;
        void Step(int steps)
        {
            var now = Interlocked.Add(ref done, steps);
            if (now % ProgressStep < steps)
            {
                progress?.Report(new IndexProgress(now, total));
            }
        }

        progress?.Report(new IndexProgress(0, total));
        var batches = ExtractInBatchesAsync(root, batched, analyses, Step, cancellationToken);
        var externalSymbols = ExtractExternalAsync(root, external, Step, cancellationToken);
        // One worker per core in both loops below: the pool would otherwise run more (four on two cores here), each
        // holding a file's text (and for C#, its skeleton and tree) while the collector copies what is in flight (a
        // cold index on efcore 0.02-0.3 s faster).
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var later = batched.SelectMany(b => b.Files).Select(e => e.Index).Concat(external.Select(e => e.Index)).ToHashSet();
        Parallel.ForEach(fresh.Where(i => !later.Contains(i)).ToList(), parallel, index =>
        {
            var extractor = inProcess.GetValueOrDefault(index);
            analyses[index] = AnalyseText(root, analyses[index], extractor is null ? null : (path, text) => extractor.Extract(path, text, cancellationToken));
            Step(extractor is null ? 1 : 2);
        });

        await batches;
        var byPath = await externalSymbols;
        Phase("index: symbols");

        // Terms come from the full text (comments and strings say what code is about) plus the symbols just found.
        Parallel.ForEach(external, parallel, entry =>
        {
            var analysis = analyses[entry.Index];
            var symbols = byPath.GetValueOrDefault(entry.Path) ?? analysis.Symbols;
            var text = RepositoryScanner.ReadText(root, analysis.File.Path);
            analyses[entry.Index] = analysis with { Symbols = symbols, Terms = TermBag.ForFile(analysis.File.Path, text, symbols.Definitions) };
            Step(1);
        });
        progress?.Report(new IndexProgress(total, total));
        TermCounter.ReleaseIdle();
        Phase("index: terms of other languages");

        analyses.Sort((a, b) => string.CompareOrdinal(a.File.Path, b.File.Path));
        var analysis = new RepositoryAnalysis(treeKey, analyses);
        memory?.Remember(root, configHash, new ContextMemory.Remembered(listing, analysis));
        // Writes an earlier run left to a resident process land first; taken now, before this run's own writes
        // can be deferred behind them (awaiting the pending writes from inside would then await itself).
        var earlierWrites = memory?.PendingWrites ?? Task.CompletedTask;
        var saved = Task.Run(
            async () =>
            {
                await AwaitEarlierWritesAsync(earlierWrites);
                var writing = time.GetTimestamp();
                var bytes = AnalysisSerializer.Serialize(analysis);
                await cache.SetAsync(treeCacheKey, bytes, time.GetUtcNow(), cancellationToken);
                await cache.SetAsync(latestKey, Encoding.UTF8.GetBytes(treeCacheKey), time.GetUtcNow(), cancellationToken);
                await cache.PruneAsync(time.GetUtcNow() - UnusedEntryLifetime, cancellationToken);
                return time.GetElapsedTime(writing);
            },
            cancellationToken);
        return (analysis, new IndexStatistics(analyses.Count, toExtract.Count, reused, TreeCacheHit: false) { Phases = phases }, saved);
    }

    /// <summary>The symbols of a file from its text, which is in a buffer valid only during the call.</summary>
    private delegate FileSymbols SymbolsFromText(string path, ReadOnlySpan<char> text);

    /// <summary>
    /// A file's analysis from its text, decoded into a pooled buffer and dropped once its symbols and terms are taken
    /// (on a large repository the texts were the biggest allocation of a cold run): the symbols <paramref name="symbols"/>
    /// gives (those it has when null) and the terms of its text. A file that cannot be read keeps its symbols and gets
    /// the terms of its path and definitions.
    /// </summary>
    private static FileAnalysis AnalyseText(string root, FileAnalysis analysis, SymbolsFromText? symbols)
    {
        if (analysis.File.Readable && RepositoryScanner.TryWithText(root, analysis.File.Path, (analysis, symbols), static (text, pass) =>
            {
                var (file, symbolsOf) = pass;
                var found = symbolsOf?.Invoke(file.File.Path, text) ?? file.Symbols;
                return file with { Symbols = found, Terms = TermBag.ForFile(file.File.Path, text, found.Definitions) };
            }, out var analysed))
        {
            return analysed;
        }

        return analysis with { Terms = TermBag.ForFile(analysis.File.Path, [], analysis.Symbols.Definitions) };
    }

    /// <summary>
    /// Waits for the writes an earlier run left to a resident process. Whatever became of them (failed, or cancelled
    /// with their run), this run still writes its own: a failure is logged, never passed on.
    /// </summary>
    private async Task AwaitEarlierWritesAsync(Task earlierWrites)
    {
        try
        {
            await earlierWrites;
        }
        catch (Exception ex)
        {
            LogDeferredWriteFailed(logger, ex);
        }
    }

    /// <summary>
    /// Symbols and terms of the files whose extractor runs a tool over batches (ctags, one single-threaded process per
    /// batch, started while the files were being described); each file is read once, right after its batch's tool
    /// run, one batch at a time more than there are cores. The extra batch keeps a core on ctags while the others read
    /// and tokenize a finished batch's files: with one per core, both cores waited on ctags and then both worked
    /// through files (a cold typeorm run 2.57 s, then 2.51 s; medians of 5 alternating runs). When the tool is not
    /// installed the files get references only (logged once).
    /// </summary>
    private async Task ExtractInBatchesAsync(
        string root, List<ToolBatch> batches, List<FileAnalysis> analyses, Action<int> step, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount + 1 },
            async (batch, token) =>
            {
                // The loop's token too: when another batch fails, this one stops waiting for its tool.
                var definitions = await batch.Definitions.WaitAsync(token);
                foreach (var (index, path, language, extractor) in batch.Files)
                {
                    // Distinct indexes of a list that no longer grows: safe to set from several batches at once. The
                    // tool's definitions completed with the file's references; its identifiers only when it is missing.
                    var found = definitions?.GetValueOrDefault(path) ?? [];
                    analyses[index] = AnalyseText(root, analyses[index], definitions is null
                        ? (file, text) => extractors.IdentifiersOnly(language).Extract(file, text, token)
                        : (file, text) => extractor.Complete(file, found, text));
                }

                step(batch.Files.Length * 2);
            });
    }

    /// <summary>
    /// Groups described files into batches per tool and starts each batch's run as soon as it is full (<see
    /// cref="FirstBatch"/> files for the first few, <see cref="ExtractionBatch"/> after), one run more at a time than
    /// there are cores; thread-safe, for the describing loop. A missing tool gives null definitions (reported once).
    /// Disposing cancels the runs still going (none when every batch was used; the others when the indexing failed or
    /// was cancelled half-way) and waits for them, so no tool process outlives the indexing.
    /// </summary>
    private sealed class ToolBatches(string root, SymbolExtractorRegistry extractors, CancellationToken cancellationToken) : IAsyncDisposable
    {
        /// <summary>
        /// The first batches are smaller, so the tool starts sooner: the files of its languages may come late in path
        /// order (a repository's first folders are often docs and configuration).
        /// </summary>
        private const int FirstBatch = 128;

        /// <summary>Batches of <see cref="FirstBatch"/> files: one per slot the tool runs in.</summary>
        private static readonly int FirstBatches = Environment.ProcessorCount + 1;

        private readonly SemaphoreSlim _slots = new(FirstBatches);
        private readonly CancellationTokenSource _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        private readonly Dictionary<IBatchSymbolExtractor, List<BatchedFile>> _filling = [];
        private readonly List<ToolBatch> _started = [];
        private int _missing;

        /// <summary>A readable file of the tool's language; its index is the candidate's.</summary>
        public void Add(IBatchSymbolExtractor extractor, int index, string path, string language)
        {
            lock (_filling)
            {
                var files = _filling.TryGetValue(extractor, out var list) ? list : _filling[extractor] = [];
                files.Add(new BatchedFile(index, path, language, extractor));
                if (files.Count == (_started.Count < FirstBatches ? FirstBatch : ExtractionBatch))
                {
                    Start(extractor, files);
                    _filling.Remove(extractor);
                }
            }
        }

        /// <summary>Starts the batches not yet full; returns every batch, in the order they were started.</summary>
        public List<ToolBatch> StartTheRest()
        {
            lock (_filling)
            {
                foreach (var (extractor, files) in _filling)
                {
                    Start(extractor, files);
                }

                _filling.Clear();
                return [.. _started];
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            Task[] runs;
            lock (_filling)
            {
                runs = [.. _started.Select(b => b.Definitions)];
            }

            try
            {
                await Task.WhenAll(runs);
            }
            catch (Exception)
            {
                // Whoever used a run's definitions got its failure; a run cancelled here has nothing to report.
            }

            _slots.Dispose();
            _stop.Dispose();
        }

        private void Start(IBatchSymbolExtractor extractor, List<BatchedFile> files)
        {
            // Sorted by path: ctags' output, and so the order in which definitions are found, is the same whichever
            // thread described which file first.
            var sorted = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToArray();
            _started.Add(new ToolBatch(sorted, Run(extractor, [.. sorted.Select(f => f.Path)], _stop.Token)));
        }

        private Task<IReadOnlyDictionary<string, List<SymbolDefinition>>?> Run(IBatchSymbolExtractor extractor, IReadOnlyList<string> paths, CancellationToken token) =>
            Task.Run(
                async () =>
                {
                    await _slots.WaitAsync(token);
                    try
                    {
                        return await extractor.DefinitionsAsync(root, paths, token);
                    }
                    catch (CtagsNotFoundException ex)
                    {
                        if (Interlocked.Exchange(ref _missing, 1) == 0)
                        {
                            extractors.ReportCtagsMissing(ex);
                        }

                        return null;
                    }
                    finally
                    {
                        _slots.Release();
                    }
                },
                token);
    }

    /// <summary>Files completed together from one run of their tool.</summary>
    private sealed record ToolBatch(BatchedFile[] Files, Task<IReadOnlyDictionary<string, List<SymbolDefinition>>?> Definitions);

    /// <summary>
    /// Symbols from extractors that are neither text nor batch extractors (they read the files themselves; none is
    /// built in, a plug-in language may be one), in batches, as many at a time as there are cores, keyed by path.
    /// </summary>
    private async Task<Dictionary<string, FileSymbols>> ExtractExternalAsync(
        string root, List<FileToExtract> files, Action<int> step, CancellationToken cancellationToken)
    {
        var byPath = new System.Collections.Concurrent.ConcurrentDictionary<string, FileSymbols>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(
            files.Chunk(ExtractionBatch),
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (batch, token) =>
            {
                foreach (var symbols in await extractors.ExtractAllAsync(root, batch.Select(e => (e.Path, e.Language)).ToList(), token))
                {
                    byPath[symbols.Path] = symbols;
                }

                step(batch.Length);
            });
        return new Dictionary<string, FileSymbols>(byPath, StringComparer.Ordinal);
    }

    /// <summary>
    /// The repository's latest analysis: its entry names the tree entry that holds it, so the analysis (megabytes on a
    /// large repository) is compressed and written once per run.
    /// </summary>
    private async Task<RepositoryAnalysis?> ReadLatestAsync(string latestKey, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(latestKey, cancellationToken) is not { } entry)
        {
            return null;
        }

        var treeKey = Encoding.UTF8.GetString(entry.Value);
        return treeKey.StartsWith("tree:", StringComparison.Ordinal) ? await ReadAsync(treeKey, cancellationToken, honourTtl: false) : null;
    }

    private async Task<RepositoryAnalysis?> ReadAsync(string key, CancellationToken cancellationToken, bool honourTtl = true)
    {
        if (await cache.GetAsync(key, cancellationToken) is not { } entry || (honourTtl && time.GetUtcNow() - entry.WrittenAt > options.CacheTtl))
        {
            return null;
        }

        try
        {
            return AnalysisSerializer.Deserialize(entry.Value);
        }
        catch (InvalidDataException ex)
        {
            LogUnreadable(logger, key, ex);
            return null;
        }
    }

    /// <summary>The candidates' paths and blob ids, hashed: equal exactly when the analysed content is equal.</summary>
    private static string TreeKey(IReadOnlyList<ScanCandidate> candidates)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var candidate in candidates)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{candidate.Path}\0{candidate.BlobId}\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private string ConfigHash()
    {
        var text = string.Join('\n', [.. options.Include, "|", .. options.Exclude, "|", options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An earlier context run could not write its analysis to the cache; this run writes its own")]
    private static partial void LogDeferredWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached context {Key} could not be read; rebuilding it")]
    private static partial void LogUnreadable(ILogger logger, string key, Exception exception);

    // Reference types, not value tuples: the framework's generic code (lists, chunking, grouping) is precompiled for
    // reference types and shared, but compiled at run time for each value type (about 40 methods for these two).

    /// <summary>A file whose symbols are to be extracted: its index among the analyses, its path and language.</summary>
    private sealed record FileToExtract(int Index, string Path, string Language);

    /// <summary>A file whose definitions come from a tool run over batches (ctags).</summary>
    private sealed record BatchedFile(int Index, string Path, string Language, IBatchSymbolExtractor Extractor);
}
