using System.Collections.Concurrent;

namespace CodegenBot.Core.Context;

/// <summary>
/// A thread-safe memo that starts over once it has taken <c>capacity</c> additions, so it never outgrows its bound.
/// Additions are counted here rather than read from <see cref="ConcurrentDictionary{TKey, TValue}.Count"/>, which
/// takes every lock and so serialises every thread that misses.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private int _added;

    /// <summary>The remembered values (for lookups by an alternate key type).</summary>
    public ConcurrentDictionary<TKey, TValue> Values { get; } = new(comparer);

    /// <summary>The value remembered for the key, computing and remembering it on a miss.</summary>
    public TValue Get(TKey key, Func<TKey, TValue> compute)
    {
        if (Values.TryGetValue(key, out var known))
        {
            return known;
        }

        if (Interlocked.Increment(ref _added) > capacity)
        {
            Values.Clear();
            Interlocked.Exchange(ref _added, 0);
        }

        return Values[key] = compute(key);
    }
}
