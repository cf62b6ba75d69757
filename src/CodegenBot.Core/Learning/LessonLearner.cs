using System.Security.Cryptography;
using System.Text;
using CodegenBot.Core.Storage;

namespace CodegenBot.Core.Learning;

/// <summary>
/// Turns one task's outcome into lesson updates for its repository:
/// <list type="bullet">
/// <item>a problem (feedback key) that this task hit and earlier tasks hit too — in at least
/// <see cref="MinTasksForLesson"/> tasks — becomes a lesson, or confirms the lesson it already is;</item>
/// <item>a lesson the prompt carried whose problem came back anyway is contradicted (it did not help);</item>
/// <item>a lesson the prompt carried whose problem did not come back, in a task that passed, is confirmed.</item>
/// </list>
/// Pure: the journal reads the store, calls this, and writes back what it returns.
/// </summary>
public static class LessonLearner
{
    /// <summary>Tasks that must hit the same problem before it becomes a lesson (one task is an incident, two a pattern).</summary>
    public const int MinTasksForLesson = 2;

    /// <summary>How the evidence of a contradiction starts (the lesson was in the prompt and its problem came back).</summary>
    public const string ContradictedPrefix = "contradicted: ";

    /// <summary>Evidence kept per lesson, newest last.</summary>
    public const int MaxEvidence = 10;

    /// <summary>The lessons to write (new or changed).</summary>
    /// <param name="repository">The repository.</param>
    /// <param name="taskId">The task that just ended.</param>
    /// <param name="passed">Whether it passed the checks.</param>
    /// <param name="feedback">Its feedback items (one per key).</param>
    /// <param name="patterns">Keys seen in several tasks of the repository, this task included.</param>
    /// <param name="existing">The repository's lessons.</param>
    /// <param name="used">The lessons its prompt carried.</param>
    /// <param name="now">Now.</param>
    public static IReadOnlyList<Lesson> Learn(
        string repository,
        string taskId,
        bool passed,
        IReadOnlyList<FeedbackEntry> feedback,
        IReadOnlyList<FeedbackPatternRow> patterns,
        IReadOnlyList<Lesson> existing,
        IReadOnlyList<Lesson> used,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(used);
        var outcome = passed ? "passed" : "gave_up";
        var hit = feedback.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var usedIds = used.Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
        var byKey = existing.Where(l => l.Key.Length > 0).GroupBy(l => l.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var changed = new Dictionary<string, Lesson>(StringComparer.Ordinal);

        foreach (var pattern in patterns.Where(p => p.Tasks >= MinTasksForLesson && hit.Contains(p.Key)))
        {
            var evidence = new LessonEvidence(taskId, pattern.Message, outcome, now);
            if (!byKey.TryGetValue(pattern.Key, out var lesson))
            {
                changed[IdOf(repository, pattern.Key)] = new Lesson
                {
                    Id = IdOf(repository, pattern.Key),
                    Repository = repository,
                    Key = pattern.Key,
                    Text = TextOf(pattern),
                    Category = pattern.Category.ToLowerInvariant(),
                    Confirmations = pattern.Tasks - 1,
                    CreatedAt = now,
                    LastConfirmedAt = now,
                    Evidence = [evidence],
                };
            }
            else if (usedIds.Contains(lesson.Id))
            {
                // The prompt said so and the problem came back: the lesson did not help (or is wrong).
                changed[lesson.Id] = lesson with { Contradictions = lesson.Contradictions + 1, Evidence = Append(lesson.Evidence, evidence with { Feedback = ContradictedPrefix + evidence.Feedback }) };
            }
            else
            {
                // Not in the prompt, and the problem came back: still true, and worth bringing next time.
                changed[lesson.Id] = lesson with { Confirmations = lesson.Confirmations + 1, LastConfirmedAt = now, Text = TextOf(pattern), Evidence = Append(lesson.Evidence, evidence) };
            }
        }

        if (passed)
        {
            foreach (var lesson in used.Where(l => !changed.ContainsKey(l.Id) && (l.Key.Length == 0 || !hit.Contains(l.Key))))
            {
                // Followed, and the task passed without the problem: confirmed.
                changed[lesson.Id] = lesson with
                {
                    Confirmations = lesson.Confirmations + 1,
                    LastConfirmedAt = now,
                    Evidence = Append(lesson.Evidence, new LessonEvidence(taskId, "followed; the problem did not come back", outcome, now)),
                };
            }
        }

        return [.. changed.Values.OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The lessons that shaped a task (learnt or confirmed in it), after a person merged its pull request
    /// (confirmed) or closed it unmerged (contradicted).
    /// </summary>
    public static IReadOnlyList<Lesson> FromPullRequestOutcome(IReadOnlyList<Lesson> existing, string taskId, bool merged, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var outcome = merged ? "merged" : "closed";
        var evidence = new LessonEvidence(taskId, $"the pull request was {(merged ? "merged" : "closed without merging")}", outcome, now);

        // Shaped the task: learnt or confirmed in it (not contradicted there), and not already given this task's outcome.
        return [.. existing
            .Where(l => l.Evidence.Any(e => e.Task == taskId && !e.Feedback.StartsWith(ContradictedPrefix, StringComparison.Ordinal) && e.Outcome is not ("merged" or "closed"))
                && !l.Evidence.Any(e => e.Task == taskId && e.Outcome is "merged" or "closed"))
            .Select(l => merged
                ? l with { Confirmations = l.Confirmations + 1, LastConfirmedAt = now, Evidence = Append(l.Evidence, evidence) }
                : l with { Contradictions = l.Contradictions + 1, Evidence = Append(l.Evidence, evidence) })
            .OrderBy(l => l.Id, StringComparer.Ordinal)];
    }

    /// <summary>A lesson's id: the repository and a digest of its key (stable across processes).</summary>
    public static string IdOf(string repository, string key) =>
        $"{repository}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16]}";

    /// <summary>The lesson as the prompt shows it: the problem, how often it came up, and what to do.</summary>
    internal static string TextOf(FeedbackPatternRow pattern) =>
        $"Earlier tasks in this repository ({pattern.Tasks} of them) were sent back for this {pattern.Category.ToUpperInvariant()} problem; avoid it from the start: {Shorten(pattern.Message, 300)}";

    private static List<LessonEvidence> Append(IReadOnlyList<LessonEvidence> evidence, LessonEvidence item) =>
        [.. evidence.Skip(Math.Max(0, evidence.Count + 1 - MaxEvidence)), item];

    private static string Shorten(string text, int max)
    {
        var flat = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 3), "...");
    }
}
