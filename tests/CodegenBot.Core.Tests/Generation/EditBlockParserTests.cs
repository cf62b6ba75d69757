using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Tests.Generation;

public sealed class EditBlockParserTests
{
    [Fact]
    public void Parse_BlocksForTwoFiles_ReturnsEachWithItsPath()
    {
        const string answer = """
            I will rename the method and add a file.

            src/Calc.cs
            ```csharp
            <<<<<<< SEARCH
            public int Add(int a, int b) => a + b;
            =======
            public int Sum(int a, int b) => a + b;
            >>>>>>> REPLACE
            ```

            **src/New.cs**
            ```csharp
            <<<<<<< SEARCH
            =======
            class New { }
            >>>>>>> REPLACE
            ```
            """;

        var result = EditBlockParser.Parse(answer);

        Assert.Empty(result.Problems);
        Assert.Collection(
            result.Blocks,
            b =>
            {
                Assert.Equal("src/Calc.cs", b.Path);
                Assert.Equal("public int Add(int a, int b) => a + b;\n", b.Search);
                Assert.Equal("public int Sum(int a, int b) => a + b;\n", b.Replace);
            },
            b =>
            {
                Assert.Equal("src/New.cs", b.Path);
                Assert.Equal("", b.Search);
                Assert.Equal("class New { }\n", b.Replace);
            });
    }

    [Fact]
    public void Parse_TwoBlocksInOneFence_BothUseThePath()
    {
        const string answer = "a.py\n```\n<<<<<<< SEARCH\nx = 1\n=======\nx = 2\n>>>>>>> REPLACE\n<<<<<<< SEARCH\ny = 1\n=======\ny = 2\n>>>>>>> REPLACE\n```\n";

        var result = EditBlockParser.Parse(answer);

        Assert.Equal(["a.py", "a.py"], result.Blocks.Select(b => b.Path));
    }

    [Fact]
    public void Parse_CrLfAnswer_IsReadLikeLf()
    {
        var result = EditBlockParser.Parse("a.txt\r\n```\r\n<<<<<<< SEARCH\r\nold\r\n=======\r\nnew\r\n>>>>>>> REPLACE\r\n```\r\n");

        Assert.Equal("old\n", Assert.Single(result.Blocks).Search);
    }

    [Fact]
    public void Parse_BlockWithoutReplaceMarker_ReportsAnIncompleteBlock()
    {
        var result = EditBlockParser.Parse("a.cs\n```\n<<<<<<< SEARCH\nold\n=======\nnew\n```\n");

        Assert.Empty(result.Blocks);
        Assert.Equal("The SEARCH block at line 3 for a.cs is not complete; each block needs '=======' and then '>>>>>>> REPLACE'.", Assert.Single(result.Problems));
    }

    [Fact]
    public void Parse_BlockWithoutPath_ReportsTheMissingPath()
    {
        var result = EditBlockParser.Parse("Here is the fix:\n```\n<<<<<<< SEARCH\nold\n=======\nnew\n>>>>>>> REPLACE\n```\n");

        Assert.Empty(result.Blocks);
        Assert.Contains("has no file path", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ProseOnly_ReturnsNothing()
    {
        var result = EditBlockParser.Parse("I think the code is fine as it is.");

        Assert.Empty(result.Blocks);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Parse_WholeFileBlocks_AreReadAndAnUnclosedOneIsAProblem()
    {
        var result = EditBlockParser.Parse("a.txt\n```\n<<<<<<< FILE\nline 1\nline 2\n>>>>>>> FILE\n```\n\nb.txt\n```\n<<<<<<< FILE\nnever closed\n");

        var block = Assert.Single(result.Blocks);
        Assert.Equal(("a.txt", "line 1\nline 2\n", true), (block.Path, block.Replace, block.WholeFile));
        Assert.Equal("The FILE block at line 11 for b.txt is not complete; end it with '>>>>>>> FILE'.", Assert.Single(result.Problems));
    }
}
