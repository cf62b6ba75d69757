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

    /// <summary>Records an action; its task and person are filled in when written, so every entry of a job carries the task it came to work on.</summary>
    public void Record(string action, string target, string outcome) =>
        _pending.Enqueue(new AuditEntry { At = time.GetUtcNow(), Repository = repository, Action = action, Target = target, Outcome = outcome });

    /// <summary>Appends the pending entries to <paramref name="log"/>; an entry not written stays pending.</summary>
    /// <exception cref="StoreUnavailableException">The store could not be written.</exception>
    public async Task FlushAsync(IAuditLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        while (_pending.TryPeek(out var entry))
        {
            await log.AppendAsync(entry with { TaskId = TaskId, Actor = Actor }, cancellationToken);
            _pending.TryDequeue(out _);
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
