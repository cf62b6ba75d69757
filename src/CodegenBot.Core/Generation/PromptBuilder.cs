using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Requests;
using CodegenBot.Core.Security;
using Microsoft.Extensions.AI;

namespace CodegenBot.Core.Generation;

/// <summary>Feedback on one earlier attempt, as the next prompt shows it.</summary>
/// <param name="Number">The attempt's number.</param>
/// <param name="Reason">Why it did not pass, in a few words.</param>
/// <param name="Items">What to fix, one sentence each.</param>
public sealed record AttemptFeedback(int Number, string Reason, IReadOnlyList<string> Items);

/// <summary>
/// Renders the system and user messages of an attempt from <c>templates/prompts/</c>. All prose lives in the
/// templates; this class only shapes the data they receive. The task and its title come from people who may not be
/// allowed to trigger the bot: they are sanitised and fenced as data (<see cref="UntrustedText"/>).
/// </summary>
internal sealed class PromptBuilder(TemplateRenderer templates, CodegenOptions options, EditProtocol protocol = EditProtocol.Text, IReadOnlyList<string>? lessons = null)
{
    public IList<ChatMessage> Build(GenerationRequest request, GatheredContext context, IReadOnlyList<AttemptFeedback> feedback, int attempt, int maxAttempts, IReadOnlyList<string>? suggestions = null)
    {
        var system = templates.Render("prompts/system.liquid", new Dictionary<string, object?>
        {
            ["protected_paths"] = options.Security.ProtectedPaths.ToList<object>(),
            ["edit_protocol"] = protocol == EditProtocol.Tools ? "tools" : "text",
            ["max_tool_calls"] = options.Model.MaxToolCalls,
        });

        var modeName = ConfigNames.EnumValue(request.Mode);
        var user = templates.Render("prompts/user.liquid", new Dictionary<string, object?>
        {
            ["mode_title"] = ModeTitle(request.Mode),
            ["mode_instructions"] = templates.Render($"prompts/modes/{modeName}.liquid", new Dictionary<string, object?>()).Trim(),
            ["title"] = string.IsNullOrWhiteSpace(request.Title) ? "" : UntrustedText.Fence("title", UntrustedText.SanitizeInline(request.Title.Trim())),
            ["task"] = UntrustedText.Fence("task", UntrustedText.Sanitize(request.Task).Text.Trim()),
            ["team"] = context.TeamInstructions.Select(d => Model(("path", d.Path), ("content", d.Content.TrimEnd()), ("truncated", d.Truncated), ("fence", Fence(d.Content)))).ToList<object>(),
            ["files"] = context.Files.Select(f => Model(("path", f.Path), ("content", EnsureNewline(f.Content)), ("reason", f.Reason), ("fence", Fence(f.Content)), ("language", LanguageOf(f.Path)))).ToList<object>(),
            ["repo_map"] = context.RepoMap,
            ["directory_summary"] = context.DirectorySummary,
            ["profile"] = context.Profile.TrimEnd(),
            ["standards"] = context.TeamStandards.ToList<object>(),
            ["missing"] = context.MentionedButMissing.ToList<object>(),
            ["quality"] = Model(("overall_threshold", options.Quality.OverallThreshold), ("guidelines", Guidelines(context).ToList<object>())),
            ["lessons"] = (lessons ?? []).ToList<object>(),
            ["suggestions"] = (suggestions ?? []).ToList<object>(),
            ["feedback"] = feedback.Select(f => Model(("number", f.Number), ("reason", f.Reason), ("items", f.Items.ToList<object>()))).ToList<object>(),
            ["attempt"] = attempt,
            ["max_attempts"] = maxAttempts,
        });

        return [new ChatMessage(ChatRole.System, system.Trim()), new ChatMessage(ChatRole.User, user.Trim())];
    }

    /// <summary>Security and performance guidelines of the languages among the included files, in a stable order.</summary>
    private IEnumerable<string> Guidelines(GatheredContext context)
    {
        var extensions = context.Files.Select(f => Path.GetExtension(f.Path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return options.Languages.OrderBy(l => l.Key, StringComparer.Ordinal)
            .Where(l => l.Value.Extensions.Any(extensions.Contains))
            .SelectMany(l => l.Value.SecurityGuidelines.Concat(l.Value.PerformancePatterns))
            .Distinct(StringComparer.Ordinal);
    }

    private string LanguageOf(string path)
    {
        var extension = Path.GetExtension(path);
        return options.Languages.FirstOrDefault(l => l.Value.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase)).Key ?? "";
    }

    private static Dictionary<string, object?> Model(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    /// <summary>A fence longer than any run of backticks in the content, so file text cannot close it.</summary>
    private static string Fence(string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }

    private static string EnsureNewline(string content) => content.EndsWith('\n') ? content : content + "\n";

    private static string ModeTitle(GenerationMode mode) => mode switch
    {
        GenerationMode.Feature => "feature development",
        GenerationMode.Bugfix => "bug fixing",
        GenerationMode.Refactor => "refactoring",
        GenerationMode.Test => "testing",
        GenerationMode.Docs => "documentation",
        _ => "optimization",
    };
}
