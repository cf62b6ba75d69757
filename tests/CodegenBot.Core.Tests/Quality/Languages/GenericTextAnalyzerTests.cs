using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class GenericTextAnalyzerTests
{
    private static readonly GenericTextAnalyzer Analyzer = new();

    [Theory]
    [InlineData("src/lib.rs", true)]
    [InlineData("src/main.c", true)]
    [InlineData("app/models/user.rb", true)]
    [InlineData("scripts/run.sh", true)]
    [InlineData("src/Main.kt", true)]
    [InlineData("src/A.cs", false)]
    [InlineData("src/a.py", false)]
    [InlineData("src/a.ts", false)]
    [InlineData("src/a.go", false)]
    [InlineData("src/A.java", false)]
    [InlineData("image.png", false)]
    public void CanAnalyze_LeavesLanguagesWithTheirOwnAnalyzer(string path, bool expected) => Assert.Equal(expected, Analyzer.CanAnalyze(path));

    [Fact]
    public async Task AnalyzeAsync_CFile_FindsBraceFunctionsAndCountsLines()
    {
        const string Code = "#include <stdio.h>\n\n/* adds */\nint add(int a, int b) {\n    if (a > 0 && b > 0) {\n        return a + b;\n    }\n    return 0;\n}\n\nstatic void log_it(const char *s)\n{\n    // prints\n    puts(s);\n}\n";

        var analysis = await Analyzer.AnalyzeAsync("src/add.c", Code);

        Assert.Equal([("add", 4, 9, 3, 2), ("log_it", 11, 15, 1, 1)], analysis.Functions.Select(f => (f.Name, f.Line, f.EndLine, f.CyclomaticComplexity, f.Parameters == 2 ? 2 : f.Parameters)));
        Assert.Equal((15, 11), (analysis.Lines, analysis.CodeLines));
        Assert.Empty(analysis.Findings);
        Assert.Equal("text", analysis.Language);
    }

    [Fact]
    public async Task AnalyzeAsync_ShellScript_CountsLinesWithoutFunctions()
    {
        var analysis = await Analyzer.AnalyzeAsync("run.sh", "#!/bin/sh\n# comment\necho hi\n\nexit 0\n");

        Assert.Equal((5, 2), (analysis.Lines, analysis.CodeLines));
        Assert.Empty(analysis.Functions);
    }

    [Fact]
    public async Task AnalyzeAsync_BinaryContent_EmptyAnalysis()
    {
        var analysis = await Analyzer.AnalyzeAsync("blob.c", "\u007fELF\0\0\u0001\u0002{{{(((");

        Assert.Equal((0, 0), (analysis.Lines, analysis.Functions.Count));
    }
}
