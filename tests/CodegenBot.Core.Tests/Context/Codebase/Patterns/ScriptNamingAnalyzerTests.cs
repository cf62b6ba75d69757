using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class ScriptNamingAnalyzerTests
{
    [Fact]
    public void Analyze_JavaScriptArrowAndDeclaredFunctions_CountsBoth()
    {
        const string Code = """
            function loadUser(id) { return id; }
            const saveUser = async (user) => user;
            let parse_line = line => line.trim();
            export const handler = function () {};
            const answer = 42;
            class UserStore {}
            class Cache {}
            class lowercase {}
            """;

        var patterns = PatternFixtures.Describe(new ScriptNamingAnalyzer(), ("src/users.js", Code));

        Assert.Equal(
        [
            "javascript functions camelCase | 3 of 4 functions (1 of 1 javascript files sampled) | 0.75",
            "javascript classes PascalCase | 2 of 3 classes (1 of 1 javascript files sampled) | 0.667",
        ], patterns);
    }
}
