using System.Buffers.Binary;
using System.IO.Compression;

namespace CodegenBot.Storage.Sql;

/// <summary>Cache values as stored: the original length (4 bytes, little-endian) then the Brotli-compressed bytes.</summary>
internal static class CacheCompression
{
    private const int HeaderLength = 4;

    public static byte[] Compress(byte[] value)
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
    public static byte[]? Decompress(byte[] stored)
    {
        if (stored.Length < HeaderLength)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(stored);
        if (length is < 0 or > 1 << 30)
        {
            return null;
        }

        var value = new byte[length];
        return BrotliDecoder.TryDecompress(stored.AsSpan(HeaderLength), value, out var written) && written == length ? value : null;
    }
}
