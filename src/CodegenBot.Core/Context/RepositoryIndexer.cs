using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Symbols;
using Microsoft.Extensions.Logging;

namespace CodegenBot.Core.Context;

/// <summary>Counters of one indexing run, for <c>codegen context</c>, the report and the benchmarks.</summary>
/// <param name="Files">Candidate files.</param>
/// <param name="Analysed">Files read and analysed in this run.</param>
/// <param name="Reused">Files whose analysis came from the cache (same blob id).</param>
/// <param name="TreeCacheHit">Whether the whole tree's analysis came from the cache.</param>
public sealed record IndexStatistics(int Files, int Analysed, int Reused, bool TreeCacheHit);

/// <summary>
/// Builds the <see cref="RepositoryAnalysis"/> of a checkout, incrementally: a tree already analysed comes whole
/// from the cache (warm run); otherwise the previous analysis of the same repository supplies every file whose
/// blob id is unchanged, and only new or changed files are read and have their symbols extracted.
/// </summary>
internal sealed partial class RepositoryIndexer(
    ContextOptions options,
    SymbolExtractorRegistry extractors,
    IContextCacheStore cache,
    TimeProvider time,
    ILogger<RepositoryIndexer> logger)
{
    /// <summary>Bump when the analysis changes shape or meaning, so old cache entries are ignored.</summary>
    public const int AnalyzerVersion = 2;

    public async Task<(RepositoryAnalysis Analysis, IndexStatistics Statistics)> IndexAsync(string root, string repositoryIdentity, CancellationToken cancellationToken)
    {
        var scanner = new RepositoryScanner(options);
        var candidates = scanner.Candidates(root);
        var treeKey = TreeKey(candidates);
        var configHash = ConfigHash();
        var treeCacheKey = $"tree:v{AnalyzerVersion}:{configHash}:{treeKey}";
        var latestKey = $"latest:v{AnalyzerVersion}:{configHash}:{repositoryIdentity}";

        if (await ReadAsync(treeCacheKey, cancellationToken) is { } cached)
        {
            return (cached, new IndexStatistics(cached.Files.Count, 0, cached.Files.Count, TreeCacheHit: true));
        }

        var previous = (await ReadAsync(latestKey, cancellationToken))?.Files
            .GroupBy(f => (f.File.Path, f.BlobId)).ToDictionary(g => g.Key, g => g.First());
        var analyses = new List<FileAnalysis>(candidates.Count);
        var toExtract = new List<(int Index, string Path, string Language)>();
        var reused = 0;
        foreach (var candidate in candidates)
        {
            if (previous is not null && previous.TryGetValue((candidate.Path, candidate.BlobId), out var known))
            {
                analyses.Add(known);
                reused++;
                continue;
            }

            var file = scanner.Describe(root, candidate);
            if (file is null)
            {
                continue;
            }

            analyses.Add(new FileAnalysis(file, candidate.BlobId, new FileSymbols(file.Path, file.Language ?? "", [], [])));
            if (file.Readable && file.Language is { } language)
            {
                toExtract.Add((analyses.Count - 1, file.Path, language));
            }
        }

        var extracted = await extractors.ExtractAllAsync(root, toExtract.Select(e => (e.Path, e.Language)).ToList(), cancellationToken);
        var byPath = extracted.ToDictionary(s => s.Path, StringComparer.Ordinal);
        foreach (var (index, path, _) in toExtract)
        {
            if (byPath.TryGetValue(path, out var symbols))
            {
                analyses[index] = analyses[index] with { Symbols = symbols };
            }
        }

        analyses.Sort((a, b) => string.CompareOrdinal(a.File.Path, b.File.Path));
        var analysis = new RepositoryAnalysis(treeKey, analyses);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(analysis, CacheJsonContext.Default.RepositoryAnalysis);
        await cache.SetAsync(treeCacheKey, bytes, time.GetUtcNow(), cancellationToken);
        await cache.SetAsync(latestKey, bytes, time.GetUtcNow(), cancellationToken);
        return (analysis, new IndexStatistics(analyses.Count, toExtract.Count, reused, TreeCacheHit: false));
    }

    private async Task<RepositoryAnalysis?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        if (await cache.GetAsync(key, cancellationToken) is not { } entry || time.GetUtcNow() - entry.WrittenAt > options.CacheTtl)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(entry.Value, CacheJsonContext.Default.RepositoryAnalysis);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, key, ex);
            return null;
        }
    }

    /// <summary>The candidates' paths and blob ids, hashed: equal exactly when the analysed content is equal.</summary>
    private static string TreeKey(IReadOnlyList<ScanCandidate> candidates)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var candidate in candidates)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{candidate.Path}\0{candidate.BlobId}\n"));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private string ConfigHash()
    {
        var text = string.Join('\n', [.. options.Include, "|", .. options.Exclude, "|", options.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cached context {Key} could not be read; rebuilding it")]
    private static partial void LogUnreadable(ILogger logger, string key, Exception exception);
}
