using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.RepoMap;

public sealed class ContextFitterTests
{
    [Fact]
    public void Fit_ManyFiles_UsesAllThreeTiersWithinTheBudget()
    {
        var paths = Enumerable.Range(0, 200).Select(i => $"src/m{i / 20:00}/File{i:000}.cs").ToList();
        var ranked = paths.Select((p, i) => new RankedFile(p, 200 - i, [$"rank {i}"])).ToList();
        var symbols = paths.ToDictionary(p => p, p => Symbols(p));

        var fitted = new ContextFitter(TokenCounter.Default).Fit(ranked, symbols, Content, budget: 3000, named: new HashSet<string>());

        Assert.True(fitted.TokenCount <= 3000, $"{fitted.TokenCount} > 3000");
        Assert.Equal(paths.Take(fitted.Files.Count), fitted.Files.Select(f => f.Path));
        Assert.InRange(fitted.Files.Count, 1, ContextFitter.MaxFullTextFiles);
        var tiers = fitted.Coverage.GroupBy(c => c.Tier).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(200, tiers.Values.Sum());
        Assert.True(tiers[CoverageTier.Signatures] > 0);
        Assert.True(tiers[CoverageTier.DirectorySummary] > 0);
        Assert.Contains("public void Run", fitted.RepoMap, StringComparison.Ordinal);
        Assert.Contains("src/m09/: 20 file(s) (.cs 20)", fitted.DirectorySummary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NamedFileLargerThanTheFullTextShare_IsStillSentInFull()
    {
        var big = string.Concat(Enumerable.Repeat("// filler line for the named file\n", 120));
        RankedFile[] ranked = [new("src/Other.cs", 2, []), new("src/Named.cs", 1, ["named in the task"])];
        var symbols = ranked.ToDictionary(r => r.Path, r => Symbols(r.Path));

        var fitted = new ContextFitter(TokenCounter.Default).Fit(ranked, symbols, p => p == "src/Named.cs" ? big : "class Other { }\n", 1500, new HashSet<string> { "src/Named.cs" });

        Assert.Equal("src/Named.cs", fitted.Files[0].Path);
    }

    [Fact]
    public void Fit_BiggerBudget_NeverSendsLess()
    {
        var paths = Enumerable.Range(0, 60).Select(i => $"lib/F{i:00}.cs").ToList();
        var ranked = paths.Select((p, i) => new RankedFile(p, 60 - i, [])).ToList();
        var symbols = paths.ToDictionary(p => p, p => Symbols(p));
        var fitter = new ContextFitter(TokenCounter.Default);

        var small = fitter.Fit(ranked, symbols, Content, 1000, new HashSet<string>());
        var large = fitter.Fit(ranked, symbols, Content, 4000, new HashSet<string>());

        Assert.True(large.Coverage.Count(c => c.Tier != CoverageTier.DirectorySummary) >= small.Coverage.Count(c => c.Tier != CoverageTier.DirectorySummary));
    }

    private static string Content(string path) => $"namespace Demo;\n\npublic sealed class {Path.GetFileNameWithoutExtension(path)}\n{{\n    public void Run() {{ }}\n}}\n";

    private static FileSymbols Symbols(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return new FileSymbols(path, "csharp",
        [
            new SymbolDefinition(name, SymbolKind.Class, path, 3, 6, $"public sealed class {name}", "Demo", null),
            new SymbolDefinition("Run", SymbolKind.Method, path, 5, 5, "public void Run()", name, null),
        ], []);
    }
}
