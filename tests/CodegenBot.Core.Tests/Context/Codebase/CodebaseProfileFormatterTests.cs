using CodegenBot.Core.Context.Codebase;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Context.Codebase;

public sealed class CodebaseProfileFormatterTests
{
    [Fact]
    public void ToMarkdown_DotnetFixture_GivesTheExactSummary()
    {
        using var repository = TempGitRepository.WithFiles(DotnetFixture.Files);
        var profile = CodebaseFixtures.Analyze(repository, DotnetFixture.Files);

        var markdown = CodebaseProfileFormatter.ToMarkdown(profile);

        Assert.Equal(
            """
            Languages: C# 100% (6 files)
            Projects:
            - src/Shop.Api: dotnet-web Shop.Api, entry src/Shop.Api/Program.cs
            - src/Shop.Core: dotnet-library Shop.Core
            - tests/Shop.Core.Tests: dotnet-test Shop.Core.Tests
            Tests: xunit in tests/Shop.Core.Tests
            Dependencies nuget (6, 3 dev): Newtonsoft.Json 13.0.3, Polly.Core 8.9.1, Serilog 4.1.0
            Conventions: csharp types PascalCase (100%), csharp interfaces I-prefixed (100%), csharp methods PascalCase (100%), csharp test methods Method_Scenario_Expectation (67%), csharp private fields _camelCase (75%), csharp locals camelCase (100%), csharp Task-returning methods end in Async (100%)
            Formatting: csharp indentation 4 spaces (100%)
            Async: csharp Task-returning methods async (75%), csharp await rather than blocking waits (80%)
            DI: csharp DI registrations mostly AddScoped (67%), csharp constructor injection of interfaces (75%)
            Errors: csharp catch-all clauses (catch (Exception) or bare catch) (100%), csharp custom exception types (50%)
            Architecture: MVC / layered (folders Controllers, Services, Repositories, Models (4 of 5 layers)), tests mirror sources (1 of 1 test files sit in folders that mirror source folders)
            Quality: .editorconfig; coverage: tests/coverlet.runsettings; ci: .github/workflows (1 workflow); analyzers: Directory.Build.props sets TreatWarningsAsErrors, Nullable; analyzer packages: StyleCop.Analyzers

            """,
            markdown);
    }

    [Fact]
    public void ToMarkdown_ManyLanguagesAndPackages_NamesTheFirstAndCountsTheRest()
    {
        var profile = CodebaseProfile.Empty with
        {
            Languages = Enumerable.Range(1, 8).Select(i => new LanguageShare($"L{i}", 1, 0)).ToList(),
            Dependencies = Enumerable.Range(1, 14).Select(i => new Dependency("npm", $"p{i:00}", i % 2 == 0 ? "1.0.0" : null, "package.json", false))
                .Append(new Dependency("npm", "jest", "29.7.0", "package.json", true))
                .Append(new Dependency("npm", "P01", "2.0.0", "web/package.json", false)).ToList(),
        };

        var markdown = CodebaseProfileFormatter.ToMarkdown(profile);

        Assert.Equal(
            """
            Languages: L1 13% (1 file), L2 13% (1 file), L3 13% (1 file), L4 13% (1 file), L5 13% (1 file), L6 13% (1 file), 2 more
            Dependencies npm (15, 1 dev): p01 2.0.0, p02 1.0.0, p03, p04 1.0.0, p05, p06 1.0.0, p07, p08 1.0.0, p09, p10 1.0.0, p11, p12 1.0.0, 2 more

            """,
            markdown);
    }

    [Fact]
    public void ToMarkdown_MoreLinesThanAllowed_CutsAndSaysHowMany()
    {
        var profile = CodebaseProfile.Empty with
        {
            Projects = Enumerable.Range(1, 20).Select(i => new ProjectInfo($"p{i:00}", "go-module", null, false, null, [])).ToList(),
        };

        var markdown = CodebaseProfileFormatter.ToMarkdown(profile, maxLines: 4);

        Assert.Equal("Projects:\n- p01: go-module\n- p02: go-module\n(14 more lines cut)\n", markdown);
    }
}
