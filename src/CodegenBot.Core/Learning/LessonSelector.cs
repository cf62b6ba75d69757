using System.Globalization;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Security;

namespace CodegenBot.Core.Learning;

/// <summary>
/// Picks the lessons a prompt carries: confident enough (<c>learning.min_confidence</c>), ranked by confidence times
/// relevance to the task (shared identifier sub-tokens with the task's text, files and symbols, so a lesson about
/// tests ranks first for a task about tests), at most <c>learning.max_lessons_in_prompt</c> and
/// <c>learning.max_prompt_tokens</c>, in a stable order (same lessons and task → same prompt).
/// </summary>
internal static class LessonSelector
{
    /// <summary>Weight of each sub-token a lesson shares with the task, against a base relevance of 1.</summary>
    public const double SharedTermWeight = 0.25;

    /// <summary>Most shared sub-tokens counted, so a long lesson does not win by length.</summary>
    public const int MaxSharedTerms = 8;

    /// <summary>The prompt's lines for the chosen lessons.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<Lesson> lessons, TaskContext task, LearningOptions options, DateTimeOffset now) =>
        Choose(lessons, task, options, now).Select(c => c.Line).ToList();

    /// <summary>The lessons chosen for the task, best first, with the line the prompt shows for each.</summary>
    public static IReadOnlyList<(Lesson Lesson, string Line)> Choose(IReadOnlyList<Lesson> lessons, TaskContext task, LearningOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lessons);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || lessons.Count == 0 || options.MaxLessonsInPrompt == 0)
        {
            return [];
        }

        var taskTerms = Terms(string.Join(' ', [task.Text, .. task.FilePaths, .. task.SymbolNames]));
        var ranked = lessons
            .Select(l => (Lesson: l, Confidence: LessonConfidence.Of(l, now, options.ConfidenceHalfLife)))
            .Where(x => x.Confidence >= options.MinConfidence)
            .Select(x => (x.Lesson, x.Confidence, Score: x.Confidence * (1 + SharedTermWeight * Math.Min(MaxSharedTerms, Terms(x.Lesson.Text).Count(taskTerms.Contains)))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Lesson.Id, StringComparer.Ordinal);

        var chosen = new List<(Lesson, string)>();
        var tokens = 0;
        foreach (var (lesson, confidence, _) in ranked)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{UntrustedText.SanitizeInline(lesson.Text)} (confidence {confidence:0.00}; confirmed {lesson.Confirmations} time(s), contradicted {lesson.Contradictions})");
            var cost = TokenCounter.Default.Count(line);
            if (chosen.Count == options.MaxLessonsInPrompt || tokens + cost > options.MaxPromptTokens)
            {
                break;
            }

            chosen.Add((lesson, line));
            tokens += cost;
        }

        return chosen;
    }

    /// <summary>The identifier sub-tokens of a text, as BM25 ranking splits them (camelCase, snake_case, lower case).</summary>
    private static HashSet<string> Terms(string text) => [.. TermBag.ForFile(string.Empty, text, []).Terms];
}
