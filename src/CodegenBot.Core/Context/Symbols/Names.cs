namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// One shared copy of each identifier and term the index keeps (the C# skeleton scan's and the identifier tokenizer's
/// references, and every identifier and term the term counter meets, comments and strings included): a file's
/// references and terms live as long as its analysis, and the same names recur in thousands of files, so sharing
/// means fewer strings to allocate and fewer for the collector to keep moving.
/// </summary>
internal static class Names
{
    /// <summary>
    /// Names kept before the pool starts over (bounds memory in a long-lived process that serves many repositories).
    /// Starting over only costs sharing: strings handed out stay valid.
    /// </summary>
    private const int Capacity = 500_000;

    /// <summary>
    /// The shared names, under <see cref="PoolLock"/>: a thread comes here only for a name it has not met lately, and a
    /// table of strings is hundreds of thousands fewer objects for the collector than a concurrent dictionary's nodes.
    /// </summary>
    private static readonly NameTable Pool = new(65_536);

    private static readonly Lock PoolLock = new();

    /// <summary>Names a thread keeps in front of the pool before it starts over.</summary>
    private const int RecentCapacity = 100_000;

    /// <summary>
    /// The names this thread interned lately, looked up before the pool: most lookups find their name here, without
    /// the pool's shared generic code and its locks (see <see cref="NameTable"/>).
    /// </summary>
    [ThreadStatic]
    private static NameTable? t_recent;

    /// <summary>The shared copy of the name.</summary>
    public static string Intern(ReadOnlySpan<char> name) => Intern(name, NameTable.Hash(name));

    /// <summary>The shared copy of the name, whose <see cref="NameTable.Hash"/> the caller has.</summary>
    public static string Intern(ReadOnlySpan<char> name, int hash)
    {
        var recent = t_recent ??= new NameTable();
        var entry = recent.IndexOf(name, hash);
        if (entry >= 0)
        {
            return recent[entry];
        }

        if (recent.Count >= RecentCapacity)
        {
            recent.Clear();
        }

        string shared;
        lock (PoolLock)
        {
            var known = Pool.IndexOf(name, hash);
            if (known >= 0)
            {
                shared = Pool[known];
            }
            else
            {
                if (Pool.Count >= Capacity)
                {
                    Pool.Clear();
                }

                shared = name.ToString();
                Pool.Add(shared, hash);
            }
        }

        recent.Add(shared, hash);
        return shared;
    }
}
