using System.Collections.Concurrent;

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

    private static readonly BoundedMemo<string, string> Pool = new(Capacity, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan =
        Pool.Values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared copy of the name.</summary>
    public static string Intern(ReadOnlySpan<char> name) =>
        PoolBySpan.TryGetValue(name, out var known) ? known : Pool.Get(name.ToString(), static n => n);
}
