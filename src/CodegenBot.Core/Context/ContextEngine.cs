using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context;

/// <summary>
/// Gathers the context of one task: index the repository (incrementally, cached by blob and tree id), profile it,
/// read the team's standards, rank files for the task, and fit full texts, a repo map and a directory summary
/// into the token budget. Also answers the model's bounded requests for more (read, list, search).
/// </summary>
internal sealed class ContextEngine(CodegenOptions options, TokenCounter tokens, RepositoryIndexer indexer, IContextCacheStore cache, TimeProvider time, ContextMemory? memory = null)
{
    /// <summary>Share of the budget the codebase profile may take.</summary>
    public const double ProfileShare = 0.05;

    public async Task<GatheredContext> BuildAsync(
        string root, string repositoryIdentity, TaskContext task, int? budget, CancellationToken cancellationToken, IProgress<IndexProgress>? progress = null)
    {
        var began = time.GetTimestamp();
        var phases = new List<ContextPhase>();
        var totalBudget = budget ?? options.Context.TokenBudget;

        var tokenizer = tokens.WarmUpAsync();
        var start = time.GetTimestamp();
        var (analysis, statistics, saved) = await indexer.IndexDeferringWritesAsync(root, repositoryIdentity, cancellationToken, progress);
        phases.Add(new("index", time.GetElapsedTime(start)));
        phases.AddRange(statistics.Phases);

        // Ranking needs no tokenizer, and the profile only at its end: both start now, while the vocabulary may still be
        // loading (a warm run's index, read from the cache, ends before it; waiting here first made warm typeorm runs
        // 14-83 ms slower in 8 alternating pairs, median 40 ms: two cores are busy either way). The profile awaits the
        // load before it truncates, and this thread before the team's files are counted.
        start = time.GetTimestamp();
        var files = analysis.Files.Select(f => f.File).ToList();
        var readable = analysis.Files.Where(f => f.File.Readable).ToDictionary(f => f.File.Path, StringComparer.Ordinal);
        string? Read(string path) => readable.ContainsKey(path) ? RepositoryScanner.ReadText(root, path) : null;

        // The profile (it reads and measures a sample of sources) and the ranking are independent: side by side. If
        // anything below fails first, the profile is not awaited: its own failure (often the same one, a vocabulary
        // that did not load) is marked seen, as is the load's; awaiting either still throws.
        var profiling = Task.Run(() => ProfileAsync(root, analysis, Read, (int)(totalBudget * ProfileShare), tokenizer, cancellationToken), cancellationToken);
        TaskFailures.Observe(profiling);
        TaskFailures.Observe(tokenizer);
        var eligible = analysis.Files.Where(f => !TeamInstructions.KnownFiles.Contains(f.File.Path)).ToList();
        var candidates = eligible.Select(f => f.Symbols).ToList();
        var ranked = (memory?.RankingFor(root, analysis, eligible) ?? new RankingIndex(eligible)).Rank(task);
        phases.Add(new("rank (alongside the profile)", time.GetElapsedTime(start)));

        var waiting = tokenizer.IsCompleted ? (long?)null : time.GetTimestamp();
        await tokenizer;
        if (waiting is { } since)
        {
            phases.Add(new("tokenizer: waiting for its vocabulary", time.GetElapsedTime(since)));
        }

        var team = TeamInstructions.Load(root, files, (int)(totalBudget * options.Context.TeamInstructionsShare), tokens);
        var standards = TeamStandards.Summarise(options.Team, team);
        var profile = await profiling;
        phases.Add(new("profile and team", time.GetElapsedTime(start)));

        start = time.GetTimestamp();
        var named = candidates.Select(c => c.Path).Where(p => task.FilePaths.Any(m => FileRanker.PathMatches(p, m))).ToHashSet(StringComparer.Ordinal);
        var fixedCost = team.Sum(t => tokens.Count(t.Content)) + tokens.Count(profile) + standards.Sum(s => tokens.Count(s) + 2);
        var fitted = new ContextFitter(tokens).Fit(ranked, candidates.ToDictionary(c => c.Path, StringComparer.Ordinal), Read, Math.Max(0, totalBudget - fixedCost), named);
        phases.Add(new("fit", time.GetElapsedTime(start)));

        // The index's cache writes ran alongside profiling, ranking and fitting; a one-shot process waits for them, a
        // resident one lets them finish in the background (its memory already holds the analysis).
        if (memory is { Resident: true })
        {
            memory.Defer(saved);
        }
        else if (await saved is var writing && !statistics.TreeCacheHit)
        {
            phases.Add(new("index: write cache (alongside the phases after it)", writing));
        }

        var warnings = fitted.Coverage.Where(c => named.Contains(c.Path) && c.Tier != CoverageTier.FullText)
            .Select(c => $"{c.Path} is named in the task but did not fit in full ({(c.Tier == CoverageTier.Signatures ? "sent as signatures" : "only listed")}); raise context.token_budget or name fewer files.")
            .ToList();
        var missing = task.FilePaths
            .Where(p => p.Contains('/', StringComparison.Ordinal) && !files.Any(f => FileRanker.PathMatches(f.Path, p)))
            .Distinct(StringComparer.Ordinal).ToList();

        return new GatheredContext
        {
            Files = fitted.Files,
            RepoMap = fitted.RepoMap,
            DirectorySummary = fitted.DirectorySummary,
            Coverage = fitted.Coverage,
            TeamInstructions = team,
            TeamStandards = standards,
            Profile = profile,
            MentionedButMissing = missing,
            Warnings = warnings,
            TokenCount = fitted.TokenCount + fixedCost,
            TokenBudget = totalBudget,
            Index = statistics,
            Phases = phases,
            Duration = time.GetElapsedTime(began),
            Analysis = analysis,
        };
    }

    /// <summary>
    /// The codebase profile as Markdown, cached by tree key (it samples file contents); it waits for the tokenizer's
    /// load (<paramref name="tokenizer"/>) only to truncate the measured profile to its budget.
    /// </summary>
    private async Task<string> ProfileAsync(
        string root, RepositoryAnalysis analysis, Func<string, string?> read, int budget, Task tokenizer, CancellationToken cancellationToken)
    {
        var key = $"profile:v{RepositoryIndexer.AnalyzerVersion}:{analysis.TreeKey}";
        if (await cache.GetAsync(key, cancellationToken) is { } entry && time.GetUtcNow() - entry.WrittenAt <= options.Context.CacheTtl)
        {
            return System.Text.Encoding.UTF8.GetString(entry.Value);
        }

        var measured = CodebaseProfile.ToMarkdown(analysis, read, memory?.SampledFilesOf(root));
        await tokenizer;
        var markdown = tokens.Truncate(measured, budget);
        await cache.SetAsync(key, System.Text.Encoding.UTF8.GetBytes(markdown), time.GetUtcNow(), cancellationToken);
        return markdown;
    }
}
