using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ML.Tokenizers;

namespace CodegenBot.Core.Context;

/// <summary>Counts tokens with the o200k_base encoding (GPT-4o and later), a close estimate for other models too.</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    /// <summary>Texts at least this long have their count remembered (hashing them is far cheaper than encoding them).</summary>
    private const int MemoMinimumLength = 512;

    /// <summary>Counts remembered before the memo starts over.</summary>
    private const int MemoCapacity = 65_536;

    private readonly Lazy<Tokenizer> _tokenizer;

    /// <summary>
    /// Counts of long texts by content hash: a long-lived process counts the same files and repo-map blocks run after
    /// run, and one context run counts some of them twice (while fitting, then for the coverage).
    /// </summary>
    private readonly BoundedMemo<UInt128, int> _memo = new(MemoCapacity);

    /// <summary>A counter with the shared o200k_base encoding, loaded once per process.</summary>
    public TokenCounter() => _tokenizer = SharedTokenizer;

    /// <summary>A counter whose encoding <paramref name="load"/> gives on first use (for tests: a slow or failing load).</summary>
    internal TokenCounter(Func<Tokenizer> load) => _tokenizer = new Lazy<Tokenizer>(load);

    /// <summary>The shared counter.</summary>
    public static TokenCounter Default { get; } = new();

    /// <summary>
    /// Loads the encoding (about 0.3 s for its 200k-entry vocabulary) on a thread of its own, so the load overlaps with
    /// other work instead of landing on the first count. Not on a pool thread: on two cores the pool has two, and the
    /// load held one while the index's tool runs waited for a thread to start them and read their output.
    /// </summary>
    public Task WarmUpAsync() => _tokenizer.IsValueCreated
        ? Task.CompletedTask
        : Task.Factory.StartNew(() => _ = _tokenizer.Value, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Tokens in the text.</summary>
    public int Count(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (text.Length < MemoMinimumLength)
        {
            return _tokenizer.Value.CountTokens(text);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return _memo.Get(MemoryMarshal.Read<UInt128>(hash), _ => _tokenizer.Value.CountTokens(text));
    }

    /// <summary>The longest prefix of the text, cut at a line end, that fits in the given number of tokens.</summary>
    public string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Count(text) <= maxTokens)
        {
            return text;
        }

        var index = _tokenizer.Value.GetIndexByTokenCount(text, maxTokens, out _, out _);
        var lineEnd = text.LastIndexOf('\n', Math.Max(0, index - 1));
        return text[..(lineEnd > 0 ? lineEnd + 1 : index)];
    }
}
