using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Codebase.Patterns;
using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Core.Context;

/// <summary>
/// What a long-lived process (the webhook app, a benchmark, a caller that gathers context more than once) keeps
/// between context runs, for the last few repositories: the listing of the work tree, the analysis of that tree and
/// the ranking index built from it. A warm run then stats the files instead of asking git, skips reading and
/// decoding the cached analysis, and ranks on a kept graph; an incremental run starts from the analysis in memory.
/// The disk cache stays the source of truth across processes; this is only a faster copy of its newest entry.
/// One-shot commands register one that keeps nothing (<see cref="ForOneShotProcess"/>); a long-lived host registers
/// a resident one before <c>AddCodegenBotCore</c>.
/// </summary>
/// <param name="capacity">Repositories kept, least recently used dropped first; 0 keeps none.</param>
/// <param name="resident">
/// Whether the process outlives its context runs (a server, not a one-shot command): then a run returns before its
/// cache writes end, and the next run, or <see cref="FlushAsync"/> at shutdown, waits for them.
/// </param>
internal sealed class ContextMemory(int capacity = ContextMemory.DefaultCapacity, bool resident = false)
{
    /// <summary>Repositories kept by default: an analysis of a 6,000-file repository holds about 150 MB.</summary>
    public const int DefaultCapacity = 2;

    private readonly Lock _lock = new();

    /// <summary>Keeps nothing: the process ends after its run, so stamping files for a next run would be wasted.</summary>
    public static ContextMemory ForOneShotProcess() => new(capacity: 0);

    /// <summary>What is kept per checkout (full path), most recently used first.</summary>
    private readonly LinkedList<Checkout> _checkouts = new();
    private Task _pendingWrites = Task.CompletedTask;

    /// <summary>Whether anything is kept (a one-shot process keeps nothing and skips the stamping it would need).</summary>
    public bool Keeps => capacity > 0;

    /// <summary>Whether runs leave their cache writes running (see the constructor).</summary>
    public bool Resident => resident;

    /// <summary>Takes over a run's cache writes: they finish in the background, before any later run's writes start.</summary>
    public void Defer(Task writes)
    {
        lock (_lock)
        {
            var previous = _pendingWrites;
            _pendingWrites = Task.WhenAll(previous, writes);
        }
    }

    /// <summary>The cache writes deferred so far and not yet flushed.</summary>
    public Task PendingWrites
    {
        get
        {
            lock (_lock)
            {
                return _pendingWrites;
            }
        }
    }

    /// <summary>Waits for the cache writes deferred so far (at a host's shutdown); their failures are thrown here.</summary>
    public Task FlushAsync()
    {
        lock (_lock)
        {
            var pending = _pendingWrites;
            _pendingWrites = Task.CompletedTask;
            return pending;
        }
    }

    /// <summary>A checkout's listing and the analysis of the tree it listed.</summary>
    public sealed record Remembered(WorkTreeListing Listing, RepositoryAnalysis Analysis);

    /// <summary>The checkout's listing and analysis, when they were made with this configuration (hash).</summary>
    public Remembered? Recall(string root, string configuration)
    {
        lock (_lock)
        {
            return Find(root, touch: true) is { } checkout && checkout.Configuration == configuration ? checkout.Last : null;
        }
    }

    public void Remember(string root, string configuration, Remembered value)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (_lock)
        {
            if (Find(root, touch: true) is not { } checkout)
            {
                _checkouts.AddFirst(checkout = new Checkout(Path.GetFullPath(root)));
                while (_checkouts.Count > capacity)
                {
                    _checkouts.RemoveLast();
                }
            }

            (checkout.Configuration, checkout.Last) = (configuration, value);
        }
    }

    /// <summary>
    /// The sampled files the codebase profile measured in this checkout, with their measures, so the profile of a
    /// changed tree re-measures only changed files; null when the checkout is not kept.
    /// </summary>
    public SampledFileCache? SampledFilesOf(string root)
    {
        lock (_lock)
        {
            return Find(root, touch: false)?.SampledFiles;
        }
    }

    /// <summary>
    /// The ranking index of an analysis of the checkout: kept while the analysis is, and for a changed tree derived
    /// from the checkout's previous index when only file contents changed (<see cref="RankingIndex.Update"/>).
    /// </summary>
    public RankingIndex RankingFor(string root, RepositoryAnalysis analysis, IReadOnlyList<FileAnalysis> files)
    {
        Checkout? checkout;
        (RepositoryAnalysis Analysis, RankingIndex Index)? previous;
        lock (_lock)
        {
            checkout = Find(root, touch: false);
            previous = checkout?.Ranking;
        }

        if (previous is { } kept && ReferenceEquals(kept.Analysis, analysis))
        {
            return kept.Index;
        }

        var index = previous?.Index.Update(files) ?? new RankingIndex(files);
        if (checkout is not null)
        {
            lock (_lock)
            {
                checkout.Ranking = (analysis, index);
            }
        }

        return index;
    }

    private Checkout? Find(string root, bool touch)
    {
        var path = Path.GetFullPath(root);
        for (var node = _checkouts.First; node is not null; node = node.Next)
        {
            if (node.Value.Root == path)
            {
                if (touch)
                {
                    _checkouts.Remove(node);
                    _checkouts.AddFirst(node);
                }

                return node.Value;
            }
        }

        return null;
    }

    /// <summary>What is kept of one checkout.</summary>
    private sealed class Checkout(string root)
    {
        public string Root { get; } = root;

        /// <summary>The configuration hash <see cref="Last"/> was made with.</summary>
        public string Configuration { get; set; } = "";

        public Remembered? Last { get; set; }

        public (RepositoryAnalysis Analysis, RankingIndex Index)? Ranking { get; set; }

        public SampledFileCache SampledFiles { get; } = new();
    }
}
