using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context.Caching;

/// <summary>
/// A cache store of Brotli-compressed files in a folder, one file per key (named by the key's SHA-256), written
/// atomically (temporary file, then rename) so a crash never leaves half an entry. An entry that fails to
/// decompress is deleted and reported as a miss.
/// </summary>
internal sealed partial class FileContextCacheStore(string folder, ILogger<FileContextCacheStore> logger, TimeProvider? time = null) : IContextCacheStore
{
    /// <summary>Bytes before the value: magic and the write time as Unix milliseconds; then the value as <see cref="CacheCompression"/> stores it.</summary>
    private static ReadOnlySpan<byte> Magic => "CGC2"u8;

    private const int HeaderLength = 4 + sizeof(long);

    public async Task<(byte[] Value, DateTimeOffset WrittenAt)?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            if (bytes.Length < HeaderLength || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            {
                throw new InvalidDataException("The cache entry has no valid header.");
            }

            var writtenAt = DateTimeOffset.FromUnixTimeMilliseconds(BitConverter.ToInt64(bytes, Magic.Length));
            var value = CacheCompression.Decompress(bytes.AsSpan(HeaderLength))
                ?? throw new InvalidDataException("The cache entry does not decompress to its recorded length.");

            Touch(path);
            return (value, writtenAt);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentOutOfRangeException)
        {
            LogCorrupt(logger, path, ex);
            TryDelete(path);
            return null;
        }
    }

    public async Task SetAsync(string key, byte[] value, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(key);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
        {
            await file.WriteAsync(Magic.ToArray(), cancellationToken);
            await file.WriteAsync(BitConverter.GetBytes(writtenAt.ToUnixTimeMilliseconds()), cancellationToken);
            await file.WriteAsync(CacheCompression.Compress(value), cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public Task<int> PruneAsync(DateTimeOffset unusedSince, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var removed = 0;
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.cache*"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (file.LastWriteTimeUtc < unusedSince.UtcDateTime && TryDelete(file.FullName))
            {
                removed++;
            }
        }

        if (removed > 0)
        {
            LogPruned(logger, removed, folder);
        }

        return Task.FromResult(removed);
    }

    /// <summary>Marks an entry as used (its modification time), so pruning keeps what is still read.</summary>
    private void Touch(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, (time ?? TimeProvider.System).GetUtcNow().UtcDateTime);
        }
        catch (IOException)
        {
            // Best effort: at worst an entry in use is pruned and rebuilt.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private string PathOf(string key) =>
        Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".cache");

    private static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another process holds it, or another user owns it; the next write replaces it.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The context cache entry {Path} is unreadable; it was removed and will be rebuilt")]
    private static partial void LogCorrupt(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Count} unused context cache entries from {Folder}")]
    private static partial void LogPruned(ILogger logger, int count, string folder);
}
