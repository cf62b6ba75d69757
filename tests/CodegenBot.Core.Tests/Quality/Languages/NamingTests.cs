using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class NamingTests
{
    [Theory]
    [InlineData("HttpServer", "PascalCase", true)]
    [InlineData("HTTPServer", "PascalCase", true)]
    [InlineData("httpServer", "PascalCase", false)]
    [InlineData("userID", "camelCase", true)]
    [InlineData("user_id", "camelCase", false)]
    [InlineData("_private_name", "snake_case", true)]
    [InlineData("__init__", "snake_case", true)]
    [InlineData("getValue", "snake_case", false)]
    [InlineData("MAX_SIZE", "UPPER_SNAKE_CASE", true)]
    [InlineData("MaxSize", "UPPER_SNAKE_CASE", false)]
    [InlineData("server", "lowercase", true)]
    [InlineData("Anything", "kebab-case", true)]
    public void Follows_Convention(string name, string convention, bool expected) => Assert.Equal(expected, Naming.Follows(name, convention));

    [Theory]
    [InlineData("getHTTPResponse", "snake_case", "get_http_response")]
    [InlineData("parse_json_body", "camelCase", "parseJsonBody")]
    [InlineData("parse_json_body", "PascalCase", "ParseJsonBody")]
    [InlineData("maxSize", "UPPER_SNAKE_CASE", "MAX_SIZE")]
    [InlineData("_helperFn", "snake_case", "_helper_fn")]
    public void Suggest_RewritesWordsToTheConvention(string name, string convention, string expected) => Assert.Equal(expected, Naming.Suggest(name, convention));
}
