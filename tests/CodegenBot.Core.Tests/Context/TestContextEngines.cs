using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Core.Tests.Context;

/// <summary>Real context engines over a cache folder of the test's own.</summary>
internal static class TestContextEngines
{
    public static ContextEngineFactory Create(string cacheFolder, TimeProvider? time = null) =>
        new(
            new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(cacheFolder, NullLogger<FileContextCacheStore>.Instance),
            time ?? TimeProvider.System,
            NullLoggerFactory.Instance);
}
