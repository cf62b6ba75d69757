using System.Collections.Concurrent;
using CodegenBot.Core.Storage;

namespace CodegenBot.GitHub.Api;

/// <summary>
/// Every write the job makes on GitHub (each request that is not a GET), as the audit log's entries: method,
/// API path (never a query string or header: nothing secret), the final status after retries, and the task and
/// person it was done for. Entries wait in memory until the store is open and are written at the end of the job.
/// </summary>
internal sealed class GitHubAuditTrail(string repository, TimeProvider time)
{
    private readonly ConcurrentQueue<AuditEntry> _pending = new();

    /// <summary>The task the job works on, once known (a job on a pull request learns it from the control block).</summary>
    public string TaskId { get; set; } = "";

    /// <summary>The person who triggered the job, once known.</summary>
    public string Actor { get; set; } = "";

    /// <summary>Entries not yet written.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Records an action; its task is filled in when written, so every entry of a job carries the task it came to work on.</summary>
    public void Record(string action, string target, string outcome) =>
        _pending.Enqueue(new AuditEntry { At = time.GetUtcNow(), Repository = repository, Action = action, Target = target, Actor = Actor, Outcome = outcome });

    /// <summary>Writes the pending entries through the journal (or drops them when there is no store).</summary>
    public async Task FlushAsync(RunJournal? journal, CancellationToken cancellationToken)
    {
        while (_pending.TryDequeue(out var entry))
        {
            if (journal is not null)
            {
                await journal.AuditAsync(entry with { TaskId = entry.TaskId.Length > 0 ? entry.TaskId : TaskId, Actor = entry.Actor.Length > 0 ? entry.Actor : Actor }, cancellationToken);
            }
        }
    }
}

/// <summary>Records each non-GET request's method, path and final status in the <see cref="GitHubAuditTrail"/>.</summary>
internal sealed class AuditHandler(GitHubAuditTrail trail) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var action = "github." + request.Method.Method.ToLowerInvariant();
        var target = request.RequestUri.AbsolutePath;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            trail.Record(action, target, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            return response;
        }
        catch (Exception ex)
        {
            trail.Record(action, target, $"failed: {ex.GetType().Name}");
            throw;
        }
    }
}
