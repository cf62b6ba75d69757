using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests;

public sealed class EngineWarmUpTests
{
    [Fact]
    public async Task Start_CompletesWithEveryPartReady()
    {
        await EngineWarmUp.Start(rules: true).WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void CSharpSample_TakesTheExtractorThroughEveryDeclarationKind()
    {
        var symbols = CSharpSymbolExtractor.Extract("Sample.cs", EngineWarmUp.CSharpSample, CancellationToken.None);

        var kinds = symbols.Definitions.Select(d => d.Kind).ToHashSet();
        SymbolKind[] expected =
        [
            SymbolKind.Namespace, SymbolKind.Class, SymbolKind.Interface, SymbolKind.Struct, SymbolKind.Record, SymbolKind.Enum,
            SymbolKind.Delegate, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event, SymbolKind.Constant,
        ];
        Assert.All(expected, kind => Assert.Contains(kind, kinds));
        Assert.Contains(symbols.Definitions, d => d.Summary == "A sample.");
    }
}
