using CodegenBot.Core.Quality.Output;

namespace CodegenBot.Core.Tests.Quality.Output;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("a < b && c > d", "a &lt; b &amp;&amp; c &gt; d")]
    [InlineData("ping @team", "ping &#64;team")]
    [InlineData("one\r\ntwo", "one two")]
    [InlineData("_x_ **y** ~z~ `c` #1 ![i](u)", "\\_x\\_ \\*\\*y\\*\\* \\~z\\~ \\`c\\` \\#1 !\\[i\\](u)")]
    public void Escape_MarkdownAndHtml_AreNeutralised(string text, string expected) => Assert.Equal(expected, MarkdownText.Escape(text));

    [Theory]
    [InlineData("a.cs:1", false, "`a.cs:1`")]
    [InlineData("x `y` z", false, "``x `y` z``")]
    [InlineData("`edge", false, "`` `edge ``")]
    [InlineData("a|b", true, "`a\\|b`")]
    [InlineData("a|b", false, "`a|b`")]
    public void Code_AnyText_IsOneClosedSpan(string text, bool tableCell, string expected) => Assert.Equal(expected, MarkdownText.Code(text, tableCell));
}
