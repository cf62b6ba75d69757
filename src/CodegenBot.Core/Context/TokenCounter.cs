using Microsoft.ML.Tokenizers;

namespace CodegenBot.Core.Context;

/// <summary>Counts tokens with the o200k_base encoding (GPT-4o and later), a close estimate for other models too.</summary>
public sealed class TokenCounter
{
    private static readonly Lazy<Tokenizer> SharedTokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    private readonly Lazy<Tokenizer> _tokenizer = SharedTokenizer;

    /// <summary>The shared counter.</summary>
    public static TokenCounter Default { get; } = new();

    /// <summary>
    /// Loads the encoding (about 0.3 s for its 200k-entry vocabulary) on a pool thread, so the load overlaps with
    /// other work instead of landing on the first count.
    /// </summary>
    public Task WarmUpAsync() => _tokenizer.IsValueCreated ? Task.CompletedTask : Task.Run(() => _ = _tokenizer.Value);

    /// <summary>Tokens in the text.</summary>
    public int Count(string text) => string.IsNullOrEmpty(text) ? 0 : _tokenizer.Value.CountTokens(text);

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
