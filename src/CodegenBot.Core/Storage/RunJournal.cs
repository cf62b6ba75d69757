using System.Text.Json;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Storage;

/// <summary>Which task a run works on, and for whom.</summary>
/// <param name="TaskId">The task's stable id (<c>owner/name#12</c>, <c>owner/name:branch</c>, or a local path and branch).</param>
/// <param name="Repository">The repository (owner/name, or a local path).</param>
/// <param name="Actor">The person who asked, when known.</param>
public sealed record TaskIdentity(string TaskId, string Repository, string Actor = "");

/// <summary>
/// Writes one run into the store as it goes: the task moved to running with a checkpoint (what a resumed run
/// needs) when it starts; lessons and the repository's recurring feedback brought into the request; attempts,
/// feedback, lessons learnt, the run's figures and the final state when it ends. A store that fails mid-run
/// costs a warning, not the run: the change is still delivered and the task stays "running", which
/// <see cref="ITaskStore.ResumableAsync"/> lists once it is stale.
/// </summary>
public sealed partial class RunJournal(ICodegenStore? store, CodegenOptions options, TimeProvider time, ILogger<RunJournal> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private TaskIdentity? _identity;
    private bool _holdsTask;
    private string _checkpoint = "";
    private DateTimeOffset _started;
    private bool _broken;

    /// <summary>This run's id.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Records the start of the run and returns the request with what the store knows for it (lessons).</summary>
    public async Task<GenerationRequest> BeginAsync(GenerationRequest request, TaskIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _identity = identity;
        _started = time.GetUtcNow();
        if (store is null)
        {
            return request;
        }

        await SafeAsync("the start of the task", async () =>
        {
            var task = await store.Tasks.UpsertAsync(
                new TaskRecord
                {
                    Id = identity.TaskId,
                    Repository = identity.Repository,
                    Mode = ConfigNames.EnumValue(request.Mode),
                    Title = request.EffectiveTitle,
                    Checkpoint = _checkpoint = Checkpoint(request, RunId),
                    CreatedAt = _started,
                    UpdatedAt = _started,
                },
                cancellationToken);
            var started = $"run {RunId} started{(identity.Actor.Length > 0 ? $" for {identity.Actor}" : "")}";
            _holdsTask = task.State == TaskState.Running
                ? await store.Tasks.TakeOverAsync(task.Id, _started - options.Storage.StaleAfter, RunId, _started, cancellationToken)
                : await store.Tasks.TransitionAsync(task.Id, task.State, TaskState.Running, RunId, started, _started, cancellationToken);
            if (_holdsTask)
            {
                await store.Tasks.SaveCheckpointAsync(task.Id, RunId, _checkpoint, _started, cancellationToken);
            }
            else
            {
                // Another run is working on it (a revise next to a retry): record this run's figures, leave the task's state to that run.
                LogTaskBusy(logger, task.Id, task.Owner);
            }
        }, cancellationToken);

        if (!options.Learning.Enabled || _broken)
        {
            return request;
        }

        // The lessons most relevant to this task (the prompt carries exactly these), and the problems the
        // repository's earlier tasks kept hitting (the feedback processor ranks them up when they recur).
        var lessons = await SafeAsync("the repository's lessons", () => store.Lessons.ListAsync(identity.Repository, cancellationToken), cancellationToken) ?? [];
        var task = Context.Tasks.TaskParser.Parse(request.Task, request.Labels, request.Title);
        var chosen = Learning.LessonSelector.Choose(lessons, task, options.Learning, _started).Select(c => c.Lesson).ToList();
        var patterns = await SafeAsync(
            "the repository's recurring feedback",
            () => store.Feedback.PatternsAsync(identity.Repository, Feedback.FeedbackProcessor.MinRepositoryTasks, _started - PatternWindow, MaxPatterns, cancellationToken),
            cancellationToken) ?? [];
        return request with { Lessons = chosen, RepositoryPatterns = patterns };
    }

    /// <summary>How far back feedback counts towards a repository's patterns.</summary>
    public static readonly TimeSpan PatternWindow = TimeSpan.FromDays(180);

    /// <summary>Most repository patterns read for one run.</summary>
    public const int MaxPatterns = 200;

    /// <summary>Records how the run ended.</summary>
    public async Task CompleteAsync(GenerationOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (store is null || _identity is null || _broken)
        {
            return;
        }

        var identity = _identity;
        var now = time.GetUtcNow();
        await SafeAsync("the run's attempts and figures", async () =>
        {
            foreach (var attempt in outcome.Attempts)
            {
                await store.Tasks.RecordAttemptAsync(
                    new AttemptEntry
                    {
                        TaskId = identity.TaskId,
                        RunId = RunId,
                        Number = attempt.Number,
                        Failure = attempt.Failure is { } failure ? ConfigNames.EnumValue(failure) : "",
                        Summary = attempt.FailureSummary ?? "",
                        QualityScore = attempt.Assessment?.Overall,
                        InputTokens = attempt.InputTokens,
                        OutputTokens = attempt.OutputTokens,
                        Cost = attempt.Cost,
                        Duration = attempt.Duration,
                        At = now,
                    },
                    cancellationToken);
            }

            await store.Runs.RecordAsync(Run(outcome, identity, RunId, _started, now), cancellationToken);
            if (options.Learning.Enabled)
            {
                await LearnAsync(store, outcome, identity, now, cancellationToken);
            }

            if (_holdsTask)
            {
                await store.Tasks.TransitionAsync(
                    identity.TaskId, TaskState.Running, outcome.Succeeded ? TaskState.Succeeded : TaskState.Failed, RunId,
                    outcome.Succeeded ? $"run {RunId} passed the checks" : $"run {RunId} gave up: {outcome.GiveUpReason}", now, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Records the task's feedback, then updates the repository's lessons from it (<see cref="Learning.LessonLearner"/>).</summary>
    private static async Task LearnAsync(ICodegenStore store, GenerationOutcome outcome, TaskIdentity identity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entries = Entries(outcome.Feedback.Items, identity, now);
        await store.Feedback.RecordAsync(entries, cancellationToken);
        var patterns = await store.Feedback.PatternsAsync(identity.Repository, Learning.LessonLearner.MinTasksForLesson, now - PatternWindow, MaxPatterns, cancellationToken);
        var existing = await store.Lessons.ListAsync(identity.Repository, cancellationToken);
        // The lessons the prompt carried, as stored now (another run may have changed them since this one began).
        var sent = outcome.Request.Lessons.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var used = existing.Where(l => sent.Contains(l.Id)).ToList();
        var changed = Learning.LessonLearner.Learn(identity.Repository, identity.TaskId, outcome.Succeeded, entries, patterns, existing, used, now);
        foreach (var lesson in changed)
        {
            await store.Lessons.UpsertAsync(lesson, cancellationToken);
        }

        CodegenMetrics.RecordLearning(outcome.LessonsUsed.Count, outcome.Attempts.Count, outcome.Succeeded, changed.Count);
    }

    /// <summary>Records a run that stopped without an outcome: cancelled, or failed with <paramref name="error"/>.</summary>
    public async Task AbortAsync(Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (store is null || _identity is null || _broken || !_holdsTask)
        {
            return;
        }

        var (state, reason) = error is OperationCanceledException
            ? (TaskState.Interrupted, $"run {RunId} was cancelled")
            : (TaskState.Failed, $"run {RunId} failed: {(error is UserErrorException ? error.Message : error.GetType().Name)}");
        var identity = _identity;
        await SafeAsync("the end of the task", () => store.Tasks.TransitionAsync(identity.TaskId, TaskState.Running, state, RunId, reason, time.GetUtcNow(), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// An observer that marks the task alive as each stage ends (so a long run is not taken for a dead one), then
    /// tells <paramref name="inner"/>.
    /// </summary>
    public IPipelineObserver Heartbeat(IPipelineObserver? inner = null) => new HeartbeatObserver(this, inner ?? IPipelineObserver.None);

    private Task BeatAsync(CancellationToken cancellationToken) =>
        store is null || _identity is not { } identity || _broken || !_holdsTask
            ? Task.CompletedTask
            : SafeAsync("a sign of life", () => store.Tasks.SaveCheckpointAsync(identity.TaskId, RunId, _checkpoint, time.GetUtcNow(), cancellationToken), cancellationToken);

    private sealed class HeartbeatObserver(RunJournal journal, IPipelineObserver inner) : IPipelineObserver
    {
        public async ValueTask OnContextAsync(Context.GatheredContext context, CancellationToken cancellationToken)
        {
            await journal.BeatAsync(cancellationToken);
            await inner.OnContextAsync(context, cancellationToken);
        }

        public async ValueTask OnAttemptAsync(AttemptRecord attempt, int maxAttempts, CancellationToken cancellationToken)
        {
            await journal.BeatAsync(cancellationToken);
            await inner.OnAttemptAsync(attempt, maxAttempts, cancellationToken);
        }
    }

    /// <summary>Records what people said about a task outside a run (a review on its pull request).</summary>
    public Task RecordUserFeedbackAsync(TaskIdentity identity, IReadOnlyList<Feedback.FeedbackItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(items);
        if (store is null || _broken || items.Count == 0)
        {
            return Task.CompletedTask;
        }

        _identity ??= identity;
        var now = time.GetUtcNow();
        return SafeAsync("the review feedback", () => store.Feedback.RecordAsync(Entries(items, identity, now), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Records how a task's pull request ended: USER feedback, and the lessons that shaped the task confirmed
    /// (merged) or contradicted (closed unmerged).
    /// </summary>
    public async Task RecordPullRequestOutcomeAsync(TaskIdentity identity, bool merged, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (store is null || _broken)
        {
            return;
        }

        _identity ??= identity;
        var now = time.GetUtcNow();
        await SafeAsync("the pull request's outcome", async () =>
        {
            await store.Feedback.RecordAsync(Entries([Feedback.FeedbackNormalizer.FromPullRequestOutcome(merged)], identity, now), cancellationToken);
            if (options.Learning.Enabled)
            {
                var lessons = await store.Lessons.ListAsync(identity.Repository, cancellationToken);
                foreach (var lesson in Learning.LessonLearner.FromPullRequestOutcome(lessons, identity.TaskId, merged, now))
                {
                    await store.Lessons.UpsertAsync(lesson, cancellationToken);
                }
            }
        }, cancellationToken);
    }

    private static List<FeedbackEntry> Entries(IEnumerable<Feedback.FeedbackItem> items, TaskIdentity identity, DateTimeOffset now) =>
        [.. items.Select(i => new FeedbackEntry { Repository = identity.Repository, TaskId = identity.TaskId, Key = i.Key, Category = i.CategoryName, Message = i.Message, At = now })];

    /// <summary>The run's figures, for <see cref="IRunHistory"/>.</summary>
    internal static RunRecord Run(GenerationOutcome outcome, TaskIdentity identity, string runId, DateTimeOffset started, DateTimeOffset ended)
    {
        TimeSpan Stage(string name) => outcome.Timings.Where(t => t.Stage == name).Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Elapsed);
        var retried = outcome.Attempts.Take(outcome.Attempts.Count - 1).Where(a => a.Failure is not null);
        return new RunRecord
        {
            RunId = runId,
            TaskId = identity.TaskId,
            Repository = identity.Repository,
            Mode = ConfigNames.EnumValue(outcome.Request.Mode),
            Outcome = outcome.Succeeded ? "succeeded" : "gave_up",
            Failure = outcome.Attempts[^1].Failure is { } failure ? ConfigNames.EnumValue(failure) : "",
            StartedAt = started,
            Duration = ended - started,
            Attempts = outcome.Attempts.Count,
            QualityScore = outcome.Attempts.LastOrDefault(a => a.Assessment is not null)?.Assessment?.Overall,
            InputTokens = outcome.InputTokens,
            OutputTokens = outcome.OutputTokens,
            Cost = outcome.Cost,
            ContextTime = Stage("context"),
            CacheHits = outcome.Context.Index.Reused,
            CacheLookups = outcome.Context.Index.Reused + outcome.Context.Index.Analysed,
            ModelTime = Stage("model"),
            ModelRetries = outcome.CallRetries.Values.Sum(r => r.Count),
            RetriesByReason = retried.GroupBy(a => ConfigNames.EnumValue(a.Failure!.Value)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            LessonsUsed = outcome.LessonsUsed.Count,
            Model = outcome.Model.Model,
        };
    }

    /// <summary>What a resumed run needs: the request without anything secret (it holds no credentials).</summary>
    private static string Checkpoint(GenerationRequest request, string runId) => JsonSerializer.Serialize(
        new
        {
            run = runId,
            mode = ConfigNames.EnumValue(request.Mode),
            title = request.Title,
            task = request.Task,
            labels = request.Labels,
            branch = request.Branch,
            startPoint = request.StartPoint,
        },
        Json);

    private async Task SafeAsync(string what, Func<Task> work, CancellationToken cancellationToken) =>
        await SafeAsync<bool>(what, async () =>
        {
            await work();
            return true;
        }, cancellationToken);

    private async Task<T?> SafeAsync<T>(string what, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        if (_broken)
        {
            return default;
        }

        try
        {
            return await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !(ex is StoreUnavailableException && cancellationToken.IsCancellationRequested))
        {
            // A store must never fail a run that has started: an unreachable store, or a bug here, costs the record, not the change.
            _broken = true;
            LogStoreFailed(logger, what, _identity?.TaskId ?? "", ex is StoreUnavailableException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}");
            return default;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} is being worked on by run {Owner}; this run's attempts and figures are recorded, the task's state is left to that run")]
    private static partial void LogTaskBusy(ILogger logger, string taskId, string owner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {What} for task {TaskId}; the run goes on without the store, and the task stays resumable: {Reason}")]
    private static partial void LogStoreFailed(ILogger logger, string what, string taskId, string reason);
}
