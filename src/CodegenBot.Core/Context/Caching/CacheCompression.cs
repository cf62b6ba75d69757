using System.Buffers.Binary;
using System.IO.Compression;

namespace CodegenBot.Core.Context.Caching;

/// <summary>
/// How every cache store keeps a value: its length (4 bytes, little-endian) then the Brotli-compressed bytes,
/// decoded in one shot into a buffer of that length (several times faster than a stream on large entries).
/// The file store puts its own header before it; the SQL stores keep it as the row's value.
/// </summary>
public static class CacheCompression
{
    /// <summary>Bytes before the compressed payload.</summary>
    public const int HeaderLength = 4;

    /// <summary>Values claiming to be larger than this uncompressed are treated as corrupt.</summary>
    public const int MaxValueBytes = 1 << 30;

    /// <summary>The stored form of <paramref name="value"/>.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> value)
    {
        var buffer = new byte[HeaderLength + BrotliEncoder.GetMaxCompressedLength(value.Length)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value.Length);
        if (!BrotliEncoder.TryCompress(value, buffer.AsSpan(HeaderLength), out var written, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress a cache value into its maximum compressed length.");
        }

        return buffer[..(HeaderLength + written)];
    }

    /// <summary>The original bytes, or null when the stored bytes are not a value this class wrote.</summary>
    public static byte[]? Decompress(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < HeaderLength)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        if (length is < 0 or > MaxValueBytes)
        {
            return null;
        }

        var value = new byte[length];
        return BrotliDecoder.TryDecompress(stored[HeaderLength..], value, out var written) && written == length ? value : null;
    }
}
