namespace CodegenBot.Core.Context.Caching;

/// <summary>
/// Where the context engine keeps its analyses between runs: opaque values by key, with the time they were
/// written. Implementations store values compressed; a value that cannot be read back is a miss, never an error.
/// The storage issue adds SQLite and PostgreSQL stores behind this interface.
/// </summary>
public interface IContextCacheStore
{
    /// <summary>The value and when it was written, or null when absent or unreadable.</summary>
    Task<(byte[] Value, DateTimeOffset WrittenAt)?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores the value under the key, replacing any earlier one.</summary>
    Task SetAsync(string key, byte[] value, DateTimeOffset writtenAt, CancellationToken cancellationToken);

    /// <summary>Deletes entries last read or written before the given time; returns how many went.</summary>
    Task<int> PruneAsync(DateTimeOffset unusedSince, CancellationToken cancellationToken);
}
