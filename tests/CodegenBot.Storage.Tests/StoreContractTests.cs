using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Learning;
using CodegenBot.Core.Storage;
using CodegenBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CodegenBot.Storage.Tests;

/// <summary>
/// The behaviour every store must have. Runs once per implementation (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>); each test starts from an empty database of its own.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly List<ICodegenStore> _opened = [];

    protected FakeTimeProvider Time { get; } = new(T0);

    private protected ListLogger<CodegenStoreFactory> Logger { get; } = new();

    /// <summary>Prepares an empty database; returns the options and environment that open it.</summary>
    protected abstract Task<(StorageOptions Options, Dictionary<string, string?> Environment)> PrepareAsync();

    private (StorageOptions Options, Dictionary<string, string?> Environment)? _target;

    protected async Task<ICodegenStore> OpenAsync()
    {
        _target ??= await PrepareAsync();
        var store = await new CodegenStoreFactory(Logger, Time).OpenAsync(_target.Value.Options, _target.Value.Environment, TestContext.Current.CancellationToken);
        Assert.NotNull(store);
        _opened.Add(store);
        return store;
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TaskRecord NewTask(string id, TaskState state = TaskState.Queued, DateTimeOffset? at = null) => new()
    {
        Id = id,
        Repository = "octo/app",
        Mode = "feature",
        Title = "Add a thing",
        State = state,
        Checkpoint = """{"issue":12}""",
        CreatedAt = at ?? T0,
        UpdatedAt = at ?? T0,
    };

    [Fact]
    public async Task Open_Twice_AppliesMigrationsOnceAndKeepsData()
    {
        var first = await OpenAsync();
        await first.Tasks.UpsertAsync(NewTask("octo/app#1"), Token);
        var migrated = Logger.Entries.Count(e => e.Message.Contains("Applied schema migrations", StringComparison.Ordinal));

        var second = await OpenAsync();

        Assert.Equal(1, migrated);
        Assert.Equal(migrated, Logger.Entries.Count(e => e.Message.Contains("Applied schema migrations", StringComparison.Ordinal)));
        Assert.NotNull(await second.Tasks.GetAsync("octo/app#1", Token));
    }

    [Fact]
    public async Task Open_ManyProcessesAtOnce_AllSucceedAndMigrateOnce()
    {
        _target = await PrepareAsync();
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(OpenAsync, Token)));

        Assert.Equal(1, Logger.Entries.Count(e => e.Message.Contains("Applied schema migrations", StringComparison.Ordinal)));
        await stores[0].Audit.AppendAsync(new AuditEntry { At = T0, Repository = "octo/app", Action = "git.push" }, Token);
        Assert.Single(await stores[3].Audit.QueryAsync(T0, null, null, 10, Token));
    }

    [Fact]
    public async Task Upsert_ExistingTask_TakesTheNewTitle_KeepsStateHolderCheckpointAndTimes()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#1"), Token);
        Assert.True(await store.Tasks.TransitionAsync("octo/app#1", TaskState.Queued, TaskState.Running, "run-a", "started", T0.AddSeconds(1), Token));

        var again = await store.Tasks.UpsertAsync(NewTask("octo/app#1", TaskState.Queued, T0.AddMinutes(5)) with { Title = "Renamed", Checkpoint = "{}" }, Token);

        Assert.Equal(TaskState.Running, again.State);
        Assert.Equal("run-a", again.Owner);
        Assert.Equal("Renamed", again.Title);
        Assert.Equal("""{"issue":12}""", again.Checkpoint);
        Assert.Equal(T0, again.CreatedAt);
        Assert.Equal(T0.AddSeconds(1), again.UpdatedAt);
    }

    [Fact]
    public async Task Transition_FromTheExpectedState_MovesAndRecordsHistory()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#2"), Token);

        Assert.True(await store.Tasks.TransitionAsync("octo/app#2", TaskState.Queued, TaskState.Running, "run-a", "label", T0.AddSeconds(1), Token));
        Assert.True(await store.Tasks.TransitionAsync("octo/app#2", TaskState.Running, TaskState.Succeeded, "run-a", "pull request #3", T0.AddSeconds(9), Token));
        Assert.False(await store.Tasks.TransitionAsync("octo/app#2", TaskState.Running, TaskState.Failed, "run-a", "late", T0.AddSeconds(10), Token));

        var history = await store.Tasks.HistoryAsync("octo/app#2", Token);
        Assert.Equal(
            [new TaskTransition("octo/app#2", TaskState.Queued, TaskState.Running, T0.AddSeconds(1), "label"), new TaskTransition("octo/app#2", TaskState.Running, TaskState.Succeeded, T0.AddSeconds(9), "pull request #3")],
            history);
        var task = await store.Tasks.GetAsync("octo/app#2", Token);
        Assert.Equal(TaskState.Succeeded, task!.State);
        Assert.Equal(T0.AddSeconds(9), task.UpdatedAt);
    }

    [Fact]
    public async Task Transition_NotAllowed_Throws()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#3"), Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.Tasks.TransitionAsync("octo/app#3", TaskState.Queued, TaskState.Succeeded, "run-a", "skip", T0, Token));
        Assert.Equal(TaskState.Queued, (await store.Tasks.GetAsync("octo/app#3", Token))!.State);
    }

    [Fact]
    public async Task Transition_RacedByManyWorkers_ExactlyOneStartsTheTask()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#4"), Token);

        var wins = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.Tasks.TransitionAsync("octo/app#4", TaskState.Queued, TaskState.Running, $"run-{i}", $"worker {i}", T0, Token), Token)));

        Assert.Equal(1, wins.Count(w => w));
        Assert.Single(await store.Tasks.HistoryAsync("octo/app#4", Token));
    }

    [Fact]
    public async Task Transition_OutOfRunning_OnlyByTheRunHoldingTheTask()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#20"), Token);
        Assert.True(await store.Tasks.TransitionAsync("octo/app#20", TaskState.Queued, TaskState.Running, "run-a", "a", T0, Token));

        Assert.False(await store.Tasks.TransitionAsync("octo/app#20", TaskState.Running, TaskState.Succeeded, "run-b", "b ends a's work", T0, Token));
        Assert.True(await store.Tasks.TransitionAsync("octo/app#20", TaskState.Running, TaskState.Succeeded, "run-a", "a ends", T0, Token));

        Assert.Equal(("run-a", TaskState.Succeeded), ((await store.Tasks.GetAsync("octo/app#20", Token))!.Owner, (await store.Tasks.GetAsync("octo/app#20", Token))!.State));
    }

    [Fact]
    public async Task TakeOver_OnlyAStaleRunningTask_RecordingItInterruptedThenRunning()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#21", TaskState.Running, T0.AddMinutes(-5)) with { Owner = "run-a" }, Token);

        Assert.False(await store.Tasks.TakeOverAsync("octo/app#21", T0.AddMinutes(-30), "run-b", T0, Token));
        Assert.True(await store.Tasks.TakeOverAsync("octo/app#21", T0.AddMinutes(-1), "run-b", T0, Token));

        var task = await store.Tasks.GetAsync("octo/app#21", Token);
        Assert.Equal(("run-b", TaskState.Running, T0), (task!.Owner, task.State, task.UpdatedAt));
        Assert.Equal([(TaskState.Running, TaskState.Interrupted), (TaskState.Interrupted, TaskState.Running)], (await store.Tasks.HistoryAsync("octo/app#21", Token)).Select(t => (t.From, t.To)));
        Assert.False(await store.Tasks.TransitionAsync("octo/app#21", TaskState.Running, TaskState.Failed, "run-a", "the old run comes back", T0, Token));
    }

    [Fact]
    public async Task Resumable_ListsInterruptedAndStaleRunningTasksOnly()
    {
        var store = await OpenAsync();
        foreach (var (id, state, at) in new[]
        {
            ("octo/app#10", TaskState.Interrupted, T0), ("octo/app#11", TaskState.Running, T0.AddMinutes(-40)),
            ("octo/app#12", TaskState.Running, T0.AddMinutes(-5)), ("octo/app#13", TaskState.Succeeded, T0.AddMinutes(-90)),
            ("octo/app#14", TaskState.Queued, T0.AddMinutes(-90)),
        })
        {
            await store.Tasks.UpsertAsync(NewTask(id, state, at), Token);
        }

        var resumable = await store.Tasks.ResumableAsync(T0.AddMinutes(-30), Token);

        Assert.Equal(["octo/app#11", "octo/app#10"], resumable.Select(t => t.Id));
        Assert.Equal("""{"issue":12}""", resumable[0].Checkpoint);
    }

    [Fact]
    public async Task SaveCheckpoint_KeepsTheTaskAliveAndStoresTheCheckpoint()
    {
        var store = await OpenAsync();
        await store.Tasks.UpsertAsync(NewTask("octo/app#5", TaskState.Running, T0.AddHours(-1)) with { Owner = "run-a" }, Token);

        await store.Tasks.SaveCheckpointAsync("octo/app#5", "run-a", """{"attempt":2}""", T0, Token);
        await store.Tasks.SaveCheckpointAsync("octo/app#5", "run-b", """{"attempt":9}""", T0, Token);

        Assert.Empty(await store.Tasks.ResumableAsync(T0.AddMinutes(-30), Token));
        Assert.Equal("""{"attempt":2}""", (await store.Tasks.GetAsync("octo/app#5", Token))!.Checkpoint);
    }

    [Fact]
    public async Task Attempts_RecordedAcrossRuns_ComeBackInOrderWithEveryField()
    {
        var store = await OpenAsync();
        var first = new AttemptEntry { TaskId = "octo/app#6", RunId = "r1", Number = 1, Failure = "quality_threshold", Summary = "2 finding(s)", QualityScore = 61.5, InputTokens = 1200, OutputTokens = 300, Cost = 0.0123, Duration = TimeSpan.FromMilliseconds(1500), At = T0 };
        var second = first with { Number = 2, Failure = "", Summary = "", QualityScore = 88, Cost = null, At = T0.AddSeconds(5) };
        var retried = first with { RunId = "r2", At = T0.AddMinutes(1) };

        await store.Tasks.RecordAttemptAsync(retried, Token);
        await store.Tasks.RecordAttemptAsync(second, Token);
        await store.Tasks.RecordAttemptAsync(first with { Summary = "earlier text" }, Token);
        await store.Tasks.RecordAttemptAsync(first, Token);

        Assert.Equal([first, second, retried], await store.Tasks.AttemptsAsync("octo/app#6", Token));
    }

    [Fact]
    public async Task Audit_Query_FiltersByTimeRepositoryAndTask_OldestFirst_NewestWithinTheLimit()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 5; i++)
        {
            await store.Audit.AppendAsync(new AuditEntry { At = T0.AddMinutes(i), Repository = i == 2 ? "octo/other" : "octo/app", Action = "github.request", Target = $"POST /repos/octo/app/issues/1/comments#{i}", Actor = "alice", TaskId = i < 4 ? "octo/app#1" : "octo/app#2", Outcome = "201" }, Token);
        }

        var app = await store.Audit.QueryAsync(T0.AddMinutes(1), "octo/app", null, 10, Token);
        var latestTwo = await store.Audit.QueryAsync(T0, null, null, 2, Token);
        var task = await store.Audit.QueryAsync(T0, null, "octo/app#2", 10, Token);

        Assert.Equal(["#1", "#3", "#4"], app.Select(e => e.Target[^2..]));
        Assert.Equal(["#3", "#4"], latestTwo.Select(e => e.Target[^2..]));
        Assert.Equal(new AuditEntry { At = T0.AddMinutes(4), Repository = "octo/app", Action = "github.request", Target = "POST /repos/octo/app/issues/1/comments#4", Actor = "alice", TaskId = "octo/app#2", Outcome = "201" }, Assert.Single(task));
    }

    [Fact]
    public async Task Lessons_UpsertAndList_PerRepository_WithEvidence()
    {
        var store = await OpenAsync();
        var lesson = new Lesson
        {
            Id = "octo/app:tests-xunit",
            Repository = "octo/app",
            Key = "ERROR|cs0246|the type or namespace name <name> could not be found",
            Text = "Write tests with xunit ([Fact]), not NUnit: the test projects reference xunit only.",
            Category = "testing",
            Confirmations = 1,
            CreatedAt = T0,
            LastConfirmedAt = T0,
            Evidence = [new LessonEvidence("octo/app#7", "ERROR|CS0246|The type or namespace name 'NUnit' could not be found", "passed", T0)],
        };
        await store.Lessons.UpsertAsync(lesson, Token);
        await store.Lessons.UpsertAsync(lesson with { Id = "octo/other:x", Repository = "octo/other" }, Token);
        var confirmed = lesson with { Confirmations = 2, LastConfirmedAt = T0.AddDays(1), Evidence = [.. lesson.Evidence, new LessonEvidence("octo/app#9", "same", "merged", T0.AddDays(1))] };

        await store.Lessons.UpsertAsync(confirmed, Token);
        var listed = Assert.Single(await store.Lessons.ListAsync("octo/app", Token));

        Assert.Equal(confirmed with { Evidence = [] }, listed with { Evidence = [] });
        Assert.Equal(confirmed.Evidence, listed.Evidence);
    }

    [Fact]
    public async Task Feedback_Patterns_CountDistinctTasksOfTheRepositorySinceATime()
    {
        var store = await OpenAsync();
        FeedbackEntry Entry(string task, string key, int minutes, string repository = "octo/app") =>
            new() { Repository = repository, TaskId = task, Key = key, Category = "ERROR", Message = $"{key} in {task}", At = T0.AddMinutes(minutes) };
        await store.Feedback.RecordAsync([Entry("t1", "missing-using", 0), Entry("t1", "nunit", 0), Entry("t1", "missing-using", 1)], Token);
        await store.Feedback.RecordAsync([Entry("t2", "missing-using", 10), Entry("t2", "nunit", 10)], Token);
        await store.Feedback.RecordAsync([Entry("t3", "missing-using", 20), Entry("t3", "once", 20), Entry("t4", "nunit", 30, "octo/other")], Token);

        var patterns = await store.Feedback.PatternsAsync("octo/app", 2, T0, 10, Token);
        var recent = await store.Feedback.PatternsAsync("octo/app", 2, T0.AddMinutes(5), 10, Token);

        Assert.Equal([("missing-using", 3, "missing-using in t3"), ("nunit", 2, "nunit in t2")], patterns.Select(p => (p.Key, p.Tasks, p.Message)));
        Assert.Equal(T0.AddMinutes(20), patterns[0].LastSeen);
        Assert.Equal(["missing-using"], recent.Select(p => p.Key));
    }

    [Fact]
    public async Task Runs_RecordAndList_WithEveryField_FilteredBySinceAndRepository()
    {
        var store = await OpenAsync();
        var run = new RunRecord
        {
            RunId = "run-1", TaskId = "octo/app#1", Repository = "octo/app", Mode = "bugfix", Outcome = "gave_up", Failure = "rate_limit", StartedAt = T0,
            Duration = TimeSpan.FromSeconds(42), Attempts = 2, QualityScore = 87.5, InputTokens = 10_000, OutputTokens = 2_000, Cost = 0.25,
            ContextTime = TimeSpan.FromMilliseconds(640), CacheHits = 90, CacheLookups = 100, ModelTime = TimeSpan.FromSeconds(30), ModelRetries = 1,
            RetriesByReason = new Dictionary<string, int> { ["quality_threshold"] = 1 }, LessonsUsed = 3, Model = "gpt-4.1",
        };
        await store.Runs.RecordAsync(run, Token);
        await store.Runs.RecordAsync(run with { RunId = "run-0", StartedAt = T0.AddDays(-10) }, Token);
        await store.Runs.RecordAsync(run with { RunId = "run-2", Repository = "octo/other", StartedAt = T0.AddHours(1), QualityScore = null, Cost = null }, Token);

        var all = await store.Runs.ListAsync(T0.AddDays(-1), null, Token);
        var app = await store.Runs.ListAsync(T0.AddDays(-30), "octo/app", Token);

        Assert.Equal(["run-1", "run-2"], all.Select(r => r.RunId));
        Assert.Equal(run with { RetriesByReason = null! }, all[0] with { RetriesByReason = null! });
        Assert.Equal(run.RetriesByReason, all[0].RetriesByReason);
        Assert.Null(all[1].QualityScore);
        Assert.Equal(["run-0", "run-1"], app.Select(r => r.RunId));
    }

    [Fact]
    public async Task ContextCache_RoundTripsCompressedValues_AndPrunesUnusedEntries()
    {
        var store = await OpenAsync();
        var large = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("public sealed class Ünïcode { } // ", 5_000)));
        IContextCacheStore cache = store.ContextCache;
        await cache.SetAsync("file:abc", large, T0, Token);
        await cache.SetAsync("file:old", [1, 2, 3], T0.AddDays(-10), Token);
        await cache.SetAsync("file:abc", large, T0.AddSeconds(1), Token);

        Time.SetUtcNow(T0.AddMinutes(1));
        var hit = await cache.GetAsync("file:abc", Token);
        var pruned = await cache.PruneAsync(T0.AddDays(-1), Token);

        Assert.Equal(large, hit!.Value.Value);
        Assert.Equal(T0.AddSeconds(1), hit.Value.WrittenAt);
        Assert.Equal(1, pruned);
        Assert.Null(await cache.GetAsync("file:old", Token));
        Assert.Null(await cache.GetAsync("file:missing", Token));
    }

    [Fact]
    public async Task Prune_DeletesOldHistoryAndFinishedTasks_KeepsLessonsAndUnfinishedTasks()
    {
        var store = await OpenAsync();
        var old = T0.AddDays(-400);
        await store.Audit.AppendAsync(new AuditEntry { At = old, Repository = "octo/app", Action = "git.push" }, Token);
        await store.Audit.AppendAsync(new AuditEntry { At = T0, Repository = "octo/app", Action = "git.push" }, Token);
        await store.Feedback.RecordAsync([new FeedbackEntry { Repository = "octo/app", TaskId = "t", Key = "k", Category = "ERROR", Message = "m", At = old }], Token);
        await store.Runs.RecordAsync(new RunRecord { RunId = "r", TaskId = "t", Repository = "octo/app", Mode = "feature", Outcome = "succeeded", StartedAt = old }, Token);
        await store.Tasks.RecordAttemptAsync(new AttemptEntry { TaskId = "t", RunId = "r", Number = 1, At = old }, Token);
        await store.Tasks.UpsertAsync(NewTask("octo/app#1", TaskState.Succeeded, old), Token);
        await store.Tasks.UpsertAsync(NewTask("octo/app#2", TaskState.Interrupted, old), Token);
        await store.Lessons.UpsertAsync(new Lesson { Id = "l", Repository = "octo/app", Text = "x", CreatedAt = old, LastConfirmedAt = old }, Token);

        var deleted = await store.PruneAsync(T0.AddDays(-365), Token);

        Assert.Equal(5, deleted);
        Assert.Single(await store.Audit.QueryAsync(DateTimeOffset.UnixEpoch, null, null, 10, Token));
        Assert.Empty(await store.Runs.ListAsync(DateTimeOffset.UnixEpoch, null, Token));
        Assert.Null(await store.Tasks.GetAsync("octo/app#1", Token));
        Assert.NotNull(await store.Tasks.GetAsync("octo/app#2", Token));
        Assert.Single(await store.Lessons.ListAsync("octo/app", Token));
    }

    [Fact]
    public async Task ContextCache_ReadingAnEntry_KeepsItFromBeingPruned()
    {
        var store = await OpenAsync();
        await store.ContextCache.SetAsync("k", [42], T0.AddDays(-10), Token);

        Time.SetUtcNow(T0);
        Assert.NotNull(await store.ContextCache.GetAsync("k", Token));

        Assert.Equal(0, await store.ContextCache.PruneAsync(T0.AddDays(-1), Token));
    }
}
