using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Generation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Cli.Commands;

/// <summary>The service provider of one command: the engine, logging to stderr at the configured level.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(CliContext context, CodegenOptions options, bool verbose)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging
            .SetMinimumLevel(verbose ? LogLevel.Debug : ToLogLevel(options.Monitoring.LogLevel))
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.IncludeScopes = false;
            })
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddSingleton(context.Time);
        var cacheFolder = ContextCacheFolder.Resolve(
            options.Context.CacheDirectory, context.Environment.GetValueOrDefault("XDG_CACHE_HOME"), context.Environment.GetValueOrDefault("HOME"));
        services.AddSingleton<IContextCacheStore>(sp => new FileContextCacheStore(cacheFolder, sp.GetRequiredService<ILogger<FileContextCacheStore>>()));
        services.AddSingleton(sp => new ChatClientFactory(context.Time, sp.GetRequiredService<ILoggerFactory>(), context.Random));
        services.AddSingleton<Core.Storage.ICodegenStoreFactory, Storage.CodegenStoreFactory>();
        services.AddCodegenBotCore();
        return services.BuildServiceProvider();
    }

    private static LogLevel ToLogLevel(LogVerbosity verbosity) => verbosity switch
    {
        LogVerbosity.Trace => LogLevel.Trace,
        LogVerbosity.Debug => LogLevel.Debug,
        LogVerbosity.Information => LogLevel.Information,
        LogVerbosity.Warning => LogLevel.Warning,
        _ => LogLevel.Error,
    };
}
