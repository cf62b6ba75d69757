using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;

namespace CodegenBot.GitHub.Tests.Events;

public sealed class ControlBlockTests
{
    [Fact]
    public void Render_Origin_RoundTripsWithTheBoxUnticked()
    {
        var origin = new PullRequestOrigin(null, GenerationMode.Refactor, "Refactor `a.cs` --> now\nwith ünïcode <!-- x -->", "src/a.cs");

        var body = "Some text\n\n" + ControlBlock.Render(origin, "codegen:stop");

        Assert.Equal(origin, ControlBlock.Origin(body));
        Assert.False(ControlBlock.RetryRequested(body));
        Assert.Contains("`codegen:stop`", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x]")]
    [InlineData("[X]")]
    public void RetryRequested_TickedBox_IsTrue(string box)
    {
        var body = ControlBlock.Render(new PullRequestOrigin(12, GenerationMode.Feature), "codegen:stop").Replace("[ ]", box, StringComparison.Ordinal);

        Assert.True(ControlBlock.RetryRequested(body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no block here")]
    [InlineData("<!-- codegen:origin not-base64!! -->")]
    [InlineData("<!-- codegen:origin eyJpc3N1ZSI6 -->")]
    public void Origin_MissingOrDamaged_IsNull(string? body) => Assert.Null(ControlBlock.Origin(body));

    [Theory]
    [InlineData(12, GenerationMode.Bugfix, null, null)]
    [InlineData(null, GenerationMode.Docs, "Document the <!-- codegen:origin --> block -->\r\nand «this»", null)]
    [InlineData(null, GenerationMode.Refactor, null, "src/Parser/Lexer.cs")]
    public void Origin_RenderedBlock_RoundTrips(int? issue, GenerationMode mode, string? task, string? hotspot)
    {
        var origin = new PullRequestOrigin(issue, mode, task, hotspot);

        Assert.Equal(origin, ControlBlock.Origin("Closes #12.\n\n" + ControlBlock.Render(origin, "codegen:stop")));
    }

    [Fact]
    public void Origin_TamperedBase64_IsNull()
    {
        var garbage = Convert.ToBase64String("this is not json"u8.ToArray());

        Assert.Null(ControlBlock.Origin($"<!-- codegen:origin {garbage} -->"));
    }

    [Fact]
    public void RetryRequested_QuotedOrMissingBox_IsFalse()
    {
        Assert.False(ControlBlock.RetryRequested(null));
        Assert.False(ControlBlock.RetryRequested("no block"));
        Assert.False(ControlBlock.RetryRequested("> - [x] <!-- codegen:retry --> **Retry**"));
    }
}
