using System.Text.Json;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Storage;
using CodegenBot.GitHub.Access;
using CodegenBot.GitHub.Actions;
using CodegenBot.GitHub.Api;
using CodegenBot.GitHub.Events;
using CodegenBot.GitHub.Git;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octokit;

namespace CodegenBot.GitHub.Jobs;

/// <summary>
/// The Action's entry point, staged: prepare (mask secrets, read the event, read the configuration from the
/// base branch, check who triggered it) → run (the job the event asks for) → finish (outputs, job summary,
/// annotations; temporary files removed in every case). Knows which stage failed and maps every end to an
/// explicit exit code; never exits the process itself.
/// </summary>
public sealed partial class ActionRunner(
    ActionEnvironment action,
    IReadOnlyDictionary<string, string?> environment,
    TextWriter stdout,
    TimeProvider time,
    Func<CodegenOptions, ServiceProvider> services)
{
    /// <summary>Runs the job of the event; returns the exit code.</summary>
    public async Task<JobResult> RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var commands = new WorkflowCommands(stdout, action.OutputFile, action.SummaryFile);
        commands.Mask(action.Token);
        commands.Mask(action.ApiKey);

        // Stage 1: what the defaults, environment and inputs say (the client's own settings come from here:
        // it is needed to read the repository's configuration).
        var engineEnvironment = action.EngineEnvironment(environment);
        var bootstrap = Load(null, engineEnvironment);
        await using var bootstrapServices = services(bootstrap);
        var loggers = bootstrapServices.GetRequiredService<ILoggerFactory>();
        var logger = loggers.CreateLogger<ActionRunner>();
        var audit = new GitHubAuditTrail(action.Repository.ToString(), time);
        var client = GitHubClientFactory.Create(action.ApiUrl, action.Token, bootstrap.Github.Api, time, loggers, audit);
        var payload = ReadPayload();
        var git = new RemoteGit(action.Workspace, action.Token, bootstrap.Git, loggers.CreateLogger<RemoteGit>());
        var stage = "prepare";
        JobResult result;
        BaseConfiguration? baseConfig = null;
        ICodegenStore? store = null;
        StorageOptions? storage = null;
        try
        {
            var first = EventMapper.Map(action.EventName, payload.RootElement, Settings(bootstrap));
            var (baseBranch, baseSha, pullRequest) = await BaseAsync(client, git, first, cancellationToken);
            baseConfig = BaseConfiguration.Extract(action.Workspace, baseSha, action.ConfigPath);
            CodegenOptions options;
            try
            {
                options = Load(baseConfig, engineEnvironment);
            }
            catch (ConfigurationException ex)
            {
                result = await ConfigurationErrorAsync(client, first, ex, cancellationToken);
                return Finish(commands, result, logger);
            }

            var trigger = EventMapper.Map(action.EventName, payload.RootElement, Settings(options));
            if (trigger.Kind == TriggerKind.Ignore)
            {
                return Finish(commands, new JobResult(JobStatus.Ignored, 0) { Message = $"Nothing to do: {trigger.Reason}." }, logger);
            }

            audit.Actor = trigger.Actor?.Login ?? "";
            audit.TaskId = TaskIdOf(trigger);
            storage = options.Storage;

            if (trigger.Actor is { } actor && trigger.NeedsPermission)
            {
                var decision = await new AccessCheck(client, action.Repository, options.Security).CheckAsync(actor, cancellationToken);
                if (!decision.Allowed)
                {
                    // A review is not a request to the bot: one from someone who may not trigger it is simply not recorded.
                    var silent = decision.Silent || trigger.Kind == TriggerKind.Feedback;
                    if (!silent)
                    {
                        await ReplyAsync(client, trigger, $"🔒 CodegenBot did not run: {decision.Reason}", cancellationToken);
                    }

                    return Finish(commands, new JobResult(silent ? JobStatus.Ignored : JobStatus.Refused, 0) { Message = decision.Reason ?? "" }, logger);
                }
            }

            if (pullRequest?.Head?.Repository?.Fork == true || (pullRequest is not null && !string.Equals(pullRequest.Head?.Repository?.FullName, action.Repository.ToString(), StringComparison.OrdinalIgnoreCase)))
            {
                if (trigger.Kind is not (TriggerKind.Assess or TriggerKind.Help))
                {
                    const string Fork = "🔒 CodegenBot does not run on pull requests from forks: it would need the repository's secrets next to code it did not write. `/codegen assess` works on any pull request (nothing from it is run).";
                    await ReplyAsync(client, trigger, Fork, cancellationToken);
                    return Finish(commands, new JobResult(JobStatus.Refused, 0) { Message = Fork }, logger);
                }
            }

            await ReactAsync(client, trigger, logger, cancellationToken);

            // The store, for the jobs that record a task (help and assess reports record only their audit entries,
            // at the end, so a store that is down cannot stop them). A store that cannot be opened here stops the job.
            if (trigger.Kind is not (TriggerKind.Help or TriggerKind.Assess))
            {
                store = await OpenStoreAsync(bootstrapServices, options.Storage, engineEnvironment, cancellationToken);
            }

            var journal = new RunJournal(store, options, time, loggers.CreateLogger<RunJournal>());
            await using var engine = services(options);
            var job = new JobContext
            {
                Trigger = trigger,
                Client = client,
                Action = action,
                Options = options,
                Environment = engineEnvironment,
                Git = new RemoteGit(action.Workspace, action.Token, options.Git, loggers.CreateLogger<RemoteGit>()),
                BaseBranch = baseBranch,
                BaseSha = baseSha,
                BaseConfig = baseConfig,
                Services = engine,
                Journal = journal,
                Audit = audit,
                Time = time,
                Loggers = loggers,
            };

            stage = "run";
            result = await JobDispatcher.RunAsync(job, pullRequest, cancellationToken);
        }
        catch (ApiException ex) when (ex is RateLimitExceededException or SecondaryRateLimitExceededException)
        {
            result = new JobResult(JobStatus.Failed, 1) { Message = $"GitHub's API rate limit stopped the job in the {stage} stage and did not reset within github.api.max_retry_wait; run it again later." };
        }
        catch (AuthorizationException)
        {
            result = new JobResult(JobStatus.Failed, 2) { Message = "GitHub refused the token (401); pass a valid token as the github_token input (the default, secrets.GITHUB_TOKEN, works)." };
        }
        catch (ForbiddenException ex)
        {
            result = new JobResult(JobStatus.Failed, 2) { Message = $"GitHub refused an API call in the {stage} stage ({ex.Message}); give the workflow `permissions: contents: write, pull-requests: write, issues: write`." };
        }
        catch (UserErrorException ex)
        {
            result = new JobResult(JobStatus.Failed, 2) { Message = ex.Message };
        }
        catch (NotFoundException ex)
        {
            result = new JobResult(JobStatus.Failed, 1) { Message = $"GitHub has no such issue, pull request or repository ({ex.Message}) in the {stage} stage; check the issue number or that the token can see {action.Repository}." };
        }
        catch (ApiException ex)
        {
            result = new JobResult(JobStatus.Failed, 1) { Message = $"GitHub answered {(int)ex.StatusCode} in the {stage} stage ({ex.Message}) after the retries; run the job again, and if it persists check GitHub's status page." };
        }
        catch (LibGit2Sharp.LibGit2SharpException ex)
        {
            result = new JobResult(JobStatus.Failed, 1) { Message = $"A git operation failed in the {stage} stage ({ex.Message}); check that the workspace is a checkout made by actions/checkout with fetch-depth: 0 and that the token may push." };
        }
        finally
        {
            baseConfig?.Dispose();
            await FlushAuditAsync(audit, storage, store, bootstrapServices, engineEnvironment, loggers);
            if (store is not null)
            {
                await store.DisposeAsync();
            }
        }

        return Finish(commands, result, logger);
    }

    private static async Task<ICodegenStore?> OpenStoreAsync(IServiceProvider services, StorageOptions storage, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken) =>
        services.GetService<ICodegenStoreFactory>() is { } stores ? await stores.OpenAsync(storage, environment, cancellationToken) : null;

    /// <summary>
    /// Writes the job's audit entries to its store, or, for a job that opened none (help, assess, a refusal), to one
    /// opened for the purpose; a store that is down costs a warning, not the job.
    /// </summary>
    private static async Task FlushAuditAsync(GitHubAuditTrail audit, StorageOptions? storage, ICodegenStore? store, IServiceProvider services, IReadOnlyDictionary<string, string?> environment, ILoggerFactory loggers)
    {
        if (audit.PendingCount == 0 || storage is null)
        {
            return;
        }

        try
        {
            if (store is not null)
            {
                await audit.FlushAsync(store.Audit, CancellationToken.None);
                return;
            }

            await using var opened = await OpenStoreAsync(services, storage, environment, CancellationToken.None);
            if (opened is not null)
            {
                await audit.FlushAsync(opened.Audit, CancellationToken.None);
            }
        }
        catch (StoreUnavailableException ex)
        {
            LogAuditNotWritten(loggers.CreateLogger<ActionRunner>(), audit.PendingCount, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit entries were not written: {Reason}")]
    private static partial void LogAuditNotWritten(ILogger logger, int count, string reason);

    /// <summary>The task a trigger is about, as the store names it: the issue or pull request, else the run.</summary>
    private string TaskIdOf(Trigger trigger) => trigger.Number is { } number
        ? $"{action.Repository}#{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{action.Repository}:{trigger.Kind.ToString().ToLowerInvariant()}";

    private JsonDocument ReadPayload()
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(action.EventPath));
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new UserErrorException($"The event payload '{action.EventPath}' cannot be read as JSON ({ex.Message}); GITHUB_EVENT_PATH must name the runner's event file.", ex);
        }
    }

    /// <summary>The base the work starts from: the pull request's base branch for pull request events, else the default branch.</summary>
    private async Task<(string Branch, string Sha, PullRequest? PullRequest)> BaseAsync(IGitHubClient client, RemoteGit git, Trigger trigger, CancellationToken cancellationToken)
    {
        PullRequest? pr = null;
        string branch;
        if (trigger is { IsPullRequest: true, Number: { } number } && trigger.Kind != TriggerKind.Ignore)
        {
            pr = await client.PullRequest.Get(action.Repository.Owner, action.Repository.Name, number);
            branch = pr.Base.Ref;
        }
        else
        {
            branch = (await client.Repository.Get(action.Repository.Owner, action.Repository.Name)).DefaultBranch;
        }

        var sha = git.FetchBranch(branch, cancellationToken)
            ?? throw new UserErrorException($"The base branch '{branch}' is not on the remote of the checkout at '{action.Workspace}'; check out the repository with actions/checkout (fetch-depth: 0).");
        return (branch, sha, pr);
    }

    private CodegenOptions Load(BaseConfiguration? baseConfig, IReadOnlyDictionary<string, string?> engineEnvironment) =>
        ConfigurationLoader.Load(new ConfigurationInputs
        {
            RepositoryPath = baseConfig?.Root,
            ConfigFile = baseConfig?.ConfigFile,
            Environment = engineEnvironment,
            CommandLine = action.Overrides,
        }).Options;

    private EventSettings Settings(CodegenOptions options) => action.Dispatch with
    {
        TriggerLabel = options.Github.TriggerLabel,
        StopLabel = options.Github.StopLabel,
        BranchPrefix = options.Git.BranchPrefix,
        AutoRevise = options.Github.AutoRevise,
        AssessOnly = action.AssessOnly,
    };

    private async Task<JobResult> ConfigurationErrorAsync(IGitHubClient client, Trigger trigger, ConfigurationException ex, CancellationToken cancellationToken)
    {
        var message = $"⚠️ CodegenBot cannot read its configuration, so nothing ran:\n\n{string.Join("\n", ex.Problems.Select(p => "- " + p))}\n\nFix `{action.ConfigPath}` on the default branch and trigger the bot again.";
        if (trigger.Kind != TriggerKind.Ignore && trigger.Actor is { IsBot: false })
        {
            await ReplyAsync(client, trigger, message, cancellationToken);
        }

        return new JobResult(JobStatus.Failed, 2) { Message = ex.Message, Summary = message };
    }

    private async Task ReplyAsync(IGitHubClient client, Trigger trigger, string body, CancellationToken cancellationToken)
    {
        if (trigger.Number is { } number)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await client.Issue.Comment.Create(action.Repository.Owner, action.Repository.Name, number, body);
        }
    }

    /// <summary>👀 on the comment or issue that triggered the run; a failure is logged, never fatal.</summary>
    private async Task ReactAsync(IGitHubClient client, Trigger trigger, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (trigger.CommentId is { } comment)
            {
                await client.Reaction.IssueComment.Create(action.Repository.Owner, action.Repository.Name, comment, new NewReaction(ReactionType.Eyes));
            }
            else if (trigger.Number is { } number && trigger.EventName == "issues")
            {
                await client.Reaction.Issue.Create(action.Repository.Owner, action.Repository.Name, number, new NewReaction(ReactionType.Eyes));
            }
        }
        catch (ApiException ex)
        {
            LogReactionFailed(logger, ex.Message);
        }
    }

    private static JobResult Finish(WorkflowCommands commands, JobResult result, ILogger logger)
    {
        commands.SetOutput("status", result.StatusText);
        commands.SetOutput("pr-number", result.PullRequest?.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        commands.SetOutput("pr-url", result.PullRequest?.Url ?? "");
        commands.SetOutput("quality-score", result.QualityScore is { } score ? Math.Round(score).ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
        commands.SetOutput("tokens", result.Tokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
        commands.SetOutput("cost", result.Cost is { } cost ? cost.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture) : "");
        commands.Annotate(result.Findings);
        commands.AppendSummary(result.Summary.Length > 0 ? result.Summary : $"CodegenBot: {result.StatusText}. {result.Message}");
        LogFinished(logger, result.StatusText, result.Message);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not add the 👀 reaction: {Reason}")]
    private static partial void LogReactionFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "CodegenBot {Status}: {Message}")]
    private static partial void LogFinished(ILogger logger, string status, string message);
}
