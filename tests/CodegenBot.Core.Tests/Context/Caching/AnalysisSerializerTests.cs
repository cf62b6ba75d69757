using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Caching;

public sealed class AnalysisSerializerTests
{
    private static readonly RepositoryAnalysis Sample = new("tree-1",
    [
        new FileAnalysis(
            new RepositoryFile("src/Http/RetryPolicy.cs", 1234, SkipReason.None, "csharp", 40, Tracked: true),
            "0123456789abcdef0123456789abcdef01234567",
            new FileSymbols("src/Http/RetryPolicy.cs", "csharp",
                [
                    new SymbolDefinition("RetryPolicy", SymbolKind.Class, "src/Http/RetryPolicy.cs", 3, 40, "public sealed class RetryPolicy", null, "Retries failed calls."),
                    new SymbolDefinition("NextDelay", SymbolKind.Method, "src/Http/RetryPolicy.cs", 10, 20, "public TimeSpan NextDelay(int attempt)", "RetryPolicy", null),
                ],
                ["TimeSpan", "Jitter", "Jitter"]),
            TermBag.ForFile("src/Http/RetryPolicy.cs", "// Retries with jitter\nclass RetryPolicy { TimeSpan NextDelay(int attempt) => Jitter.Next(); }", [])),
        new FileAnalysis(
            new RepositoryFile("assets/logo.png", 99, SkipReason.Binary, null, 0, Tracked: false),
            "fedcba9876543210fedcba9876543210fedcba98",
            new FileSymbols("assets/logo.png", "", [], []),
            TermBag.Empty),
    ]);

    [Fact]
    public void RoundTrip_KeepsEveryField()
    {
        var back = AnalysisSerializer.Deserialize(AnalysisSerializer.Serialize(Sample));

        Assert.Equal(Sample.TreeKey, back.TreeKey);
        Assert.Equal(Sample.Files.Count, back.Files.Count);
        for (var i = 0; i < Sample.Files.Count; i++)
        {
            var (expected, actual) = (Sample.Files[i], back.Files[i]);
            Assert.Equal(expected.File, actual.File);
            Assert.Equal(expected.BlobId, actual.BlobId);
            Assert.Equal(expected.Symbols.Language, actual.Symbols.Language);
            Assert.Equal(expected.Symbols.Definitions, actual.Symbols.Definitions);
            Assert.Equal(expected.Symbols.References, actual.Symbols.References);
            Assert.Equal(expected.Terms.Terms, actual.Terms.Terms);
            Assert.Equal(expected.Terms.Counts, actual.Terms.Counts);
        }
    }

    [Fact]
    public void RoundTrip_SharesRepeatedStrings()
    {
        var back = AnalysisSerializer.Deserialize(AnalysisSerializer.Serialize(Sample));

        Assert.Same(back.Files[0].Symbols.References[1], back.Files[0].Symbols.References[2]);
    }

    [Fact]
    public void Deserialize_TruncatedOrGarbage_ThrowsInvalidData()
    {
        var bytes = AnalysisSerializer.Serialize(Sample);
        for (var length = 0; length < bytes.Length; length += 7)
        {
            Assert.Throws<InvalidDataException>(() => AnalysisSerializer.Deserialize(bytes[..length]));
        }

        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var garbage = (byte[])bytes.Clone();
            garbage[random.Next(garbage.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                AnalysisSerializer.Deserialize(garbage);
            }
            catch (InvalidDataException)
            {
                // Expected for most flips; a flip inside a string's text may still parse, which is fine.
            }
        }
    }
}
