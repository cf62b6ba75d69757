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
}
