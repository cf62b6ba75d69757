using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context;

/// <summary>Creates a <see cref="ContextEngine"/> for the configuration of one run, from the shared services.</summary>
/// <remarks>The engines share one <see cref="ContextMemory"/>, so a long-lived process keeps its latest analyses between runs.</remarks>
internal sealed class ContextEngineFactory(SymbolExtractorRegistry extractors, IContextCacheStore cache, TimeProvider time, ILoggerFactory loggers, ContextMemory? memory = null)
{
    public ContextEngine Create(CodegenOptions options) =>
        new(options, TokenCounter.Default, new RepositoryIndexer(options.Context, extractors, cache, time, loggers.CreateLogger<RepositoryIndexer>(), memory), cache, time, memory);
}
