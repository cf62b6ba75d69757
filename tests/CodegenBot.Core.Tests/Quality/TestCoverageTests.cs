using CodegenBot.Core.Quality;

namespace CodegenBot.Core.Tests.Quality;

public sealed class TestCoverageTests
{
    [Theory]
    [InlineData("src/parser.py", "test_parser.py or parser_test.py")]
    [InlineData("pkg/server.go", "server_test.go")]
    [InlineData("src/Parser.java", "ParserTest.java or ParserTests.java")]
    [InlineData("lib/router.ts", "router.test.ts or router.spec.ts")]
    [InlineData("src/Parser.cs", "ParserTests.cs or ParserTest.cs")]
    public void ExpectedTestNames_FollowTheLanguagesConvention(string path, string expected) =>
        Assert.Equal(expected, TestCoverage.ExpectedTestNames(path));

    [Fact]
    public void Subjects_FindsTestsAnywhereButSkipsBuildOutput()
    {
        var root = Directory.CreateTempSubdirectory("codegen-tests-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "tests", "unit"));
            Directory.CreateDirectory(Path.Combine(root, "node_modules", "x"));
            File.WriteAllText(Path.Combine(root, "tests", "unit", "ParserTests.cs"), "");
            File.WriteAllText(Path.Combine(root, "tests", "test_lexer.py"), "");
            File.WriteAllText(Path.Combine(root, "node_modules", "x", "router.test.js"), "");

            var subjects = TestCoverage.Subjects(root);

            Assert.Contains("Parser", subjects);
            Assert.Contains("lexer", subjects);
            Assert.DoesNotContain("router", subjects);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
