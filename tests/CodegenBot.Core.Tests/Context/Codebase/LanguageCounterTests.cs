using CodegenBot.Core.Context.Codebase;

namespace CodegenBot.Core.Tests.Context.Codebase;

public sealed class LanguageCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a\n", 1)]
    [InlineData("a\nb", 2)]
    [InlineData("\n\n", 2)]
    public void CountLines_Text_CountsLikeAnEditor(string text, int lines)
    {
        Assert.Equal(lines, LanguageCounter.CountLines(text));
    }

    [Fact]
    public void Count_MixedExtensions_GroupsByLanguageAndSortsByLinesThenName()
    {
        var texts = new Dictionary<string, string>
        {
            ["ui/App.tsx"] = "a\nb\n",
            ["ui/util.ts"] = "a\n",
            ["ui/legacy.mjs"] = "a\nb\nc\n",
            ["lib/x.rb"] = "a\nb\nc\n",
            ["docs/readme.md"] = "a\nb\nc\nd\n",
            ["data.json"] = "{}\n",
        };

        var languages = LanguageCounter.Count(new RepositorySnapshot(texts.Keys.ToList(), p => texts[p]));

        Assert.Equal([new LanguageShare("JavaScript", 1, 3), new LanguageShare("Ruby", 1, 3), new LanguageShare("TypeScript", 2, 3)], languages);
    }

    [Fact]
    public void Count_KnownLineCounts_AreUsedAndOnlyTheOthersRead()
    {
        var read = new List<string>();
        var files = new[] { "a.py", "b.py", "c.go" };
        var known = new Dictionary<string, int>(StringComparer.Ordinal) { ["a.py"] = 10, ["c.go"] = 7 };

        var languages = LanguageCounter.Count(new RepositorySnapshot(files, p => { read.Add(p); return "x\ny\n"; }, known));

        Assert.Equal([new LanguageShare("Python", 2, 12), new LanguageShare("Go", 1, 7)], languages);
        Assert.Equal(["b.py"], read);
    }
}
