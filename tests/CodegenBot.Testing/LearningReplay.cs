using System.Text.RegularExpressions;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Testing;

/// <summary>One task of a replay: how many attempts it took and how many lessons its prompt carried.</summary>
/// <param name="Task">The task text.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="Succeeded">Whether a change passed the checks.</param>
/// <param name="LessonsUsed">Lessons in its prompt.</param>
public sealed record ReplayedTask(string Task, int Attempts, bool Succeeded, int LessonsUsed);

/// <summary>The two arms of a replay and what learning changed.</summary>
/// <param name="Without">Tasks run with learning off.</param>
/// <param name="With">The same tasks, in the same order, with learning on.</param>
public sealed record ReplayResult(IReadOnlyList<ReplayedTask> Without, IReadOnlyList<ReplayedTask> With)
{
    /// <summary>Mean attempts to success with learning off.</summary>
    public double MeanAttemptsWithout => Without.Where(t => t.Succeeded).Average(t => t.Attempts);

    /// <summary>Mean attempts to success with learning on.</summary>
    public double MeanAttemptsWith => With.Where(t => t.Succeeded).Average(t => t.Attempts);

    /// <summary>Learning effectiveness of the experiment: 1 − mean attempts with learning ÷ without.</summary>
    public double Effectiveness => 1 - (MeanAttemptsWith / MeanAttemptsWithout);
}

/// <summary>
/// The learning experiment: a repository-specific mistake, made by a scripted model on a real local server
/// (OpenAI wire protocol) unless the prompt carries the lesson about it. The same tasks run twice through the real
/// pipeline, journal and SQLite store: with learning off, and with it on, where the problem recurring in two tasks
/// becomes a lesson that later prompts carry.
/// </summary>
public static partial class LearningReplay
{
    /// <summary>The base file every task extends.</summary>
    public const string Calculator = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    /// <summary>The methods the tasks ask for, one per task.</summary>
    public static readonly IReadOnlyList<string> Methods = ["Subtract", "Multiply", "Divide", "Remainder", "Maximum", "Minimum", "Average", "Power", "Negate", "Square"];

    /// <summary>Runs <paramref name="tasks"/> tasks with learning off, then the same tasks with learning on, each arm in a repository and store of its own under <paramref name="folder"/>.</summary>
    public static async Task<ReplayResult> RunAsync(string folder, int tasks, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tasks, Methods.Count);
        var without = await RunArmAsync(Path.Combine(folder, "without"), tasks, learning: false, cancellationToken);
        var with = await RunArmAsync(Path.Combine(folder, "with"), tasks, learning: true, cancellationToken);
        return new ReplayResult(without, with);
    }

    /// <summary>
    /// The scripted model: its first answer to a task forgets a semicolon (this repository's recurring mistake)
    /// unless the prompt carries the lesson about it; an answer after feedback, or with the lesson, is right.
    /// </summary>
    public static FakeResponse Answer(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var prompt = request.Messages.Last(m => m.Role == "user").Content;
        var method = MethodOf().Match(prompt).Groups["name"].Value;
        var knowsTheLesson = prompt.Contains("# Lessons from earlier work in this repository", StringComparison.Ordinal)
            && prompt.Contains("avoid it from the start: ; expected", StringComparison.Ordinal);
        var retried = prompt.Contains("# Feedback on your earlier attempts", StringComparison.Ordinal);
        var line = $"    public int {method}(int a, int b) => a - b{(knowsTheLesson || retried ? ";" : "")}\n";
        return FakeResponse.Text(
            $"I add {method}.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n    public int Add(int a, int b) => a + b;\n{line}>>>>>>> REPLACE\n```\n");
    }

    private static async Task<List<ReplayedTask>> RunArmAsync(string folder, int tasks, bool learning, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        using var repository = TempGitRepository.WithFiles(("src/Calculator.cs", Calculator), ("README.md", "# Demo\n"));
        await using var model = await FakeModelServer.StartAsync(cancellationToken);
        model.Respond(Answer);

        var defaults = ConfigurationLoader.Load(new ConfigurationInputs()).Options;
        var fast = defaults.Retry.QualityThreshold with { BaseDelay = TimeSpan.FromMilliseconds(1), Jitter = false };
        var options = defaults with
        {
            Model = defaults.Model with { Endpoint = model.BaseUrl.ToString(), Name = "replay-model" },
            Retry = defaults.Retry with { QualityThreshold = fast, ValidationFailed = fast },
            Learning = defaults.Learning with { Enabled = learning },
            Storage = defaults.Storage with { SqlitePath = Path.Combine(folder, "codegen.db") },
            Quality = defaults.Quality with { Validation = defaults.Quality.Validation with { Enabled = false } },
        };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IContextCacheStore>(sp => new FileContextCacheStore(Path.Combine(folder, "cache"), NullLogger<FileContextCacheStore>.Instance));
        services.AddCodegenBotCore();
        await using var provider = services.BuildServiceProvider();
        var pipeline = provider.GetRequiredService<GenerationPipeline>();
        await using var store = await new Storage.CodegenStoreFactory(NullLogger<Storage.CodegenStoreFactory>.Instance, TimeProvider.System)
            .OpenAsync(options.Storage, new Dictionary<string, string?>(), cancellationToken);
        var environment = new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-replay-0123456789" };

        var results = new List<ReplayedTask>();
        foreach (var method in Methods.Take(tasks))
        {
            var journal = new RunJournal(store, options, TimeProvider.System, provider.GetRequiredService<ILogger<RunJournal>>());
            var request = new GenerationRequest { RepositoryPath = repository.Path, Task = $"Add a {method} method to src/Calculator.cs", Mode = GenerationMode.Feature, DryRun = true };
            request = await journal.BeginAsync(request, new TaskIdentity($"replay#{method}", "replay/demo"), cancellationToken);
            var outcome = await pipeline.RunAsync(request, options, environment, journal.Heartbeat(), cancellationToken);
            await journal.CompleteAsync(outcome, cancellationToken);
            results.Add(new ReplayedTask(request.Task, outcome.Attempts.Count, outcome.Succeeded, request.Lessons.Count));
        }

        return results;
    }

    [GeneratedRegex(@"Add a (?<name>\w+) method")]
    private static partial Regex MethodOf();
}
