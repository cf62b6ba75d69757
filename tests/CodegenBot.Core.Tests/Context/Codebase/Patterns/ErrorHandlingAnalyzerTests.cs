using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class ErrorHandlingAnalyzerTests
{
    [Fact]
    public void Analyze_CSharpCatches_CountsBareAndExceptionCatchesAsCatchAll()
    {
        const string Code = """
            public sealed class ConfigException : InvalidOperationException { }
            public sealed class Loader
            {
                public void Load()
                {
                    try { Read(); } catch { }
                    try { Read(); } catch (System.Exception ex) { Log(ex); }
                    try { Read(); } catch (IOException) { throw new ConfigException(); }
                    try { Read(); } catch (JsonException e) when (e.Path is null) { throw new Errors.ConfigException(); }
                    throw new ArgumentException("x");
                }
            }
            """;

        var patterns = PatternFixtures.Describe(new ErrorHandlingAnalyzer(), ("Loader.cs", Code));

        Assert.Equal(
        [
            "csharp catch-all clauses (catch (Exception) or bare catch) | 2 of 4 catch clauses (1 of 1 csharp files sampled) | 0.5",
            "csharp custom exception types | 1 types (ConfigException); 2 of 3 throw new use them (1 of 1 csharp files sampled) | 0.667",
        ], patterns);
    }

    [Fact]
    public void Analyze_NoErrorHandling_ReportsNothing()
    {
        Assert.Empty(PatternFixtures.Analyze(new ErrorHandlingAnalyzer(), ("a.py", "x = 1\n"), ("b.go", "package b\n")));
    }
}
