using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Generation;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Context;

public sealed class ContextToolsTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("codegen-tools-").FullName;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(
        ("src/A.cs", "class Alpha\n{\n    void Run() { }\n}\n"),
        ("src/B.cs", "class Beta { }\n"),
        ("docs/readme.md", "# Docs\n"),
        ("deploy/key.pem", "-----BEGIN PRIVATE KEY-----\n"));

    public void Dispose()
    {
        _repo.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task ReadFile_Range_ReturnsNumberedLines()
    {
        var tools = await Tools();

        Assert.Equal("2: {\n3:     void Run() { }\n", tools.ReadFile("src/A.cs", 2, 3));
    }

    [Fact]
    public async Task ReadFile_ProtectedOrEscapingPath_IsRefused()
    {
        var tools = await Tools();

        Assert.StartsWith("error: 'deploy/key.pem' is a protected path", tools.ReadFile("deploy/key.pem"), StringComparison.Ordinal);
        Assert.StartsWith("error: '../etc/passwd' contains '..'", tools.ReadFile("../etc/passwd"), StringComparison.Ordinal);
        Assert.StartsWith("error: nope.cs does not exist", tools.ReadFile("nope.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFiles_Glob_ReturnsMatchingPaths() =>
        Assert.Equal(["src/A.cs", "src/B.cs"], (await Tools()).ListFiles("src/**/*.cs"));

    [Fact]
    public async Task SearchCode_RegexAndSymbols_FindTheirLines()
    {
        var tools = await Tools();

        Assert.Equal(["src/A.cs:3: void Run() { }"], tools.SearchCode(@"void \w+\(\)"));
        Assert.Equal(["src/B.cs:1: class Beta"], tools.SearchSymbols("beta"));
        Assert.StartsWith("error: the pattern is not a valid regular expression", tools.SearchCode("(").Single(), StringComparison.Ordinal);
    }

    private async Task<ContextTools> Tools()
    {
        var indexer = new RepositoryIndexer(
            new ContextOptions(),
            new SymbolExtractorRegistry([new CSharpSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(_cache, NullLogger<FileContextCacheStore>.Instance),
            TimeProvider.System,
            NullLogger<RepositoryIndexer>.Instance);
        var (analysis, _) = await indexer.IndexAsync(_repo.Path, _repo.Path, TestContext.Current.CancellationToken);
        return new ContextTools(_repo.Path, analysis, new PathGuard(_repo.Path, new SecurityOptions().ProtectedPaths));
    }
}
