using System.Globalization;
using System.Text;
using System.Text.Json;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.RepoMap;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Context.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace CodegenBot.Bench.Retrieval;

/// <summary>What one ranking achieved on one task.</summary>
internal sealed record RankingResult(double RecallAt1, double RecallAt5, double RecallAt10, IReadOnlyDictionary<int, bool> FitsAt, IReadOnlyList<string> Top10);

/// <summary>Both rankings of one task.</summary>
internal sealed record TaskResult(RetrievalTask Task, RankingResult Engine, RankingResult Bm25, TimeSpan EngineTime);

/// <summary>
/// Runs the development set: for each task, checks out its commit in the repository's work clone, asks the
/// context engine for context at each budget, ranks the same files with plain BM25, and scores both.
/// </summary>
internal sealed class RetrievalHarness(string workRoot, string cacheFolder, TextWriter log)
{
    public static readonly int[] Budgets = [8_000, 16_000, 32_000];

    /// <summary>Tokens of framing per full-text file, as the engine counts them.</summary>
    private const int FileOverhead = 12;

    private readonly PlainBm25 _bm25 = new();

    public async Task<IReadOnlyList<TaskResult>> RunAsync(IReadOnlyList<RetrievalTask> tasks, CancellationToken cancellationToken)
    {
        var factory = new ContextEngineFactory(
            new SymbolExtractorRegistry([new CSharpSymbolExtractor(), new CtagsSymbolExtractor()], NullLogger<SymbolExtractorRegistry>.Instance),
            new FileContextCacheStore(cacheFolder, NullLogger<FileContextCacheStore>.Instance),
            TimeProvider.System,
            NullLoggerFactory.Instance);
        var results = new List<TaskResult>();
        foreach (var (task, number) in tasks.Select((t, i) => (t, i + 1)))
        {
            var root = Path.Combine(workRoot, task.Repo.Replace('/', '+'));
            await Git.RunAsync(root, cancellationToken, "checkout", "--quiet", "--force", "--detach", task.Commit);
            await Git.RunAsync(root, cancellationToken, "clean", "-fdxq");
            var options = ConfigurationLoader.Load(new ConfigurationInputs { RepositoryPath = root }).Options;
            var engine = factory.Create(options);
            var parsed = TaskParser.Parse(task.Task);

            var started = TimeProvider.System.GetTimestamp();
            var fits = new Dictionary<int, bool>();
            IReadOnlyList<string> ranked = [];
            foreach (var budget in Budgets)
            {
                var gathered = await engine.BuildAsync(root, task.Repo, parsed, budget, cancellationToken);
                ranked = gathered.Coverage.Select(c => c.Path).ToList();
                var full = gathered.Coverage.Where(c => c.Tier == CoverageTier.FullText).Select(c => c.Path).ToHashSet(StringComparer.Ordinal);
                fits[budget] = task.Gold.All(full.Contains);
            }

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var engineResult = Score(task, ranked, fits);
            var bm25Result = Baseline(root, task, ranked, parsed);
            results.Add(new TaskResult(task, engineResult, bm25Result, elapsed));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{number}/{tasks.Count}] {task.Repo} {task.Fix[..10]} engine r@5 {engineResult.RecallAt5:0.00} bm25 r@5 {bm25Result.RecallAt5:0.00} ({elapsed.TotalSeconds:0.0} s)"));
        }

        return results;
    }

    private RankingResult Baseline(string root, RetrievalTask task, IReadOnlyList<string> candidates, Core.Requests.TaskContext parsed)
    {
        var files = candidates
            .Select(p => (Path: p, Text: RepositoryScanner.ReadText(root, p)))
            .Where(f => f.Text is not null && !f.Text.Contains('\0', StringComparison.Ordinal))
            .Select(f => (f.Path, Text: f.Text!))
            .ToList();
        var query = TaskMentions.Words(parsed.Text);
        var ranked = _bm25.Rank(files, query);
        var texts = files.ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);
        var fits = new Dictionary<int, bool>();
        foreach (var budget in Budgets)
        {
            // Full texts in rank order under the engine's own limits (share of the budget, most files), so the
            // comparison is of the rankings, not of how much each may send.
            var included = new HashSet<string>(StringComparer.Ordinal);
            var limit = (int)(budget * ContextFitter.FullTextShare);
            var used = 0;
            foreach (var path in ranked.Take(ContextFitter.MaxFullTextFiles * 4))
            {
                var cost = TokenCounter.Default.Count(texts[path]) + TokenCounter.Default.Count(path) + FileOverhead;
                if (used + cost <= limit)
                {
                    included.Add(path);
                    used += cost;
                }

                if (included.Count == ContextFitter.MaxFullTextFiles || task.Gold.All(included.Contains))
                {
                    break;
                }
            }

            fits[budget] = task.Gold.All(included.Contains);
        }

        return Score(task, ranked, fits);
    }

    private static RankingResult Score(RetrievalTask task, IReadOnlyList<string> ranked, IReadOnlyDictionary<int, bool> fits)
    {
        double Recall(int k) => (double)task.Gold.Count(g => ranked.Take(k).Contains(g, StringComparer.Ordinal)) / task.Gold.Count;
        return new RankingResult(Recall(1), Recall(5), Recall(10), fits, ranked.Take(10).ToList());
    }

    /// <summary>The summary table of docs/benchmarks.md: recall and fit per ranking, overall and per repository.</summary>
    public static string Summarise(IReadOnlyList<TaskResult> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Set | Tasks | Ranking | recall@1 | recall@5 | recall@10 | fits 8k | fits 16k | fits 32k |");
        builder.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        var groups = results.GroupBy(r => r.Task.Repo).Select(g => (Name: g.Key, Items: g.ToList())).Prepend(("all", results.ToList()));
        foreach (var (name, items) in groups)
        {
            foreach (var (label, pick) in new (string, Func<TaskResult, RankingResult>)[] { ("engine", r => r.Engine), ("BM25", r => r.Bm25) })
            {
                var rankings = items.Select(pick).ToList();
                builder.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {items.Count} | {label} | {Percent(rankings.Average(r => r.RecallAt1))} | {Percent(rankings.Average(r => r.RecallAt5))} | {Percent(rankings.Average(r => r.RecallAt10))} | {Share(rankings, 8_000)} | {Share(rankings, 16_000)} | {Share(rankings, 32_000)} |"));
            }
        }

        var all = results.ToList();
        var gap = (all.Average(r => r.Engine.RecallAt5) - all.Average(r => r.Bm25.RecallAt5)) * 100;
        builder.AppendLine();
        builder.AppendLine(string.Create(CultureInfo.InvariantCulture, $"recall@5: engine minus BM25 = {gap:+0.0;-0.0} points (target: +15)."));
        return builder.ToString();

        static string Percent(double value) => string.Create(CultureInfo.InvariantCulture, $"{value * 100:0.0}%");
        static string Share(List<RankingResult> rankings, int budget) => Percent(rankings.Average(r => r.FitsAt[budget] ? 1.0 : 0.0));
    }

    public static string ToJsonLine(TaskResult result) => JsonSerializer.Serialize(new
    {
        repo = result.Task.Repo,
        fix = result.Task.Fix,
        gold = result.Task.Gold,
        engine = result.Engine,
        bm25 = result.Bm25,
        engine_seconds = Math.Round(result.EngineTime.TotalSeconds, 2),
    });
}
