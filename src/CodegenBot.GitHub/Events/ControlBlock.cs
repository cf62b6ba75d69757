using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodegenBot.Core.Requests;

namespace CodegenBot.GitHub.Events;

/// <summary>What a bot pull request was made for, kept in its body so a retry can run it again.</summary>
/// <param name="Issue">The issue it answers, if any.</param>
/// <param name="Mode">The mode.</param>
/// <param name="Task">The free-text task when there is no issue (manual and scheduled runs).</param>
/// <param name="Hotspot">The file a scheduled refactoring run chose.</param>
public sealed record PullRequestOrigin(int? Issue, GenerationMode Mode, string? Task = null, string? Hotspot = null);

/// <summary>
/// The Renovate-style control block at the end of a bot pull request's body: a box to tick for a retry, the
/// stop label, and the request it was made for (hidden, base64 JSON so no text can close the comment early).
/// </summary>
public static partial class ControlBlock
{
    /// <summary>Marks the start of the block.</summary>
    public const string StartMarker = "<!-- codegen:control -->";

    private const string RetryMarker = "<!-- codegen:retry -->";
    private const string OriginPrefix = "<!-- codegen:origin ";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The block, retry box unticked.</summary>
    public static string Render(PullRequestOrigin origin, string stopLabel)
    {
        var encoded = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(origin, Json));
        return $"""
            {StartMarker}
            ---
            - [ ] {RetryMarker} **Retry**: tick this box to generate the change again from the latest base branch. Commits a person added to the branch are kept; the bot then adds its commit on top.
            - Add the `{stopLabel}` label to make the bot leave this pull request alone.
            {OriginPrefix}{encoded} -->
            """;
    }

    /// <summary>Whether the retry box is ticked.</summary>
    public static bool RetryRequested(string? body) => body is not null && TickedRetry().IsMatch(body);

    /// <summary>The request the pull request was made for, or null when the body has no (readable) block.</summary>
    public static PullRequestOrigin? Origin(string? body)
    {
        if (body is null)
        {
            return null;
        }

        var start = body.LastIndexOf(OriginPrefix, StringComparison.Ordinal);
        var end = start < 0 ? -1 : body.IndexOf("-->", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(body[(start + OriginPrefix.Length)..end].Trim());
            return JsonSerializer.Deserialize<PullRequestOrigin>(Encoding.UTF8.GetString(bytes), Json);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^\s*[-*]\s+\[[xX]\]\s+<!-- codegen:retry -->", RegexOptions.Multiline)]
    private static partial Regex TickedRetry();
}
