using CodegenBot.Core.Generation;
using CodegenBot.Core.Pipeline;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Resilience;
using CodegenBot.Core.Storage;

namespace CodegenBot.Core.Feedback;

/// <summary>A problem this task hit that earlier tasks of the repository hit too.</summary>
/// <param name="Item">The item in this task.</param>
/// <param name="Pattern">How often the repository's earlier tasks hit it.</param>
public sealed record RepositoryRecurrence(FeedbackItem Item, FeedbackPatternRow Pattern);

/// <summary>What a task's feedback comes to: ranked items, what recurred, what to do, and the prompt's section per attempt.</summary>
public sealed record FeedbackSummary
{
    /// <summary>No feedback.</summary>
    public static readonly FeedbackSummary Empty = new();

    /// <summary>Every item of the task (attempts and people), one per key, most impact first.</summary>
    public IReadOnlyList<FeedbackItem> Items { get; init; } = [];

    /// <summary>Problems that came back in two or more attempts of this task.</summary>
    public IReadOnlyList<FeedbackItem> RecurringInTask { get; init; } = [];

    /// <summary>Problems of this task that the repository's earlier tasks hit too.</summary>
    public IReadOnlyList<RepositoryRecurrence> RecurringInRepository { get; init; } = [];

    /// <summary>What to change, most important first: recurring problems, then advice per kind of problem.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>The prompt's feedback per failed attempt: its reason and its items, most impact first.</summary>
    public IReadOnlyList<AttemptFeedback> Attempts { get; init; } = [];
}

/// <summary>
/// The feedback processor: normalises what an attempt's checks found (and what people said) into items,
/// deduplicates them by key, ranks them by impact, recognises problems that recur within the task (the same
/// error twice means the approach must change) and across the repository's tasks, and produces the suggestions
/// and the per-attempt section the next prompt carries.
/// </summary>
public static class FeedbackProcessor
{
    /// <summary>Weight of an error against a warning (2) and a note (1).</summary>
    public const double ErrorWeight = 3;

    /// <summary>Weight of a warning.</summary>
    public const double WarningWeight = 2;

    /// <summary>Weight of an informational item.</summary>
    public const double InfoWeight = 1;

    /// <summary>Category weights: what breaks the build or the user's trust first.</summary>
    public static double CategoryWeight(FeedbackCategory category) => category switch
    {
        FeedbackCategory.Error => 1.5,
        FeedbackCategory.Security => 1.5,
        FeedbackCategory.User => 1.4,
        FeedbackCategory.Validation => 1.2,
        _ => 1.0,
    };

    /// <summary>Extra weight of a finding in a dimension that failed its threshold (it is why the attempt failed).</summary>
    public const double FailingDimensionBonus = 0.5;

    /// <summary>Extra weight per further occurrence in the task.</summary>
    public const double RecurrenceWeight = 0.5;

    /// <summary>Extra weight per earlier task of the repository that hit it, up to <see cref="MaxRepositoryTasksCounted"/>.</summary>
    public const double RepositoryWeight = 0.25;

    /// <summary>Earlier tasks counted in the weight.</summary>
    public const int MaxRepositoryTasksCounted = 4;

    /// <summary>Tasks of the repository that must have hit a problem before it counts as the repository's pattern.</summary>
    public const int MinRepositoryTasks = 2;

    /// <summary>Most suggestions a prompt carries.</summary>
    public const int MaxSuggestions = 8;

    /// <summary>Processes the task's feedback so far.</summary>
    /// <param name="attempts">The attempts made, in order.</param>
    /// <param name="userFeedback">What people said (review comments, revise instructions).</param>
    /// <param name="repositoryPatterns">Problems the repository's earlier tasks hit.</param>
    /// <param name="maxItemsPerAttempt">Most items listed per attempt; the rest are counted.</param>
    public static FeedbackSummary Process(
        IReadOnlyList<AttemptRecord> attempts,
        IReadOnlyList<FeedbackItem> userFeedback,
        IReadOnlyList<FeedbackPatternRow> repositoryPatterns,
        int maxItemsPerAttempt = GenerationPipeline.MaxFeedbackFindings)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(userFeedback);
        ArgumentNullException.ThrowIfNull(repositoryPatterns);
        var patterns = repositoryPatterns.Where(p => p.Tasks >= MinRepositoryTasks).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var failed = attempts.Where(a => a.Failure is not null).ToList();
        var perAttempt = failed.Select(a => (Attempt: a, Items: FeedbackNormalizer.FromAttempt(a), Failing: FailingDimensions(a.Assessment))).ToList();

        // Occurrences: in how many failed attempts each key appeared (a key repeated within one attempt counts once there).
        var attemptsByKey = perAttempt
            .SelectMany(p => p.Items.Select(i => (i.Key, p.Attempt.Number)))
            .Distinct()
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Number).Order().ToList(), StringComparer.Ordinal);

        double Impact(FeedbackItem item, IReadOnlySet<QualityDimension> failing)
        {
            var severity = item.Severity switch { FindingSeverity.Error => ErrorWeight, FindingSeverity.Warning => WarningWeight, _ => InfoWeight };
            var inFailing = item.Dimension is { } d && failing.Contains(d) ? FailingDimensionBonus : 0;
            var occurrences = attemptsByKey.TryGetValue(item.Key, out var seen) ? seen.Count : 1;
            var repository = patterns.TryGetValue(item.Key, out var pattern) ? Math.Min(pattern.Tasks, MaxRepositoryTasksCounted) : 0;
            return severity * CategoryWeight(item.Category) * (1 + inFailing) * (1 + (RecurrenceWeight * (occurrences - 1))) * (1 + (RepositoryWeight * repository));
        }

        List<FeedbackItem> Rank(IEnumerable<(FeedbackItem Item, double Impact)> scored) =>
            [.. scored
                .OrderByDescending(s => s.Impact)
                .ThenBy(s => s.Item.File, StringComparer.Ordinal)
                .ThenBy(s => s.Item.Line)
                .ThenBy(s => s.Item.Message, StringComparer.Ordinal)
                .Select(s => s.Item)];

        var promptAttempts = perAttempt.Select(p =>
        {
            var ranked = Rank(p.Items.GroupBy(i => (i.Key, i.File, i.Line)).Select(g => g.First()).Select(i => (i, Impact(i, p.Failing))));
            var shown = ranked.Take(maxItemsPerAttempt).Select(i => i.ToString()).ToList();
            if (ranked.Count > maxItemsPerAttempt)
            {
                shown.Add($"... and {ranked.Count - maxItemsPerAttempt} more item(s) of lower impact, not listed.");
            }

            return new AttemptFeedback(p.Attempt.Number, p.Attempt.FailureSummary ?? p.Attempt.Failure!.Value.Display(), shown);
        }).ToList();

        // One item per key over the task: the latest occurrence (its location is the current one), counted.
        var latestFailing = perAttempt.Count > 0 ? perAttempt[^1].Failing : new HashSet<QualityDimension>();
        var merged = perAttempt.SelectMany(p => p.Items).Concat(userFeedback)
            .GroupBy(i => i.Key, StringComparer.Ordinal)
            .Select(g => g.Last() with { Occurrences = attemptsByKey.TryGetValue(g.Key, out var seen) ? seen.Count : g.Count() })
            .ToList();
        var items = Rank(merged.Select(i => (i, Impact(i, latestFailing))));

        var recurring = items.Where(i => attemptsByKey.TryGetValue(i.Key, out var seen) && seen.Count >= 2).ToList();
        var inRepository = items.Where(i => patterns.ContainsKey(i.Key)).Select(i => new RepositoryRecurrence(i, patterns[i.Key])).ToList();
        var suggestions = recurring.Select(i => ChangeApproach(i, attemptsByKey[i.Key]))
            .Concat(inRepository.Select(r => $"Earlier tasks in this repository hit this {r.Pattern.Tasks} times, so fix it at its root: {Describe(r.Item)}"))
            .Concat(FeedbackSuggestions.For(items.Where(i => i.Category != FeedbackCategory.User || i.Attempt is not null)))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();

        return new FeedbackSummary
        {
            Items = items,
            RecurringInTask = recurring,
            RecurringInRepository = inRepository,
            Suggestions = suggestions,
            Attempts = promptAttempts,
        };
    }

    private static string ChangeApproach(FeedbackItem item, IReadOnlyList<int> attempts) =>
        $"The same {item.CategoryName} problem came back in attempts {string.Join(" and ", attempts)}: {Describe(item)}. The earlier fix did not work; take a different approach instead of repeating it.";

    private static string Describe(FeedbackItem item) =>
        $"{(item.File is null ? "" : item.Line is { } line ? $"{item.File}:{line}: " : $"{item.File}: ")}{item.Message}{(item.RuleId is null ? "" : $" ({item.RuleId})")}";

    private static HashSet<QualityDimension> FailingDimensions(QualityAssessment? assessment) =>
        assessment?.Scores.Where(s => !s.Passed).Select(s => s.Dimension).ToHashSet() ?? [];
}
