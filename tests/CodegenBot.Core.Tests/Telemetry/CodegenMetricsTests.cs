using System.Diagnostics.Metrics;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Telemetry;
using CodegenBot.Core.Tests.Context;
using CodegenBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Core.Tests.Telemetry;

/// <summary>The meter's instruments, measured around one real run. Not parallel: the meter is process-wide.</summary>
[Collection(ProcessWideMeter.Name)]
public sealed class CodegenMetricsTests : IAsyncLifetime
{
    private const string Original = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly string _cacheFolder = Directory.CreateTempSubdirectory("codegen-metrics-").FullName;
    private readonly TempGitRepository _repo = TempGitRepository.WithFiles(("src/Calculator.cs", Original));
    private readonly List<(string Name, double Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly MeterListener _listener = new();
    private FakeModelServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CodegenMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _server.DisposeAsync();
        _repo.Dispose();
        Directory.Delete(_cacheFolder, recursive: true);
    }

    [Fact]
    public async Task RunAsync_OneGeneration_RecordsOutcomeDurationScoreContextAndAttempts()
    {
        _server.Enqueue(FakeResponse.Text("src/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n    public int Add(int a, int b) => a + b;\n    public int Subtract(int a, int b) => a - b;\n>>>>>>> REPLACE\n```\n"));

        var outcome = await RunAsync();

        Assert.True(outcome.Succeeded, outcome.GiveUpReason);
        var generation = Assert.Single(Named("codegen.generations"));
        Assert.Equal(("succeeded", "feature"), (generation.Tags["outcome"], generation.Tags["mode"]));
        Assert.Single(Named("codegen.generation.duration"));
        var score = Assert.Single(Named("codegen.quality.score"));
        Assert.Equal(outcome.Attempts[^1].Assessment!.Overall, score.Value);
        // The gathering's wall time, not the sum of its phases (they nest: the index's own phases, ranking within the profile's).
        Assert.Equal(outcome.Context.Duration.TotalSeconds, Assert.Single(Named("codegen.context.duration")).Value);
        Assert.Equal("miss", Assert.Single(Named("codegen.context.tree_cache.lookups")).Tags["result"]);
        Assert.Equal(outcome.Context.Index.Analysed, Named("codegen.context.files").Where(m => (string?)m.Tags["cache"] == "analysed").Sum(m => m.Value));
        Assert.Equal("passed", Assert.Single(Named("codegen.attempts")).Tags["outcome"]);
        Assert.Contains(Named("codegen.tokens"), m => (string?)m.Tags["kind"] == "output" && m.Value > 0);
    }

    private List<(string Name, double Value, Dictionary<string, object?> Tags)> Named(string name)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Name == name).ToList();
        }
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }

    private Task<GenerationOutcome> RunAsync()
    {
        var options = ConfigurationLoader.Load(new ConfigurationInputs()).Options;
        options = options with { Model = options.Model with { Endpoint = _server.BaseUrl.ToString(), Name = "test-model" } };
        var pipeline = new GenerationPipeline(
            new ChatClientFactory(_time, NullLoggerFactory.Instance, () => 0.5),
            TestContextEngines.Create(_cacheFolder, _time),
            [new CSharpAnalyzer()],
            [],
            _time,
            NullLogger<GenerationPipeline>.Instance);
        var request = new GenerationRequest { RepositoryPath = _repo.Path, Task = "Add a Subtract method to src/Calculator.cs", Mode = GenerationMode.Feature };
        return _time.RunAsync(() => pipeline.RunAsync(request, options, TestEnvironment.With(), TestContext.Current.CancellationToken));
    }
}

/// <summary>Tests that listen to the process-wide meter run alone, so no other test's measurements mix in.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeter
{
    public const string Name = "Metrics";
}
