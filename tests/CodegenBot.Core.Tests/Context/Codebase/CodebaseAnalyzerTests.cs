using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Patterns;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Context.Codebase;

public sealed class CodebaseAnalyzerTests
{
    [Fact]
    public void Analyze_WithKeptSampledFiles_GivesTheFreshProfileAndReusesOnlyUnchangedFiles()
    {
        var texts = DotnetFixture.Files.Concat(PolyglotFixture.Files).GroupBy(f => f.Path).ToDictionary(g => g.Key, g => g.First().Content, StringComparer.Ordinal);
        var paths = texts.Keys.Order(StringComparer.Ordinal).ToList();
        var kept = new SampledFileCache();
        var firstKept = CodebaseProfileFormatter.ToMarkdown(CodebaseAnalyzer.Analyze(paths, texts.GetValueOrDefault, kept: kept));
        var csharp = paths.First(p => p.EndsWith(".cs", StringComparison.Ordinal));
        var language = LanguageTable.Detect(csharp)!;
        var unchanged = kept.Get(csharp, language, texts[csharp]);

        texts[csharp] = texts[csharp].Replace("public", "internal", StringComparison.Ordinal) + "\nclass snake_case_type { }\n";
        var changedKept = CodebaseProfileFormatter.ToMarkdown(CodebaseAnalyzer.Analyze(paths, texts.GetValueOrDefault, kept: kept));
        var changedFresh = CodebaseProfileFormatter.ToMarkdown(CodebaseAnalyzer.Analyze(paths, texts.GetValueOrDefault));

        Assert.Equal(changedFresh, changedKept);
        Assert.NotEqual(firstKept, changedKept);
        Assert.NotSame(unchanged, kept.Get(csharp, language, texts[csharp]));
        Assert.Same(kept.Get(csharp, language, texts[csharp]), kept.Get(csharp, language, texts[csharp]));
    }

    [Fact]
    public void Analyze_DotnetSolution_ReadsCentralVersionsProjectsAndConventions()
    {
        using var repository = TempGitRepository.WithFiles(DotnetFixture.Files);

        var profile = CodebaseFixtures.Analyze(repository, DotnetFixture.Files);

        Assert.Equal([new LanguageShare("C#", 6, 105)], profile.Languages);
        Assert.Equal(
        [
            new Dependency("nuget", "StyleCop.Analyzers", "1.1.118", "Directory.Build.props", Development: true),
            new Dependency("nuget", "Polly.Core", "8.9.1", "src/Shop.Api/Shop.Api.csproj", Development: false),
            new Dependency("nuget", "Serilog", "4.1.0", "src/Shop.Api/Shop.Api.csproj", Development: false),
            new Dependency("nuget", "Newtonsoft.Json", "13.0.3", "src/Shop.Core/Shop.Core.csproj", Development: false),
            new Dependency("nuget", "Microsoft.NET.Test.Sdk", "18.0.0", "tests/Shop.Core.Tests/Shop.Core.Tests.csproj", Development: true),
            new Dependency("nuget", "xunit.v3", "3.0.0", "tests/Shop.Core.Tests/Shop.Core.Tests.csproj", Development: true),
        ], profile.Dependencies);
        AssertProjects(
            profile,
            ("src/Shop.Api", "dotnet-web", "Shop.Api", false, null, ["src/Shop.Api/Program.cs"]),
            ("src/Shop.Core", "dotnet-library", "Shop.Core", false, null, []),
            ("tests/Shop.Core.Tests", "dotnet-test", "Shop.Core.Tests", true, "xunit", []));
        AssertPattern(profile, "csharp private fields _camelCase", "3 of 4 fields (6 of 6 csharp files sampled)", 0.75);
        AssertPattern(profile, "csharp types PascalCase", "9 of 9 types (6 of 6 csharp files sampled)", 1);
        AssertPattern(profile, "csharp test methods Method_Scenario_Expectation", "2 of 3 test methods (6 of 6 csharp files sampled)", 0.667);
        AssertPattern(profile, "csharp locals camelCase", "7 of 7 locals (6 of 6 csharp files sampled)", 1);
        AssertPattern(profile, "csharp indentation 4 spaces", "55 of 55 indented lines (6 of 6 csharp files sampled)", 1);
        AssertPattern(profile, "csharp Task-returning methods async", "3 of 4 Task-returning methods (6 of 6 csharp files sampled)", 0.75);
        AssertPattern(profile, "csharp await rather than blocking waits", "4 awaits, 1 blocking waits (.Result/.Wait()/.GetResult()) (6 of 6 csharp files sampled)", 0.8);
        AssertPattern(profile, "csharp DI registrations mostly AddScoped", "AddSingleton 1, AddScoped 2, AddTransient 0 (6 of 6 csharp files sampled)", 0.667);
        AssertPattern(profile, "csharp constructor injection of interfaces", "3 of 4 constructors with parameters take interfaces, 2 of them primary constructors; 0 service-locator calls (6 of 6 csharp files sampled)", 0.75);
        AssertPattern(profile, "csharp catch-all clauses (catch (Exception) or bare catch)", "1 of 1 catch clauses (6 of 6 csharp files sampled)", 1);
        AssertPattern(profile, "csharp custom exception types", "1 types (OrderNotFoundException); 1 of 2 throw new use them (6 of 6 csharp files sampled)", 0.5);
        AssertPattern(profile, "MVC / layered", "folders Controllers, Services, Repositories, Models (4 of 5 layers)", 0.8);
        AssertPattern(profile, "tests mirror sources", "1 of 1 test files sit in folders that mirror source folders", 1);
        Assert.Equal(
        [
            ".editorconfig", "coverage: tests/coverlet.runsettings", "ci: .github/workflows (1 workflow)",
            "analyzers: Directory.Build.props sets TreatWarningsAsErrors, Nullable", "analyzer packages: StyleCop.Analyzers",
        ], profile.QualitySignals);
    }

    [Fact]
    public void Analyze_NodeAndPython_ReadsManifestsRunnersAndEntryPoints()
    {
        using var repository = TempGitRepository.WithFiles(NodePythonFixture.Files);

        var profile = CodebaseFixtures.Analyze(repository, NodePythonFixture.Files);

        Assert.Equal([new LanguageShare("Python", 4, 42), new LanguageShare("TypeScript", 2, 40), new LanguageShare("JavaScript", 2, 4)], profile.Languages);
        Assert.Equal(
        [
            new Dependency("npm", "@vitest/coverage-v8", "^1.2.0", "web/package.json", Development: true),
            new Dependency("npm", "axios", "1.6.0", "web/package.json", Development: false),
            new Dependency("npm", "react", "^18.2.0", "web/package.json", Development: false),
            new Dependency("npm", "typescript", "~5.4.0", "web/package.json", Development: true),
            new Dependency("npm", "vitest", "^1.2.0", "web/package.json", Development: true),
            new Dependency("pypi", "asyncpg", "0.29.0", "service/pyproject.toml", Development: false),
            new Dependency("pypi", "fastapi", ">=0.110", "service/pyproject.toml", Development: false),
            new Dependency("pypi", "pydantic", "2.6.1", "service/pyproject.toml", Development: false),
            new Dependency("pypi", "pytest", ">=8", "service/pyproject.toml", Development: true),
            new Dependency("pypi", "ruff", null, "service/pyproject.toml", Development: true),
            new Dependency("pypi", "uvicorn", ">=0.29", "service/pyproject.toml", Development: false),
            new Dependency("pypi", "black", "24.2.0", "service/requirements-dev.txt", Development: true),
            new Dependency("pypi", "mypy", ">=1.8,<2", "service/requirements-dev.txt", Development: true),
            new Dependency("pypi", "fastapi", ">=0.110", "service/requirements.txt", Development: false),
            new Dependency("pypi", "httpx", "0.27.0", "service/requirements.txt", Development: false),
        ], profile.Dependencies);
        AssertProjects(
            profile,
            ("service", "python-package", "shop-service", false, "pytest", ["service/shop_service/__main__.py"]),
            ("web", "node-package", "@shop/web", false, "vitest", ["web/dist/index.js", "web/bin/cli.js"]));
        AssertPattern(profile, "python functions snake_case", "4 of 5 functions (4 of 4 python files sampled)", 0.8);
        AssertPattern(profile, "typescript functions camelCase", "4 of 4 functions (2 of 2 typescript files sampled)", 1);
        AssertPattern(profile, "typescript classes PascalCase", "2 of 3 classes (2 of 2 typescript files sampled)", 0.667);
        AssertPattern(profile, "typescript indentation 2 spaces", "12 of 12 indented lines (2 of 2 typescript files sampled)", 1);
        AssertPattern(profile, "python strings double quotes", "13 of 13 string literals (4 of 4 python files sampled)", 1);
        AssertPattern(profile, "typescript strings single quotes", "10 of 12 string literals (2 of 2 typescript files sampled)", 0.833);
        AssertPattern(profile, "typescript async/await rather than .then()", "3 awaits, 1 .then( calls (2 of 2 typescript files sampled)", 0.75);
        AssertPattern(profile, "python bare except:", "1 of 2 except clauses (4 of 4 python files sampled)", 0.5);
        AssertPattern(profile, "python custom exception types", "1 types (OrderError); 1 of 1 raise use them (4 of 4 python files sampled)", 1);
        Assert.Equal(
        [
            "web/eslint.config.js", ".pre-commit-config.yaml", "coverage: @vitest/coverage-v8", "ruff in service/pyproject.toml", "TypeScript strict in web/tsconfig.json",
        ], profile.QualitySignals);
    }

    [Fact]
    public void Analyze_GoRustJvmAndRuby_ReadsEveryManifestKind()
    {
        using var repository = TempGitRepository.WithFiles(PolyglotFixture.Files);

        var profile = CodebaseFixtures.Analyze(repository, PolyglotFixture.Files);

        Assert.Equal(
        [
            new Dependency("cargo", "anyhow", "1.0.80", "engine/Cargo.toml", Development: false),
            new Dependency("cargo", "local-util", null, "engine/Cargo.toml", Development: false),
            new Dependency("cargo", "proptest", "1.4", "engine/Cargo.toml", Development: true),
            new Dependency("cargo", "serde", "1.0", "engine/Cargo.toml", Development: false),
            new Dependency("cargo", "tokio", "1.36", "engine/Cargo.toml", Development: false),
            new Dependency("go", "github.com/spf13/cobra", "v1.8.0", "cli/go.mod", Development: false),
            new Dependency("go", "github.com/stretchr/testify", "v1.9.0", "cli/go.mod", Development: false),
            new Dependency("maven", "com.squareup.okhttp3:okhttp", "4.12.0", "android/build.gradle.kts", Development: false),
            new Dependency("maven", "junit:junit", "4.13.2", "android/build.gradle.kts", Development: true),
            new Dependency("maven", "org.jetbrains.kotlin:kotlin-bom", "1.9.22", "android/build.gradle.kts", Development: false),
            new Dependency("maven", "com.acme:common", "2.3.0", "server/pom.xml", Development: false),
            new Dependency("maven", "org.junit.jupiter:junit-jupiter", "5.10.2", "server/pom.xml", Development: true),
            new Dependency("maven", "org.springframework.boot:spring-boot-starter-web", null, "server/pom.xml", Development: false),
            new Dependency("rubygems", "jdbc-sqlite3", null, "Gemfile", Development: false),
            new Dependency("rubygems", "puma", null, "Gemfile", Development: false),
            new Dependency("rubygems", "rails", "~> 7.1,>= 7.1.2", "Gemfile", Development: false),
            new Dependency("rubygems", "rspec-rails", ">= 6.0", "Gemfile", Development: true),
            new Dependency("rubygems", "rubocop", null, "Gemfile", Development: true),
        ], profile.Dependencies);
        AssertProjects(
            profile,
            ("android", "gradle-module", "android", false, "junit4", []),
            ("cli", "go-module", "github.com/acme/cli", false, "go test", ["cli/cmd/acme"]),
            ("engine", "cargo-crate", "engine", false, "cargo test", ["engine/src/main.rs", "engine/tools/engine_tool.rs"]),
            ("server", "maven-module", "server", false, "junit5", ["server/src/main/java/com/acme/Server.java"]));
        AssertPattern(profile, "go functions MixedCaps", "3 of 4 functions (3 of 3 go files sampled)", 0.75);
        AssertPattern(profile, "go functions exported", "1 of 4 functions (3 of 3 go files sampled)", 0.25);
        AssertPattern(profile, "go indentation tabs", "12 of 12 indented lines (3 of 3 go files sampled)", 1);
        AssertPattern(profile, "go if err != nil checks", "2 checks, 0.3 per function; in 1 of 3 files with functions (3 of 3 go files sampled)", 0.333);
        AssertPattern(profile, "java methods camelCase", "3 of 3 methods (3 of 3 java files sampled)", 1);
        Assert.Equal([".golangci.yml", ".rubocop.yml", "coverage: jacoco in server/pom.xml"], profile.QualitySignals);
    }

    [Fact]
    public void Analyze_MalformedManifests_AreSkippedAndTheRestIsRead()
    {
        (string, string)[] files =
        [
            ("bad/Bad.csproj", "<Project><ItemGroup><PackageReference Include=\"X\""),
            ("bad/package.json", "{ \"name\": \"broken\", "),
            ("bad/pyproject.toml", "[project]\ndependencies = [\"requests\"\n"),
            ("bad/go.mod", "require github.com/x/y v1.0.0\n"),
            ("bad/pom.xml", "<notaproject/>"),
            ("bad/Cargo.toml", "[package\nname = \"x\"\n"),
            ("bad/packages.lock.json", "[]"),
            ("good/package.json", "{ \"name\": \"good\", \"dependencies\": { \"left-pad\": \"1.3.0\" } }"),
        ];
        using var repository = TempGitRepository.WithFiles(files);

        var profile = CodebaseFixtures.Analyze(repository, files);

        Assert.Equal([new Dependency("npm", "left-pad", "1.3.0", "good/package.json", Development: false)], profile.Dependencies);
        AssertProjects(profile, ("good", "node-package", "good", false, null, []));
    }

    [Fact]
    public void Analyze_EmptyRepository_GivesAnEmptyProfile()
    {
        var profile = CodebaseAnalyzer.Analyze([], _ => null);

        Assert.Empty(profile.Languages);
        Assert.Empty(profile.Dependencies);
        Assert.Empty(profile.Projects);
        Assert.Empty(profile.Patterns);
        Assert.Empty(profile.QualitySignals);
        Assert.Equal("", CodebaseProfileFormatter.ToMarkdown(profile));
    }

    [Fact]
    public void Analyze_UnreadableSourceFiles_CountFilesButNoLines()
    {
        var profile = CodebaseAnalyzer.Analyze(["a.py", "b.py", "README.md"], p => p == "a.py" ? "print('x')\n" : null);

        Assert.Equal([new LanguageShare("Python", 2, 1)], profile.Languages);
        Assert.Empty(profile.Projects);
    }

    private static void AssertPattern(CodebaseProfile profile, string name, string evidence, double share)
    {
        var pattern = Assert.Single(profile.Patterns, p => p.Name == name);
        Assert.Equal(evidence, pattern.Evidence);
        Assert.Equal(share, pattern.Share);
    }

    private static void AssertProjects(CodebaseProfile profile, params (string Path, string Kind, string? Name, bool IsTest, string? Framework, string[] EntryPoints)[] expected)
    {
        Assert.Equal(
            expected.Select(e => $"{e.Path} | {e.Kind} | {e.Name} | {e.IsTest} | {e.Framework} | {string.Join(",", e.EntryPoints)}"),
            profile.Projects.Select(p => $"{p.Path} | {p.Kind} | {p.Name} | {p.IsTest} | {p.TestFramework} | {string.Join(",", p.EntryPoints)}"));
    }
}
