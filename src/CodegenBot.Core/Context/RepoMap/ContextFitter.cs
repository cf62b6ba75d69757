using System.Text;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.RepoMap;

/// <summary>How much of a file reached the prompt.</summary>
public enum CoverageTier
{
    /// <summary>Its full text.</summary>
    FullText,

    /// <summary>Its signatures, in the repo map.</summary>
    Signatures,

    /// <summary>Only counted in the directory summary.</summary>
    DirectorySummary,
}

/// <summary>What the model was given of one file, and what it cost.</summary>
/// <param name="Path">The file.</param>
/// <param name="Tier">How much of it was sent.</param>
/// <param name="Tokens">Tokens it took (0 for the directory summary).</param>
/// <param name="Score">Its relevance score.</param>
/// <param name="Reasons">Why it ranked where it did.</param>
public sealed record CoverageEntry(string Path, CoverageTier Tier, int Tokens, double Score, IReadOnlyList<string> Reasons);

/// <summary>The context cut to the budget: full texts, the repo map, the directory summary, and the coverage.</summary>
public sealed record FittedContext(
    IReadOnlyList<ContextFile> Files,
    string RepoMap,
    string DirectorySummary,
    IReadOnlyList<CoverageEntry> Coverage,
    int TokenCount);

/// <summary>
/// Fits ranked files to a token budget in three tiers: the full text of the top files (up to
/// <see cref="FullTextShare"/> of the budget, files the task names first and allowed the whole budget), a
/// signatures-only repo map of as many next files as fit (binary search on the rendered size), and a directory
/// summary of the rest.
/// </summary>
internal sealed class ContextFitter(TokenCounter tokens)
{
    /// <summary>Share of the budget full texts may take; the rest goes to the map and the summary.</summary>
    public const double FullTextShare = 0.6;

    /// <summary>The most files sent in full, however small.</summary>
    public const int MaxFullTextFiles = 12;

    /// <summary>Share of what is left after full texts that the directory summary may take.</summary>
    public const double SummaryShare = 0.1;

    /// <summary>Tokens of framing per full-text file (path heading, fences, reason).</summary>
    private const int FileOverhead = 12;

    public FittedContext Fit(IReadOnlyList<RankedFile> ranked, IReadOnlyDictionary<string, FileSymbols> symbols, Func<string, string?> readText, int budget, ISet<string> named)
    {
        var full = new List<ContextFile>();
        var coverage = new Dictionary<string, CoverageEntry>(StringComparer.Ordinal);
        var fullBudget = (int)(budget * FullTextShare);
        var used = 0;
        foreach (var file in ranked.Where(r => r.Score > 0).OrderByDescending(r => named.Contains(r.Path)).Take(MaxFullTextFiles * 4))
        {
            if (full.Count >= MaxFullTextFiles || readText(file.Path) is not { } content)
            {
                continue;
            }

            var cost = tokens.Count(content) + tokens.Count(file.Path) + FileOverhead;
            var limit = named.Contains(file.Path) ? budget : fullBudget;
            if (used + cost <= limit)
            {
                full.Add(new ContextFile(file.Path, content, string.Join("; ", file.Reasons.DefaultIfEmpty("ranked")), cost));
                coverage[file.Path] = new CoverageEntry(file.Path, CoverageTier.FullText, cost, file.Score, file.Reasons);
                used += cost;
            }
        }

        var rest = ranked.Where(r => !coverage.ContainsKey(r.Path)).ToList();
        var summaryBudget = (int)((budget - used) * SummaryShare);
        var mapBudget = budget - used - summaryBudget;
        var mapCount = LargestFittingMap(rest, symbols, mapBudget);
        var map = RepoMapRenderer.Render(rest.Take(mapCount).Select(r => SymbolsOf(symbols, r.Path)));
        foreach (var file in rest.Take(mapCount))
        {
            var cost = tokens.Count(RepoMapRenderer.Render([SymbolsOf(symbols, file.Path)]));
            coverage[file.Path] = new CoverageEntry(file.Path, CoverageTier.Signatures, cost, file.Score, file.Reasons);
        }

        var summary = DirectorySummary(rest.Skip(mapCount).Select(r => r.Path).ToList(), summaryBudget);
        foreach (var file in rest.Skip(mapCount))
        {
            coverage[file.Path] = new CoverageEntry(file.Path, CoverageTier.DirectorySummary, 0, file.Score, file.Reasons);
        }

        return new FittedContext(
            full,
            map,
            summary,
            ranked.Select(r => coverage[r.Path]).ToList(),
            used + tokens.Count(map) + tokens.Count(summary));
    }

    /// <summary>
    /// The largest prefix of the ranked files whose rendered map fits the budget. Each file's block is counted once
    /// and blocks are added in rank order; because tokens can merge across block boundaries, the final map is counted
    /// whole and shortened by binary search if the sum was optimistic.
    /// </summary>
    private int LargestFittingMap(List<RankedFile> files, IReadOnlyDictionary<string, FileSymbols> symbols, int budget)
    {
        var count = 0;
        var used = 0;
        while (count < files.Count)
        {
            var cost = tokens.Count(RepoMapRenderer.Render([SymbolsOf(symbols, files[count].Path)]));
            if (used + cost > budget)
            {
                break;
            }

            used += cost;
            count++;
        }

        int low = 0, high = count;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (tokens.Count(RepoMapRenderer.Render(files.Take(middle).Select(f => SymbolsOf(symbols, f.Path)))) <= budget)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private string DirectorySummary(List<string> paths, int budget)
    {
        if (paths.Count == 0)
        {
            return "";
        }

        var lines = paths.GroupBy(p => Path.GetDirectoryName(p)?.Replace('\\', '/') ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var kinds = g.GroupBy(p => Path.GetExtension(p) is { Length: > 0 } e ? e : "(no extension)")
                    .OrderByDescending(k => k.Count()).ThenBy(k => k.Key, StringComparer.Ordinal)
                    .Select(k => $"{k.Key} {k.Count()}");
                return $"{(g.Key.Length == 0 ? "." : g.Key)}/: {g.Count()} file(s) ({string.Join(", ", kinds)})";
            })
            .ToList();

        var builder = new StringBuilder();
        var used = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var cost = tokens.Count(lines[i]) + 1;
            if (used + cost > budget)
            {
                builder.Append("... and ").Append(lines.Count - i).Append(" more folder(s)\n");
                break;
            }

            builder.Append(lines[i]).Append('\n');
            used += cost;
        }

        return builder.ToString();
    }

    private static FileSymbols SymbolsOf(IReadOnlyDictionary<string, FileSymbols> symbols, string path) =>
        symbols.TryGetValue(path, out var found) ? found : new FileSymbols(path, "", [], []);
}
