using System.Diagnostics;
using System.Globalization;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Context.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Bench.Context;

/// <summary>
/// The context engine in a long-lived process (the webhook app's shape): one engine factory with a resident
/// <see cref="ContextMemory"/>, a first run on an empty cache, warm runs on the unchanged tree, then an incremental
/// run after appending a line to 10 source files (the same files <c>bench/context-speed.sh</c> changes), and warm
/// runs again. The changed files are restored with git at the end.
/// </summary>
internal static class ResidentContextBenchmark
{
    public static async Task<int> RunAsync(string root, string cacheFolder, string taskText, int warmRuns, TextWriter output, CancellationToken cancellationToken)
    {
        var memory = new ContextMemory(resident: true);
        var factory = new ContextEngineFactory(
            new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(cacheFolder, NullLogger<FileContextCacheStore>.Instance),
            TimeProvider.System,
            NullLoggerFactory.Instance,
            memory);
        var options = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = root }).Options;
        var task = TaskParser.Parse(taskText);

        async Task<double> Run(string label)
        {
            var watch = Stopwatch.StartNew();
            var gathered = await factory.Create(options).BuildAsync(root, root, task, null, cancellationToken);
            var seconds = watch.Elapsed.TotalSeconds;
            var phases = string.Join(", ", gathered.Phases.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name.Replace("index: ", "", StringComparison.Ordinal)} {p.Elapsed.TotalMilliseconds:F0}")));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-14} {seconds * 1000,8:F0} ms  analysed {gathered.Index.Analysed,5}  [{phases}]"));
            return seconds;
        }

        async Task<double> Warm(string label)
        {
            var times = new List<double>();
            for (var i = 0; i < warmRuns; i++)
            {
                times.Add(await Run(label));
            }

            return times.Order().ElementAt(times.Count / 2);
        }

        var cold = await Run("cold");
        await memory.FlushAsync();
        var warm = await Warm("warm");

        var changed = (await Git.RunAsync(root, cancellationToken, "ls-files", "*.cs", "*.ts", "*.py"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(10).ToList();
        try
        {
            foreach (var file in changed)
            {
                await File.AppendAllTextAsync(Path.Combine(root, file), "// bench change\n", cancellationToken);
            }

            var incremental = await Run("incremental");
            var warmAfter = await Warm("warm again");
            await memory.FlushAsync();
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"resident: cold {cold:F2} s, warm median {warm * 1000:F0} ms, incremental {incremental * 1000:F0} ms (incremental/cold {incremental / cold:F2}), warm after the change median {warmAfter * 1000:F0} ms, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB"));
        }
        finally
        {
            await Git.RunAsync(root, CancellationToken.None, ["checkout", "--", .. changed]);
        }

        return 0;
    }
}
