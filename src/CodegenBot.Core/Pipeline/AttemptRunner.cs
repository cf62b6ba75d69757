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
    TimeProvider time)
{
    public async Task<AttemptRecord> RunAsync(int number, int maxAttempts, IReadOnlyList<AttemptFeedback> feedback, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        tree.Reset();
        var messages = timer.Measure("prompt", () => prompts.Build(request, context, feedback, number, maxAttempts));

        ChatResponse response;
        try
        {
            response = await timer.MeasureAsync("model", () => chat.GetResponseAsync(
                messages,
                new ChatOptions { Temperature = (float)options.Model.Temperature, MaxOutputTokens = options.Model.MaxOutputTokens },
                cancellationToken));
        }
        catch (Exception ex) when (ModelFailures.StatusOf(ex) is 401 or 403 or 404)
        {
            var status = ModelFailures.StatusOf(ex);
            throw new UserErrorException(
                status == 404
                    ? "The model endpoint does not know the model (404); check --model / model.name and --model-endpoint."
                    : $"The model endpoint refused the credentials ({status}); check the API key in the variable named by --api-key-env (or OPENAI_API_KEY, ANTHROPIC_API_KEY, AZURE_OPENAI_API_KEY, GITHUB_TOKEN by provider).",
                ex);
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

        var record = new AttemptRecord
        {
            Number = number,
            InputTokens = response.Usage?.InputTokenCount ?? 0,
            OutputTokens = response.Usage?.OutputTokenCount ?? 0,
        };

        var parsed = EditBlockParser.Parse(response.Text);
        var application = timer.Measure("apply", () => new EditApplier(new PathGuard(tree.Path, options.Security.ProtectedPaths)).Apply(parsed.Blocks));
        var problems = parsed.Problems.Concat(application.Problems).ToList();
        if (parsed.Blocks.Count == 0 && parsed.Problems.Count == 0)
        {
            problems.Add("The answer contained no SEARCH/REPLACE blocks; give every change as a block in the format described.");
        }

        if (problems.Count > 0)
        {
            return record with
            {
                Failure = RetryReason.ValidationFailed,
                FailureSummary = $"{problems.Count} problem(s) with the edits",
                Problems = problems,
                Edits = application.Applied,
                Duration = Elapsed(start),
            };
        }

        var changes = tree.Stage();
        if (changes.ChangedPaths.Count == 0)
        {
            return record with
            {
                Failure = RetryReason.ValidationFailed,
                FailureSummary = "the edits changed nothing",
                Problems = ["The edits left every file as it was; the REPLACE text must differ from the SEARCH text."],
                Edits = application.Applied,
                Duration = Elapsed(start),
            };
        }

        var assessment = await timer.MeasureAsync("assess", () => assessor.AssessAsync(tree.Path, changes.ChangedPaths, cancellationToken));
        return record with
        {
            Failure = assessment.Passed ? null : RetryReason.QualityThreshold,
            FailureSummary = assessment.Passed ? null : $"{assessment.Findings.Count} finding(s), {string.Join(", ", assessment.Scores.Where(s => !s.Passed).Select(s => $"{s.Dimension} {s.Score:0}/{s.Threshold:0}"))}",
            Assessment = assessment,
            Edits = application.Applied,
            Changes = changes,
            Duration = Elapsed(start),
        };
    }

    private TimeSpan Elapsed(long start) => time.GetElapsedTime(start);
}
