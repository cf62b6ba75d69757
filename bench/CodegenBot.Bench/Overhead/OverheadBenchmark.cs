using System.Globalization;
using System.Text;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Requests;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Bench.Overhead;

/// <summary>
/// The pipeline's own cost per attempt, against the fake model server (which answers at once): a repository of
/// generated C# files, one scripted good answer per run, and for each run the attempt's time without the model
/// stage (prompt, apply, stage, mode criteria, assessment) and the whole run's time without it (context from a
/// warm cache, work tree, attempt, commit, cleanup).
/// </summary>
internal static class OverheadBenchmark
{
    private const string Original = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    public static async Task<string> RunAsync(int runs, int files, CancellationToken cancellationToken)
    {
        var sources = Enumerable.Range(0, files).Select(i => ($"src/Module{i / 20}/Service{i}.cs", Service(i))).Prepend(("src/Calculator.cs", Original)).ToArray();
        using var repo = TempGitRepository.WithFiles(sources);
        var cache = Directory.CreateTempSubdirectory("codegen-overhead-").FullName;
        await using var server = await FakeModelServer.StartAsync(cancellationToken);
        server.Respond(_ => FakeResponse.Text(
            "Adds Subtract beside Add.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n" +
            "    public int Add(int a, int b) => a + b;\n\n    /// <summary>a minus b.</summary>\n    public int Subtract(int a, int b) => a - b;\n>>>>>>> REPLACE\n```\n"));
        var defaults = ConfigurationLoader.Load(new ConfigurationInputs()).Options;
        var options = defaults with { Model = defaults.Model with { Endpoint = server.BaseUrl.ToString(), Name = "bench-model" } };
        var pipeline = new GenerationPipeline(
            new ChatClientFactory(TimeProvider.System, NullLoggerFactory.Instance),
            new ContextEngineFactory(
                new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
                new FileContextCacheStore(cache, NullLogger<FileContextCacheStore>.Instance),
                TimeProvider.System,
                NullLoggerFactory.Instance),
            [new CSharpAnalyzer()],
            [],
            TimeProvider.System,
            NullLogger<GenerationPipeline>.Instance);

        var attempt = new List<double>();
        var run = new List<double>();
        var model = new List<double>();
        try
        {
            for (var i = 0; i <= runs; i++)
            {
                var started = TimeProvider.System.GetTimestamp();
                var outcome = await pipeline.RunAsync(
                    new GenerationRequest { RepositoryPath = repo.Path, Task = "Add a Subtract method to src/Calculator.cs", DryRun = true },
                    options,
                    new Dictionary<string, string?>(),
                    cancellationToken);
                var total = TimeProvider.System.GetElapsedTime(started);
                if (!outcome.Succeeded)
                {
                    throw new InvalidOperationException($"The benchmark run failed: {outcome.GiveUpReason}");
                }

                if (i == 0)
                {
                    continue; // The first run indexes the repository cold and JIT-compiles everything.
                }

                var modelTime = outcome.Timings.Where(t => t.Stage == "model").Sum(t => t.Elapsed.TotalMilliseconds);
                model.Add(modelTime);
                attempt.Add(outcome.Attempts.Single().Duration.TotalMilliseconds - modelTime);
                run.Add(total.TotalMilliseconds - modelTime);
            }
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }

        var builder = new StringBuilder();
        builder.AppendLine(CultureInfo.InvariantCulture, $"{runs} runs on a repository of {files + 1} C# files (after one warm-up run); milliseconds.");
        builder.AppendLine();
        builder.AppendLine("| Measure | p50 | p95 | max |");
        builder.AppendLine("|---|---:|---:|---:|");
        Row(builder, "attempt without the model call (prompt, apply, stage, criteria, assess)", attempt);
        Row(builder, "whole run without the model call (context, work tree, attempt, cleanup)", run);
        Row(builder, "model call to the zero-latency fake (client, HTTP, middleware)", model);
        return builder.ToString();
    }

    private static void Row(StringBuilder builder, string name, List<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        builder.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {At(0.5):0.0} | {At(0.95):0.0} | {sorted[^1]:0.0} |");
    }

    private static string Service(int i) => $$"""
        namespace Demo.Module{{i / 20}};

        /// <summary>Service number {{i}}.</summary>
        public sealed class Service{{i}}
        {
            private readonly int _seed = {{i}};

            /// <summary>Computes a value.</summary>
            public int Compute(int x) => x * _seed + {{i % 7}};

            /// <summary>Describes the service.</summary>
            public string Describe() => $"Service {{i}} with seed {_seed}";
        }

        """;
}
