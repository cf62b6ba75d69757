using CodegenBot.Core.Context;

namespace CodegenBot.Core.Tests.Context;

public sealed class TokenCounterTests
{
    [Fact]
    public void Count_KnownText_UsesTheO200kEncoding() => Assert.Equal(2, TokenCounter.Default.Count("Hello world"));

    [Fact]
    public void Truncate_LongText_CutsAtALineEndWithinTheBudget()
    {
        var text = string.Concat(Enumerable.Range(0, 200).Select(i => $"line number {i} of the document\n"));

        var cut = TokenCounter.Default.Truncate(text, 50);

        Assert.True(TokenCounter.Default.Count(cut) <= 50);
        Assert.EndsWith("\n", cut, StringComparison.Ordinal);
        Assert.StartsWith(cut, text, StringComparison.Ordinal);
        Assert.True(cut.Length > 100);
    }

    [Fact]
    public void Truncate_ShortText_IsUnchanged() => Assert.Equal("short\n", TokenCounter.Default.Truncate("short\n", 50));
}
