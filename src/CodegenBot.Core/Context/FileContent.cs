using System.Buffers;
using System.Text;

namespace CodegenBot.Core.Context;

/// <summary>
/// Reads whole files through one pooled buffer. A cold index reads every file of the repository twice (once to
/// classify it, once for its symbols and terms); <see cref="File.ReadAllBytes"/> and <see cref="File.ReadAllText(string)"/>
/// allocate a new buffer, and the latter a string builder besides, for each read, which on efcore came to 2.4 times
/// the size of the text it returned, all of it for the collector to sweep while the other core waits.
/// </summary>
internal static class FileContent
{
    /// <summary>
    /// Files larger than this are read the plain way, so the arrays the pool keeps stay small (it hands out powers of
    /// two: at most 2 MiB here). Only blob ids of large untracked files get that far; the scan skips files over
    /// <c>context.max_file_bytes</c>.
    /// </summary>
    private const int LargestPooled = 1024 * 1024;

    /// <summary>
    /// Calls <paramref name="use"/> with the file's bytes, which are only valid during the call. A file that grows
    /// while it is read is read to its end; one that shrinks, to its new end. Throws what opening or reading the file
    /// throws.
    /// </summary>
    public static TResult WithBytes<TState, TResult>(string path, TState state, Func<ReadOnlySpan<byte>, TState, TResult> use)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > LargestPooled)
        {
            return use(File.ReadAllBytes(path), state);
        }

        // One byte more than the length, so a file that grew since is noticed and read to its end.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        try
        {
            var read = 0;
            while (RandomAccess.Read(handle, buffer.AsSpan(read), read) is var count and > 0)
            {
                read += count;
                if (read == buffer.Length)
                {
                    if (buffer.Length > LargestPooled)
                    {
                        return use(File.ReadAllBytes(path), state); // it grew past the pooled sizes: start over
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, read).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return use(buffer.AsSpan(0, read), state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The file's text, decoded as <see cref="File.ReadAllText(string)"/> decodes it: UTF-8 unless a byte-order mark
    /// says UTF-16 or UTF-32 (big or little endian); the mark itself is not part of the text; invalid bytes become
    /// U+FFFD. Throws what opening or reading the file throws.
    /// </summary>
    public static string ReadText(string path) => WithBytes(path, 0, static (bytes, _) => Decode(bytes));

    /// <summary>
    /// Calls <paramref name="use"/> with the file's text, decoded as <see cref="ReadText"/> decodes it into a pooled
    /// buffer that is only valid during the call: the text of a file that is analysed and dropped (its symbols and
    /// terms are kept) never becomes a string. Throws what opening or reading the file throws.
    /// </summary>
    public static TResult WithText<TState, TResult>(string path, TState state, Func<ReadOnlySpan<char>, TState, TResult> use) =>
        WithBytes(path, (state, use), static (bytes, pass) => Decoded(bytes, pass.state, pass.use));

    /// <summary>Text from a whole file's bytes, by the byte-order mark rules of <see cref="ReadText"/>.</summary>
    internal static string Decode(ReadOnlySpan<byte> bytes)
    {
        var (encoding, mark) = EncodingOf(bytes);
        return encoding.GetString(bytes[mark..]);
    }

    private static TResult Decoded<TState, TResult>(ReadOnlySpan<byte> bytes, TState state, Func<ReadOnlySpan<char>, TState, TResult> use)
    {
        var (encoding, mark) = EncodingOf(bytes);
        var most = encoding.GetMaxCharCount(bytes.Length - mark);
        if (most > LargestPooled)
        {
            return use(encoding.GetString(bytes[mark..]), state);
        }

        var chars = ArrayPool<char>.Shared.Rent(most);
        try
        {
            var count = encoding.GetChars(bytes[mark..], chars);
            return use(chars.AsSpan(0, count), state);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The encoding a byte-order mark names (UTF-8 without one) and the mark's length.</summary>
    private static (Encoding Encoding, int Mark) EncodingOf(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, 0, 0, ..] => (Encoding.UTF32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0, 0, 0xFE, 0xFF, ..] => (BigEndianUtf32, 4),
        _ => (Encoding.UTF8, 0),
    };

    private static readonly UTF32Encoding BigEndianUtf32 = new(bigEndian: true, byteOrderMark: true);
}
