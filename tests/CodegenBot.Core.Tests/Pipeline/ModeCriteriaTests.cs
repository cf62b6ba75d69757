using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Tests.Pipeline;

public sealed class ModeCriteriaTests
{
    private const string Before = "class A\n{\n    int X() => 1;\n}\n";

    [Fact]
    public void Bugfix_WithoutATestOrATestName_IsUnmet()
    {
        var problems = Check(GenerationMode.Bugfix, ["src/A.cs"], "Fixed the off-by-one.");

        Assert.Equal("A bug fix must add or change a test that reproduces the bug, or name the existing test that covers it in the explanation.", Assert.Single(problems));
    }

    [Theory]
    [InlineData("tests/ATests.cs", "Fixed it.")]
    [InlineData("src/A.cs", "Fixed it; ATests.X_ReturnsOne reproduces the bug.")]
    [InlineData("src/a.py", "Fixed it; test_x_returns_one covers it.")]
    public void Bugfix_WithATestOrANamedTest_IsMet(string path, string explanation) =>
        Assert.Empty(Check(GenerationMode.Bugfix, [path], explanation));

    [Fact]
    public void Test_WithoutTestFiles_IsUnmet() =>
        Assert.StartsWith("Testing mode must add or extend tests", Assert.Single(Check(GenerationMode.Test, ["src/A.cs"], "")), StringComparison.Ordinal);

    [Fact]
    public void Docs_CommentsAndMarkdownOnly_IsMet()
    {
        var after = "/// <summary>Holds X.</summary>\nclass A\n{\n    // One, always.\n    int X() => 1;\n}\n";

        Assert.Empty(ModeCriteria.Check(GenerationMode.Docs, ["src/A.cs", "README.md"], "", _ => Before, p => p.EndsWith(".cs", StringComparison.Ordinal) ? after : "# New"));
    }

    [Fact]
    public void Docs_CodeChanged_IsUnmetNamingTheFile()
    {
        var problems = ModeCriteria.Check(GenerationMode.Docs, ["src/A.cs"], "", _ => Before, _ => Before.Replace("=> 1", "=> 2", StringComparison.Ordinal));

        Assert.Equal("Documentation mode must not change behaviour, but src/A.cs changes code, not only comments or documentation; revert the code change.", Assert.Single(problems));
    }

    [Fact]
    public void Docs_PythonDocstringOnly_IsMetButCodeChangeIsNot()
    {
        const string before = "def f(x):\n    return x + 1\n";
        const string documented = "def f(x):\n    \"\"\"Adds one.\n\n    Really.\n    \"\"\"\n    # plain\n    return x + 1\n";

        Assert.Empty(ModeCriteria.Check(GenerationMode.Docs, ["a.py"], "", _ => before, _ => documented));
        Assert.Single(ModeCriteria.Check(GenerationMode.Docs, ["a.py"], "", _ => before, _ => documented.Replace("x + 1", "x + 2", StringComparison.Ordinal)));
    }

    [Fact]
    public void Optimize_NeedsAnExplanation()
    {
        Assert.Single(Check(GenerationMode.Optimize, ["src/A.cs"], "Faster."));
        Assert.Empty(Check(GenerationMode.Optimize, ["src/A.cs"], "Lookups went from a linear scan to a dictionary: O(n) to O(1) per call."));
    }

    [Fact]
    public void Explanation_IsTheAnswerWithoutItsBlocks() =>
        Assert.Equal("Plan: do it.\n\nsrc/A.cs\n\nDone.", ModeCriteria.Explanation("Plan: do it.\n\nsrc/A.cs\n```\n<<<<<<< SEARCH\na\n=======\nb\n>>>>>>> REPLACE\n```\n\nDone."));

    private static IReadOnlyList<string> Check(GenerationMode mode, string[] paths, string explanation) =>
        ModeCriteria.Check(mode, paths, explanation, _ => Before, _ => Before);
}
