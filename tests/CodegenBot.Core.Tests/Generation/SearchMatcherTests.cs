using CodegenBot.Core.Generation;

namespace CodegenBot.Core.Tests.Generation;

public sealed class SearchMatcherTests
{
    private static readonly string[] File =
    [
        "public class Cache",
        "{",
        "    public int Get(string key)",
        "    {",
        "        if (key is null)",
        "        {",
        "            throw new ArgumentNullException(nameof(key));",
        "        }",
        "",
        "        return _store[key];",
        "    }",
        "}",
    ];

    [Fact]
    public void Find_Exact_IsExact()
    {
        var result = SearchMatcher.Find(File, ["        return _store[key];"], ["        return _store.GetValueOrDefault(key);"], "Cache.cs");

        Assert.Equal((9, 1, MatchKind.Exact), (result.Match!.StartLine, result.Match.LineCount, result.Match.Kind));
    }

    [Fact]
    public void Find_TrailingSpaces_AreIgnored()
    {
        var result = SearchMatcher.Find(File, ["        return _store[key];   "], ["x"], "Cache.cs");

        Assert.Equal(MatchKind.TrailingWhitespace, result.Match!.Kind);
    }

    [Fact]
    public void Find_LostIndentation_MatchesAndReindentsTheReplacement()
    {
        var result = SearchMatcher.Find(
            File,
            ["if (key is null)", "{", "    throw new ArgumentNullException(nameof(key));", "}"],
            ["if (key is null)", "{", "    throw new ArgumentException(\"A key is required.\", nameof(key));", "}"],
            "Cache.cs");

        Assert.Equal(MatchKind.Indentation, result.Match!.Kind);
        Assert.Equal(4, result.Match.StartLine);
        Assert.Equal("            throw new ArgumentException(\"A key is required.\", nameof(key));", result.Match.Replacement[2]);
        Assert.Equal("        if (key is null)", result.Match.Replacement[0]);
    }

    [Fact]
    public void Find_MissingBlankLine_MatchesTheWholeRange()
    {
        var result = SearchMatcher.Find(File, ["        }", "        return _store[key];"], ["        }", "        return 0;"], "Cache.cs");

        Assert.Equal((MatchKind.BlankLines, 7, 3), (result.Match!.Kind, result.Match.StartLine, result.Match.LineCount));
    }

    [Fact]
    public void Find_SmallTypo_MatchesFuzzilyWhenNothingElseIsClose()
    {
        var result = SearchMatcher.Find(File, ["            throw new ArgumentNullException(nameof(kye));", "        }"], ["x"], "Cache.cs");

        Assert.Equal(MatchKind.Fuzzy, result.Match!.Kind);
        Assert.Equal(6, result.Match.StartLine);
        Assert.InRange(result.Match.Similarity, SearchMatcher.MinFuzzySimilarity, 1);
    }

    [Fact]
    public void Find_SeveralPlaces_IsRefusedWithTheirLines()
    {
        var result = SearchMatcher.Find(["a();", "b();", "a();"], ["a();"], ["x"], "Cache.cs");

        Assert.Null(result.Match);
        Assert.Equal(2, result.Ambiguous);
        Assert.Equal("The SEARCH block matched 2 places in Cache.cs (lines 1, 3); include more surrounding lines so it matches once.", result.Problem);
    }

    [Fact]
    public void Find_NearlyMatchingTwoPlaces_IsRefusedNotGuessed()
    {
        string[] twins = ["int a = Compute(1, 2, 3);", "int b = 0;", "int a = Compute(1, 2, 4);", "int b = 0;"];

        var result = SearchMatcher.Find(twins, ["int a = Compute(1, 2, 5);", "int b = 0;"], ["x"], "T.cs");

        Assert.Null(result.Match);
        Assert.Contains("nearly matches several places", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_TypoInABlockWithANearTwin_GoesToTheOnlyPlaceWhereAllOtherLinesAreEqual()
    {
        string[] overloads =
        [
            "/// <summary>Adds an entity.</summary>",
            "public void Add(Entity entity, bool track)",
            "    => _set.Add(entity, track);",
            "/// <summary>Adds an entity.</summary>",
            "public void Add(Entity entity, bool track, bool validate)",
            "    => _set.Add(entity, track);",
        ];

        var result = SearchMatcher.Find(
            overloads,
            ["/// <summary>Adds an entity.</summary>", "public void Add(Entity entity, bool trck, bool validate)", "    => _set.Add(entity, track);"],
            ["x"],
            "Set.cs");

        Assert.Equal((MatchKind.Fuzzy, 3), (result.Match!.Kind, result.Match.StartLine));
    }

    [Fact]
    public void Find_SomethingElseEntirely_SaysNotFound()
    {
        var result = SearchMatcher.Find(File, ["Console.WriteLine(\"hello\");"], ["x"], "Cache.cs");

        Assert.Null(result.Match);
        Assert.StartsWith("The SEARCH block was not found in Cache.cs", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kitten", "sitting", 1 - (3.0 / 7))]
    [InlineData("same", "same", 1.0)]
    [InlineData("", "", 1.0)]
    [InlineData("a", "", 0.0)]
    public void Similarity_IsOneMinusNormalisedEditDistance(string a, string b, double expected) =>
        Assert.Equal(expected, SearchMatcher.Similarity(a, b), 6);
}
