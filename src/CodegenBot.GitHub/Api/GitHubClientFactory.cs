using System.Net.Http.Headers;
using CodegenBot.Core.Configuration;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace CodegenBot.GitHub.Api;

/// <summary>
/// Builds the one Octokit client of a job over one HttpClient pipeline: the audit trail of writes →
/// conditional requests (ETag) →
/// resilience (retry on 5xx, timeouts, secondary rate limits with their Retry-After or reset time; per-call
/// timeout) → sockets. Octokit sees a response only after the retries are spent.
/// </summary>
internal static class GitHubClientFactory
{
    /// <summary>The public API; GitHub Enterprise Server and tests pass their own in <c>GITHUB_API_URL</c>.</summary>
    public static readonly Uri DefaultApiUrl = new("https://api.github.com/");

    public static IGitHubClient Create(Uri apiUrl, string token, GitHubApiOptions options, TimeProvider time, ILoggerFactory loggers, GitHubAuditTrail? audit = null)
    {
        var resilience = new ResilienceHandler(GitHubResilience.Build(options, time, loggers.CreateLogger(typeof(GitHubResilience).FullName!)))
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        HttpMessageHandler handler = new ConditionalRequestHandler { InnerHandler = resilience };
        if (audit is not null)
        {
            handler = new AuditHandler(audit) { InnerHandler = handler };
        }

        var version = typeof(GitHubClientFactory).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";
        var connection = new Connection(
            new Octokit.ProductHeaderValue("CodegenBot", version),
            EnsureSlash(apiUrl),
            new InMemoryCredentialStore(new Credentials(token)),
            new HttpClientAdapter(() => handler),
            new SimpleJsonSerializer());
        return new GitHubClient(connection);
    }

    private static Uri EnsureSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>The value of a response header, or null.</summary>
    internal static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
