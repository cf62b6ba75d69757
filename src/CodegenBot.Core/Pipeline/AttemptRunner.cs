using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Workspace;
using Microsoft.Extensions.AI;

namespace CodegenBot.Core.Pipeline;

/// <summary>One attempt: reset the work tree, prompt, call the model, apply the edits, assess the change.</summary>
internal sealed class AttemptRunner(
    GenerationRequest request,
    CodegenOptions options,
    WorkTree tree,
    GatheredContext context,
    PromptBuilder prompts,
    IChatClient chat,
    QualityAssessor assessor,
    StageTimer timer,
    TimeProvider time,
    EditProtocol protocol = EditProtocol.Text,
    ModelPrice? price = null,
    Quality.Validation.Validator? validator = null,
    IReadOnlyList<Quality.Validation.ValidationCommand>? commands = null,
    Quality.Validation.ValidationRun? baseline = null)
{
    public async Task<AttemptRecord> RunAsync(int number, int maxAttempts, IReadOnlyList<AttemptFeedback> feedback, IReadOnlyList<string> suggestions, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        tree.Reset();
        var messages = timer.Measure("prompt", () => prompts.Build(request, context, feedback, number, maxAttempts, suggestions));

        ChatResponse response;
        var tools = protocol == EditProtocol.Tools
            ? new EditToolSession(tree.Path, Guard(), context.Analysis ?? new Context.Caching.RepositoryAnalysis("", []), new ToolBudget(options.Model.MaxToolCalls, options.Model.MaxToolReadChars))
            : null;
        try
        {
            var chatOptions = new ChatOptions { Temperature = (float)options.Model.Temperature, MaxOutputTokens = options.Model.MaxOutputTokens };
            var client = chat;
            if (tools is not null)
            {
                chatOptions.Tools = [.. tools.Tools];
                chatOptions.ToolMode = ChatToolMode.Auto;
                client = new FunctionInvokingChatClient(chat) { MaximumIterationsPerRequest = options.Model.MaxToolTurns, IncludeDetailedErrors = false };
            }

            response = await timer.MeasureAsync("model", () => client.GetResponseAsync(messages, chatOptions, cancellationToken));
        }
        catch (Exception ex) when (ModelFailures.StatusOf(ex) is 401 or 403 or 404)
        {
            var status = ModelFailures.StatusOf(ex)!.Value;
            throw status == 404
                ? new UserErrorException("The model endpoint does not know the model (404); check --model / model.name and --model-endpoint.", ex)
                : new ModelAccessDeniedException(status, $"The model endpoint refused the credentials ({status}); check the API key in the variable named by --api-key-env (or OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY, GITHUB_TOKEN by provider).", ex);
        }
        catch (Exception ex) when (ModelFailures.IsModelFailure(ex))
        {
            // Retryable failures have already been retried by the resilience middleware; what reaches here ends the run.
            return new AttemptRecord
            {
                Number = number,
                Failure = ModelFailures.Classify(ex) ?? RetryReason.ApiError,
                FailureSummary = ModelFailures.Describe(ex),
                Duration = Elapsed(start),
            };
        }

        var (input, output, cached) = (response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, response.Usage?.CachedInputTokenCount ?? 0);
        var record = new AttemptRecord
        {
            Number = number,
            InputTokens = input,
            OutputTokens = output,
            CachedInputTokens = cached,
            Cost = price?.CostOf(input, cached, output),
        };

        List<string> problems;
        IReadOnlyList<AppliedEdit> applied;
        var parsed = tools is { Applied.Count: > 0 } ? null : EditBlockParser.Parse(response.Text);
        if (tools is not null && parsed is not { Blocks.Count: > 0 })
        {
            (applied, problems) = (tools.Applied, ToolProblems(tools, options.Model.MaxToolCalls));
        }
        else
        {
            // The text protocol, or a model that was offered tools but wrote blocks instead.
            parsed ??= EditBlockParser.Parse(response.Text);
            var application = timer.Measure("apply", () => new EditApplier(Guard()).Apply(parsed.Blocks));
            (applied, problems) = (application.Applied, parsed.Problems.Concat(application.Problems).ToList());
            if (parsed.Blocks.Count == 0 && parsed.Problems.Count == 0)
            {
                problems.Add("The answer contained no SEARCH/REPLACE blocks; give every change as a block in the format described.");
            }
        }

        AttemptRecord Invalid(string summary, IReadOnlyList<string> reasons) => record with
        {
            Failure = RetryReason.ValidationFailed,
            FailureSummary = summary,
            Problems = reasons,
            Edits = applied,
            Duration = Elapsed(start),
        };

        if (problems.Count > 0)
        {
            return Invalid($"{problems.Count} problem(s) with the edits", problems);
        }

        var changes = tree.Stage();
        if (changes.ChangedPaths.Count == 0)
        {
            return Invalid("the edits changed nothing", ["The edits left every file as it was; the REPLACE text must differ from the SEARCH text."]);
        }

        var explanation = tools?.Summary ?? ModeCriteria.Explanation(response.Text);
        var unmet = ModeCriteria.Check(request.Mode, changes.ChangedPaths, explanation, tree.OriginalText, ReadCurrent);
        if (unmet.Count > 0)
        {
            return Invalid($"the change does not meet the {ConfigNames.EnumValue(request.Mode)} mode's criteria", unmet);
        }

        var assessment = await timer.MeasureAsync("assess", () => assessor.AssessAsync(tree.Path, changes.ChangedPaths, (path, _) => Task.FromResult(tree.OriginalText(path)), cancellationToken: cancellationToken));
        if (assessment.Passed && validator is not null && commands is { Count: > 0 })
        {
            // The harness's own evidence: the repository's build and tests on the change, against the base commit's.
            var validation = await timer.MeasureAsync("validate", () => validator.RunAsync(tree.Path, commands, cancellationToken));
            var regressions = Quality.Validation.Validator.Regressions(baseline, validation);
            record = record with { Validation = validation };
            if (regressions.Count > 0)
            {
                return record with
                {
                    Failure = RetryReason.ValidationFailed,
                    FailureSummary = $"{regressions.Count} of the repository's own checks fail after the change",
                    Problems = regressions,
                    Assessment = assessment,
                    Edits = applied,
                    Duration = Elapsed(start),
                };
            }
        }

        return record with
        {
            Failure = assessment.Passed ? null : RetryReason.QualityThreshold,
            FailureSummary = assessment.Passed ? null : $"{assessment.Findings.Count} finding(s), {string.Join(", ", assessment.Scores.Where(s => !s.Passed).Select(s => $"{s.Dimension} {s.Score:0}/{s.Threshold:0}"))}",
            Assessment = assessment,
            Edits = applied,
            Changes = changes,
            Duration = Elapsed(start),
        };
    }

    private PathGuard Guard() => new(tree.Path, options.Security.ProtectedPaths);

    private string? ReadCurrent(string path)
    {
        var full = Path.Combine(tree.Path, path);
        return File.Exists(full) ? File.ReadAllText(full) : null;
    }

    /// <summary>
    /// What went wrong with a tool conversation, for the next attempt: no change at all, a spent budget, or refused
    /// edits the model never made good (a refused edit followed by a successful one on the same file is forgiven).
    /// </summary>
    private static List<string> ToolProblems(EditToolSession tools, int maxCalls)
    {
        var problems = new List<string>();
        if (tools.Applied.Count == 0)
        {
            problems.Add(tools.Refused.Count > 0
                ? $"No edit was applied; the last refusal was: {tools.Refused[^1]}"
                : "No file was changed; make the changes with write_file or edit_file, then call finish.");
        }

        else if (tools.Unresolved.Count > 0)
        {
            problems.Add($"These files still need the edits that were refused: {string.Join(", ", tools.Unresolved)}; the last refusal was: {tools.Refused[^1]}");
        }

        if (tools.Exhausted)
        {
            problems.Add($"The tool budget ran out after {maxCalls} calls; read less and edit sooner.");
        }

        return problems;
    }

    private TimeSpan Elapsed(long start) => time.GetElapsedTime(start);
}
