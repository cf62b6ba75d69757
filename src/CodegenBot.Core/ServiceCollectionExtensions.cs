using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Quality.Rules;
using CodegenBot.Core.Quality.Languages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodegenBot.Core;

/// <summary>Registers the engine; the CLI and the webhook app both call <see cref="AddCodegenBotCore"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the pipeline and its parts. Idempotent: a second call changes nothing.</summary>
    public static IServiceCollection AddCodegenBotCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatClientFactory>(sp => new ChatClientFactory(
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, CSharpAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, PythonAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, JavaScriptAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, TypeScriptAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, GoAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, JavaAnalyzer>());

        // Last: the assessor takes the first analyzer that can analyse a file, and this one takes what is left.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILanguageAnalyzer, GenericTextAnalyzer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISymbolExtractor, CSharpSymbolExtractor>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISymbolExtractor, CtagsSymbolExtractor>(_ => new CtagsSymbolExtractor()));
        services.TryAddSingleton<SymbolExtractorRegistry>();
        services.TryAddSingleton<IContextCacheStore>(sp => new FileContextCacheStore(
            ContextCacheFolder.Default(), sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FileContextCacheStore>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQualityRule, HardcodedSecretRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQualityRule, StringConcatenationInLoopRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IQualityRule, RepeatedEnumerationRule>());
        services.TryAddSingleton<QualityRuleSet>();
        services.TryAddSingleton(_ => ContextMemory.ForOneShotProcess());
        services.TryAddSingleton<ContextEngineFactory>();

        // The rules they run are the registered ones plus the shipped pattern rules, loaded when first enumerated.
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<QualityAssessorFactory>(sp, sp.GetRequiredService<QualityRuleSet>()));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<GenerationPipeline>(sp, sp.GetRequiredService<QualityRuleSet>()));
        return services;
    }
}
