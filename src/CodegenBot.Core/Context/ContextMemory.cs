using System.Runtime.CompilerServices;
using CodegenBot.Core.Context.Caching;
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

    private readonly LinkedList<(string Key, Remembered Value)> _entries = new();
    private readonly ConditionalWeakTable<RepositoryAnalysis, RankingIndex> _rankings = new();
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

    /// <summary>Waits for the cache writes deferred so far; their failures are thrown here.</summary>
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

    public Remembered? Recall(string root, string configuration)
    {
        var key = Key(root, configuration);
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    _entries.AddFirst(node);
                    return node.Value.Value;
                }
            }
        }

        return null;
    }

    public void Remember(string root, string configuration, Remembered value)
    {
        if (capacity <= 0)
        {
            return;
        }

        var key = Key(root, configuration);
        lock (_lock)
        {
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    _entries.Remove(node);
                    break;
                }
            }

            _entries.AddFirst((key, value));
            while (_entries.Count > capacity)
            {
                _entries.RemoveLast();
            }
        }
    }

    /// <summary>The ranking index of the analysis's files, built once per analysis and kept as long as the analysis is.</summary>
    public RankingIndex RankingFor(RepositoryAnalysis analysis, Func<RankingIndex> build) =>
        capacity <= 0 ? build() : _rankings.GetValue(analysis, _ => build());

    private static string Key(string root, string configuration) => Path.GetFullPath(root) + "\n" + configuration;
}
