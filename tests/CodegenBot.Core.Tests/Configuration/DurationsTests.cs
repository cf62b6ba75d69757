using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Tests.Configuration;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("0", 0)]
    public void TryParse_ValidDuration_ReturnsItsLength(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(milliseconds, value.TotalMilliseconds);
    }

    [Theory]
    [InlineData("10")]
    [InlineData("10 minutes")]
    [InlineData("-5s")]
    [InlineData("")]
    public void TryParse_InvalidDuration_ReturnsFalse(string text) => Assert.False(Durations.TryParse(text, out _));

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1_500, "1500ms")]
    [InlineData(60_000, "1m")]
    [InlineData(86_400_000, "1d")]
    public void Format_Duration_UsesTheLargestWholeUnit(double milliseconds, string expected) =>
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
