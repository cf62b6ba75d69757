namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// A set of names looked up by span, with a number per name for its owner's use (<see cref="Marks"/>), for the
/// loops that look up every identifier of every file of a cold index: the C# skeleton scan, the term counter and the
/// per-thread front of <see cref="Names"/>. Not thread-safe: each owner keeps one per thread or per instance.
/// </summary>
/// <remarks>
/// It does what a <c>Dictionary&lt;string, int&gt;</c> with an alternate lookup by span does, without generic code
/// shared over reference types: precompiled (ReadyToRun) code for that pays a run-time type lookup and a call through
/// a stub on every access, which made the dictionaries half of the term counter's time in a cold run. Open
/// addressing with linear probing, at most half full; hashes are the framework's per-process randomised string hash,
/// so a repository cannot be crafted to make lookups collide.
/// </remarks>
internal sealed class NameTable
{
    private const int InitialCapacity = 512;

    // Entry numbers plus one (zero is an empty bucket), indexed by hash.
    private int[] _buckets;
    private string[] _names;
    private int[] _hashes;
    private int[] _marks;

    /// <summary>A table with room for <paramref name="capacity"/> names before it grows.</summary>
    public NameTable(int capacity = InitialCapacity)
    {
        var entries = (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, InitialCapacity)), 1 << 24);
        (_buckets, _names, _hashes, _marks) = (new int[entries * 2], new string[entries], new int[entries], new int[entries]);
    }

    /// <summary>Names held; entries are numbered 0 to Count - 1 in the order they were added.</summary>
    public int Count { get; private set; }

    /// <summary>The owner's number for each entry (zero when added), indexed by entry.</summary>
    public Span<int> Marks => _marks.AsSpan(0, Count);

    /// <summary>The name of an entry.</summary>
    public string this[int entry] => _names[entry];

    /// <summary>The hash every lookup of the name takes.</summary>
    public static int Hash(ReadOnlySpan<char> name) => string.GetHashCode(name);

    /// <summary>The entry of the name, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> name, int hash)
    {
        var mask = _buckets.Length - 1;
        for (var bucket = hash & mask; ; bucket = (bucket + 1) & mask)
        {
            var entry = _buckets[bucket] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_hashes[entry] == hash && name.SequenceEqual(_names[entry]))
            {
                return entry;
            }
        }
    }

    /// <summary>Adds a name that is not in the table (see <see cref="IndexOf"/>); returns its entry.</summary>
    public int Add(string name, int hash)
    {
        if (Count == _names.Length)
        {
            Grow();
        }

        var entry = Count++;
        (_names[entry], _hashes[entry], _marks[entry]) = (name, hash, 0);
        Place(entry, hash);
        return entry;
    }

    /// <summary>Empties the table, keeping its size.</summary>
    public void Clear()
    {
        Array.Clear(_buckets);
        Array.Clear(_names, 0, Count);
        Count = 0;
    }

    private void Place(int entry, int hash)
    {
        var mask = _buckets.Length - 1;
        var bucket = hash & mask;
        while (_buckets[bucket] != 0)
        {
            bucket = (bucket + 1) & mask;
        }

        _buckets[bucket] = entry + 1;
    }

    private void Grow()
    {
        var entries = _names.Length * 2;
        Array.Resize(ref _names, entries);
        Array.Resize(ref _hashes, entries);
        Array.Resize(ref _marks, entries);
        _buckets = new int[entries * 2];
        for (var entry = 0; entry < Count; entry++)
        {
            Place(entry, _hashes[entry]);
        }
    }
}
