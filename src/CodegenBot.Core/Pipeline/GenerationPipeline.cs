using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Tasks;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Security;
using CodegenBot.Core.Telemetry;
using CodegenBot.Core.Workspace;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CodegenBot.Core.Pipeline;

/// <summary>
/// The data flow of one request: context → prompt → model → edits in a work tree → assessment → retry with
/// feedback or commit. Each attempt starts from the base commit; the user's checkout is never written to.
/// </summary>
internal sealed partial class GenerationPipeline(
    ChatClientFactory clients,
    ContextEngineFactory contextEngines,
    IEnumerable<ILanguageAnalyzer> analyzers,
    IEnumerable<IQualityRule> rules,
    TimeProvider time,
    ILogger<GenerationPipeline> logger,
    Context.Caching.IContextCacheStore? cache = null)
{
    /// <summary>Trailer that marks the bot's commits.</summary>
    public const string GeneratedByTrailer = "Generated-by: CodegenBot";

    public async Task<GenerationOutcome> RunAsync(
        GenerationRequest request,
        CodegenOptions options,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken cancellationToken) =>
        await RunAsync(request, options, environment, null, cancellationToken);

    /// <summary>Runs the request, telling <paramref name="observer"/> as each stage ends (the GitHub layer's tracking comment).</summary>
    public async Task<GenerationOutcome> RunAsync(
        GenerationRequest request,
        CodegenOptions options,
        IReadOnlyDictionary<string, string?> environment,
        IPipelineObserver? observer,
        CancellationToken cancellationToken)
    {
        observer ??= IPipelineObserver.None;
        var selection = ModelSelection.Resolve(options.Model, environment);
        using var workspace = GitWorkspace.Open(request.RepositoryPath);
        workspace.EnsureClean();

        var timer = new StageTimer(time);
        var started = time.GetTimestamp();
        var branch = request.Branch ?? workspace.NewBranchName(options.Git.BranchPrefix, request.EffectiveTitle);
        using var tree = workspace.CreateWorkTree(branch, request.StartPoint, replace: request.Branch is not null);
        var keepBranch = false;
        try
        {
            LogStarted(logger, branch, selection.Model, selection.Endpoint);
            if (UntrustedText.Sanitize(request.Task) is { Changed: true } sanitized)
            {
                LogSanitized(logger, sanitized.Summary);
            }

            var task = TaskParser.Parse(request.Task, request.Labels, request.Title);
            var context = await timer.MeasureAsync("context", () => contextEngines.Create(options).BuildAsync(tree.Path, workspace.Root, task, null, cancellationToken));
            var signatureCount = context.Coverage.Count(c => c.Tier == Context.RepoMap.CoverageTier.Signatures);
            LogContext(logger, context.Files.Count, signatureCount, context.TokenCount, context.TokenBudget);
            foreach (var warning in context.Warnings)
            {
                LogContextWarning(logger, warning);
            }

            await observer.OnContextAsync(context, cancellationToken);

            var validation = options.Quality.Validation;
            var validator = validation.Enabled ? new Quality.Validation.Validator(new Quality.Validation.CommandRunner(time), validation) : null;
            var commands = validator?.CommandsFor(tree.Path) ?? [];
            var baseline = commands.Count > 0 && validation.Baseline
                ? await timer.MeasureAsync("baseline", () => validator!.BaselineAsync(tree.Path, tree.BaseSha, commands, cache, time.GetUtcNow(), cancellationToken))
                : null;

            var lessons = Learning.LessonSelector.Select(request.Lessons, task, options.Learning, time.GetUtcNow());
            var statistics = new RetryStatistics();
            var protocol = selection.ProtocolFor(options.Model.EditProtocol);
            var run = new AttemptRunner(
                request, options, tree, context,
                new PromptBuilder(new TemplateRenderer(request.TemplateRoot ?? tree.Path), options, protocol, lessons),
                clients.Create(selection, options, environment, statistics),
                new QualityAssessor(analyzers, rules, options.Quality, options.Languages, cache, time),
                timer,
                time,
                protocol,
                options.Model.Prices.GetValueOrDefault(selection.Model),
                validator,
                commands,
                baseline);
            var (attempts, stopped) = await RunAttemptsAsync(run, request, options.Retry, observer, cancellationToken);

            var last = attempts[^1];
            string? commit = null;
            if (last.Failure is null && !request.DryRun)
            {
                commit = timer.Measure("commit", () => tree.Commit(CommitMessage(request, selection), options.Git.AuthorName, options.Git.AuthorEmail, time.GetUtcNow()));
                keepBranch = true;
                LogCommitted(logger, branch, commit);
            }

            var outcome = new GenerationOutcome
            {
                Request = request,
                Model = selection,
                Succeeded = last.Failure is null,
                GiveUpReason = last.Failure is null ? null : stopped ?? GiveUpReason(last, attempts.Count),
                Branch = branch,
                BaseBranch = workspace.CurrentBranch,
                BaseSha = tree.BaseSha,
                CommitSha = commit,
                Attempts = attempts,
                Context = context,
                Timings = timer.Snapshot(),
                CallRetries = statistics.Snapshot(),
                Baseline = baseline,
                Feedback = Feedback.FeedbackProcessor.Process(attempts, request.UserFeedback, request.RepositoryPatterns),
                LessonsUsed = lessons,
            };
            CodegenMetrics.RecordGeneration(outcome, time.GetElapsedTime(started));
            return outcome;
        }
        finally
        {
            foreach (var analyzer in analyzers)
            {
                analyzer.Release(tree.Path);
            }

            if (!keepBranch)
            {
                tree.DeleteBranch();
            }
        }
    }

    /// <summary>
    /// Attempts under a Polly retry: an attempt that failed for QUALITY_THRESHOLD or VALIDATION_FAILED is retried
    /// while that reason's <c>max_attempts</c> (and the larger of the two, for all attempts) allows.
    /// </summary>
    private async Task<(List<AttemptRecord> Attempts, string? Stopped)> RunAttemptsAsync(AttemptRunner run, GenerationRequest request, RetryOptions retry, IPipelineObserver observer, CancellationToken cancellationToken)
    {
        var attempts = new List<AttemptRecord>();
        var maxAttempts = Math.Max(retry.QualityThreshold.MaxAttempts, retry.ValidationFailed.MaxAttempts);
        var started = time.GetTimestamp();
        string? stopped = null;
        int Failures(RetryReason reason) => attempts.Count(a => a.Failure == reason);

        var pipeline = new ResiliencePipelineBuilder<AttemptRecord> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<AttemptRecord>
            {
                MaxRetryAttempts = maxAttempts - 1,
                ShouldHandle = args =>
                {
                    if (args.Outcome.Result is not { Failure: RetryReason.QualityThreshold or RetryReason.ValidationFailed } attempt
                        || Failures(attempt.Failure.Value) >= retry.PolicyFor(attempt.Failure.Value).MaxAttempts)
                    {
                        return ValueTask.FromResult(false);
                    }

                    stopped = StopReason(attempts, retry.Budget, time.GetElapsedTime(started));
                    if (stopped is not null)
                    {
                        LogStopped(logger, attempt.Number, stopped);
                    }

                    return ValueTask.FromResult(stopped is null);
                },
                DelayGenerator = args =>
                {
                    var reason = args.Outcome.Result!.Failure!.Value;
                    return ValueTask.FromResult<TimeSpan?>(RetryDelays.Compute(retry.PolicyFor(reason), Failures(reason) - 1, null, clients.Random));
                },
                OnRetry = args =>
                {
                    LogRetrying(logger, args.Outcome.Result!.Number, args.Outcome.Result.Failure!.Value.Display(), args.Outcome.Result.FailureSummary ?? "");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        await pipeline.ExecuteAsync(
            async token =>
            {
                var feedback = Feedback.FeedbackProcessor.Process(attempts, request.UserFeedback, request.RepositoryPatterns);
                var attempt = await run.RunAsync(attempts.Count + 1, maxAttempts, feedback.Attempts, feedback.Suggestions, token);
                attempts.Add(attempt);
                CodegenMetrics.RecordAttempt(attempt);
                await observer.OnAttemptAsync(attempt, maxAttempts, token);
                return attempt;
            },
            cancellationToken);
        return (attempts, stopped);
    }

    /// <summary>Why the run stops before its attempts are used up, or null to go on: a budget is spent, or the last attempt made no progress.</summary>
    internal static string? StopReason(IReadOnlyList<AttemptRecord> attempts, RunBudgetOptions budget, TimeSpan elapsed)
    {
        var tokens = attempts.Sum(a => a.InputTokens + a.OutputTokens);
        if (budget.MaxTokens > 0 && tokens >= budget.MaxTokens)
        {
            return $"Stopped after {attempts.Count} attempt(s): the run used {tokens:N0} tokens, the budget is {budget.MaxTokens:N0} (retry.budget.max_tokens).";
        }

        var cost = attempts.Sum(a => a.Cost ?? 0);
        if (budget.MaxCostUsd > 0 && cost >= budget.MaxCostUsd)
        {
            return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Stopped after {attempts.Count} attempt(s): the run cost ${cost:0.0000}, the budget is ${budget.MaxCostUsd:0.0000} (retry.budget.max_cost_usd).");
        }

        if (budget.MaxWallTime > TimeSpan.Zero && elapsed >= budget.MaxWallTime)
        {
            return $"Stopped after {attempts.Count} attempt(s): {Durations.Format(elapsed)} have passed, the budget is {Durations.Format(budget.MaxWallTime)} (retry.budget.max_wall_time).";
        }

        if (budget.StopWithoutProgress && attempts.Count >= 2 && attempts[^1].Failure == attempts[^2].Failure
            && Signature(attempts[^1]).SetEquals(Signature(attempts[^2])))
        {
            return $"Stopped after {attempts.Count} attempt(s): attempt {attempts[^1].Number} failed with the same {attempts[^1].Failure!.Value.Display()} findings as attempt {attempts[^2].Number}, so another attempt with the same feedback is unlikely to help.";
        }

        return null;
    }

    /// <summary>What an attempt failed on, independent of line numbers that shift as code moves.</summary>
    private static HashSet<string> Signature(AttemptRecord attempt) =>
        attempt.Problems.Concat(attempt.Assessment?.Findings.Select(f => $"{f.File}|{f.RuleId}|{f.Message}") ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>Most findings one attempt's feedback lists; the rest are counted, so a large file does not crowd out the prompt.</summary>
    public const int MaxFeedbackFindings = 30;
    private static string GiveUpReason(AttemptRecord last, int attempts) => last.Failure switch
    {
        RetryReason.QualityThreshold or RetryReason.ValidationFailed =>
            $"No attempt passed the checks after {attempts} attempt(s); the last failed with {last.Failure.Value.Display()}: {last.FailureSummary}.",
        _ => $"The model could not be called ({last.FailureSummary}); check the endpoint and try again later.",
    };

    private static string CommitMessage(GenerationRequest request, ModelSelection selection) =>
        $"{request.EffectiveTitle}\n\nTask ({ConfigNames.EnumValue(request.Mode)}): {Shorten(request.Task, 600)}\n\n{GeneratedByTrailer} ({selection.Model})\n";

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 3), "...");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Working on branch {Branch} with model {Model} at {Endpoint}")]
    private static partial void LogStarted(ILogger logger, string branch, string model, Uri endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The task text held hidden or invisible content, removed or made visible before prompting: {Changes}")]
    private static partial void LogSanitized(ILogger logger, string changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Context: {FileCount} files in full, {SignatureCount} as signatures, {Tokens}/{Budget} tokens")]
    private static partial void LogContext(ILogger logger, int fileCount, int signatureCount, int tokens, int budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Context: {Warning}")]
    private static partial void LogContextWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} failed; not retrying: {Reason}")]
    private static partial void LogStopped(ILogger logger, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} failed with {Reason}: {Summary}; retrying with feedback")]
    private static partial void LogRetrying(ILogger logger, int attempt, string reason, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Committed {Commit} on {Branch}")]
    private static partial void LogCommitted(ILogger logger, string branch, string commit);
}
