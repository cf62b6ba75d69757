using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class NamingConventionsTests
{
    [Theory]
    [InlineData(NamingConventions.Pascal, "OrderService", true)]
    [InlineData(NamingConventions.Pascal, "orderService", false)]
    [InlineData(NamingConventions.Camel, "orderService", true)]
    [InlineData(NamingConventions.UnderscoreCamel, "_orders", true)]
    [InlineData(NamingConventions.UnderscoreCamel, "_Orders", false)]
    [InlineData(NamingConventions.MPrefix, "m_orders", true)]
    [InlineData(NamingConventions.Snake, "find_order", true)]
    [InlineData(NamingConventions.Snake, "_private_helper", true)]
    [InlineData(NamingConventions.Snake, "findOrder", false)]
    [InlineData(NamingConventions.UpperSnake, "MAX_SIZE", true)]
    [InlineData(NamingConventions.Underscored, "Find_UnknownId_Throws", true)]
    [InlineData(NamingConventions.Underscored, "Find_Throws", false)]
    public void Matches_Name_FollowsTheConvention(string convention, string name, bool expected)
    {
        Assert.Equal(expected, NamingConventions.Matches(convention, name));
    }

    [Fact]
    public void Dominant_TieBetweenConventions_PrefersTheEarlierOne()
    {
        var pattern = NamingConventions.Dominant("python functions", "functions", ["run", "stop", "go"], [NamingConventions.Snake, NamingConventions.Camel], "3 of 3 python files sampled");

        Assert.Equal(new("naming", "python functions snake_case", "3 of 3 functions (3 of 3 python files sampled)", 1), pattern);
    }

    [Fact]
    public void Dominant_TooFewNames_GivesNull()
    {
        Assert.Null(NamingConventions.Dominant("x", "names", ["a", "b"], [NamingConventions.Camel], "note"));
    }
}
