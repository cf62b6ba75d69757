using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace CodegenBot.GitHub.Api;

/// <summary>
/// Conditional GETs: remembers each GET's ETag and body for the life of the client and asks again with
/// <c>If-None-Match</c>; a 304 (which GitHub does not count against the rate limit) is answered from memory.
/// A job reads the same issue, comments and pull request several times, so this saves most of its quota.
/// </summary>
internal sealed class ConditionalRequestHandler : DelegatingHandler
{
    private readonly ConcurrentDictionary<string, Cached> _cache = new(StringComparer.Ordinal);

    /// <summary>GETs answered from memory after a 304.</summary>
    public int NotModifiedCount { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = request.RequestUri.AbsoluteUri + "|" + request.Headers.Accept;
        if (_cache.TryGetValue(key, out var cached))
        {
            request.Headers.IfNoneMatch.Clear();
            request.Headers.IfNoneMatch.Add(cached.ETag);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            NotModifiedCount++;
            var replay = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new ByteArrayContent(cached.Body) };
            foreach (var header in cached.ContentHeaders)
            {
                replay.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            foreach (var header in response.Headers)
            {
                replay.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Dispose();
            return replay;
        }

        if (response.IsSuccessStatusCode && response.Headers.ETag is { } etag)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            _cache[key] = new Cached(etag, body, response.Content.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToArray())).ToList());
        }

        return response;
    }

    private sealed record Cached(EntityTagHeaderValue ETag, byte[] Body, List<KeyValuePair<string, string[]>> ContentHeaders);
}
