using System.Collections.Concurrent;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// One shared copy of each identifier the symbol extractors keep (the C# skeleton scan and the identifier tokenizer
/// of other languages): a file's references live as long as its analysis, and the same names recur in thousands of
/// files, so sharing means fewer strings to allocate and fewer for the collector to keep moving.
/// </summary>
internal static class Names
{
    /// <summary>
    /// Names kept before the pool starts over (bounds memory in a long-lived process that serves many repositories;
    /// the 9,995-file efcore + typeorm tree has 60,609 distinct names).
    /// </summary>
    private const int Capacity = 500_000;

    private static readonly BoundedMemo<string, string> Pool = new(Capacity, StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan =
        Pool.Values.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The shared copy of the name.</summary>
    public static string Intern(ReadOnlySpan<char> name) =>
        PoolBySpan.TryGetValue(name, out var known) ? known : Pool.Get(name.ToString(), static n => n);
}
