using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class CSharpSymbolExtractorTests
{
    private const string Source = """
        namespace Demo.Http;

        /// <summary>
        /// Retries failed calls.
        /// </summary>
        public sealed class RetryPolicy : IRetryPolicy
        {
            private readonly Random _random = new();
            public const int MaxAttempts = 3;

            public RetryPolicy(TimeSpan baseDelay) { }

            public TimeSpan BaseDelay { get; init; }

            /// <summary>The delay before a retry.</summary>
            public TimeSpan NextDelay<T>(int attempt, T state) => TimeSpan.FromSeconds(attempt);

            private sealed class Nested { }
        }

        public record Outcome(bool Succeeded);

        public enum Strategy { Fixed, Exponential }
        """;

    [Fact]
    public void Extract_Fixture_ReturnsDefinitionsWithSignaturesContainersAndSummaries()
    {
        var symbols = CSharpSymbolExtractor.Extract("src/RetryPolicy.cs", Source, TestContext.Current.CancellationToken);

        var rows = symbols.Definitions.Select(d => $"{d.Kind} {d.Name} @{d.Line} in {d.Container}: {d.Signature}").ToList();
        Assert.Equal(
        [
            "Namespace Demo.Http @1 in : namespace Demo.Http",
            "Class RetryPolicy @6 in Demo.Http: public sealed class RetryPolicy : IRetryPolicy",
            "Field _random @8 in RetryPolicy: private readonly Random _random",
            "Constant MaxAttempts @9 in RetryPolicy: public const int MaxAttempts",
            "Constructor RetryPolicy @11 in RetryPolicy: public RetryPolicy(TimeSpan baseDelay)",
            "Property BaseDelay @13 in RetryPolicy: public TimeSpan BaseDelay { get; init; }",
            "Method NextDelay @16 in RetryPolicy: public TimeSpan NextDelay<T>(int attempt, T state)",
            "Class Nested @18 in RetryPolicy: private sealed class Nested",
            "Record Outcome @21 in Demo.Http: public record Outcome(bool Succeeded)",
            "Enum Strategy @23 in Demo.Http: public enum Strategy",
            "Constant Fixed @23 in Strategy: Fixed",
            "Constant Exponential @23 in Strategy: Exponential",
        ], rows);
        Assert.Equal("Retries failed calls.", symbols.Definitions[1].Summary);
        Assert.Equal("The delay before a retry.", symbols.Definitions.Single(d => d.Name == "NextDelay").Summary);
    }

    [Fact]
    public void Extract_Summaries_ComeFromTheFirstDocumentationCommentWithoutXmlParsing()
    {
        const string source = """
            class Docs
            {
                /// <summary>
                /// Reads a <see cref="Docs"/>
                /// value.
                /// </summary>
                /// <param name="x">Not the summary.</param>
                void Lines(int x) { }

                /** <summary>Block form.</summary> */
                void Block() { }

                //// <summary>Four slashes: an ordinary comment.</summary>
                void Ordinary() { }

                /// <summary>First.</summary>
                // an ordinary comment between
                /// <summary>Second.</summary>
                void FirstBlockOnly() { }

                /// <remarks>No summary here.</remarks>
                void NoSummary() { }
            }
            """;

        var symbols = CSharpSymbolExtractor.Extract("Docs.cs", source, TestContext.Current.CancellationToken);

        var summaries = symbols.Definitions.Where(d => d.Kind == SymbolKind.Method).Select(d => $"{d.Name}: {d.Summary}").ToList();
        Assert.Equal(["Lines: Reads a <see cref=\"Docs\"/> value.", "Block: Block form.", "Ordinary: ", "FirstBlockOnly: First.", "NoSummary: "], summaries);
    }

    [Fact]
    public void Extract_References_AreUsedNamesNotOwnDefinitions()
    {
        var symbols = CSharpSymbolExtractor.Extract("src/RetryPolicy.cs", Source, TestContext.Current.CancellationToken);

        Assert.Contains("IRetryPolicy", symbols.References);
        Assert.Contains("TimeSpan", symbols.References);
        Assert.Contains("Random", symbols.References);
        Assert.DoesNotContain("RetryPolicy", symbols.References);
        Assert.Equal(symbols.References.Order(StringComparer.Ordinal), symbols.References);
    }

    [Fact]
    public void Extract_SyntaxError_StillYieldsWhatItCan()
    {
        var symbols = CSharpSymbolExtractor.Extract("a.cs", "class A { void M( { } \nclass B { }", TestContext.Current.CancellationToken);

        Assert.Contains(symbols.Definitions, d => d.Name == "A");
    }

    [Fact]
    public async Task ExtractAsync_MissingFile_IsSkipped()
    {
        var folder = Directory.CreateTempSubdirectory("codegen-cs-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "a.cs"), "class A { }");

            var result = await new CSharpSymbolExtractor().ExtractAsync(folder, ["a.cs", "missing.cs"], TestContext.Current.CancellationToken);

            Assert.Equal(["a.cs"], result.Select(r => r.Path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
