namespace CodegenBot.GitHub.Jobs;

/// <summary>Comments that answer a command without a job.</summary>
internal static class Replies
{
    public static string Help(JobContext job, string? unknown) => job.Templates.Render("github/help.md.liquid", new Dictionary<string, object?>
    {
        ["unknown"] = unknown ?? "",
        ["allowed"] = string.Join(", ", job.Options.Security.AllowedPermissions),
        ["trigger_label"] = job.Options.Github.TriggerLabel,
        ["stop_label"] = job.Options.Github.StopLabel,
    });
}
