using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodegenBot.Core.Configuration;
using IContextCacheStore = CodegenBot.Core.Context.Caching.IContextCacheStore;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality;

/// <summary>
/// Assesses files in seven dimensions. Each file goes to the analyzer of its language (metrics, public API, syntax
/// and naming findings); the shared limits (<see cref="LimitRules"/>) and the pattern rules (security,
/// performance) run on the result; findings already present in the base version of a file are kept apart and not
/// scored. Files are analysed in parallel and their analyses cached by content hash.
/// </summary>
/// <remarks>
/// Scoring: in a file, a dimension loses <see cref="PointsPerError"/>, <see cref="PointsPerWarning"/> or
/// <see cref="PointsPerInfo"/> per finding, floored at 0; the dimension's score is the mean over files weighted by
/// their lines of code. Documentation is the share of public API with doc comments (members that were already
/// undocumented in the base version count neither way, and a file that has never documented its API is held to its
/// own convention); testing is the share of changed source files with tests (a file untested before the change is
/// not blamed on it). The overall score weighs the dimensions by <c>quality.weights</c> (or the language's
/// own). Thresholds are per dimension, overridable per language.
/// </remarks>
internal sealed partial class QualityAssessor
{
    /// <summary>Points an error costs its dimension in a file.</summary>
    public const double PointsPerError = 25;

    /// <summary>Points a warning costs its dimension in a file.</summary>
    public const double PointsPerWarning = 5;

    /// <summary>Points an informational finding costs its dimension in a file.</summary>
    public const double PointsPerInfo = 1;

    /// <summary>Bumped whenever an analyzer's output changes, so cached analyses are not reused.</summary>
    public const int AnalysisVersion = 6;

    private static readonly JsonSerializerOptions CacheJson = new(JsonSerializerDefaults.Web);

    private readonly IReadOnlyList<ILanguageAnalyzer> _analyzers;
    private readonly IReadOnlyList<IQualityRule> _rules;
    private readonly QualityOptions _options;
    private readonly IReadOnlyDictionary<string, LanguageOptions> _languages;
    private readonly IContextCacheStore? _cache;
    private readonly TimeProvider _time;

    public QualityAssessor(
        IEnumerable<ILanguageAnalyzer> analyzers,
        IEnumerable<IQualityRule> rules,
        QualityOptions options,
        IReadOnlyDictionary<string, LanguageOptions>? languages = null,
        IContextCacheStore? cache = null,
        TimeProvider? time = null)
    {
        _analyzers = [.. analyzers];
        _rules = [.. rules];
        _options = options;
        _languages = languages ?? new Dictionary<string, LanguageOptions>();
        _cache = cache;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Assesses the given files of the work tree at <paramref name="root"/>.</summary>
    /// <param name="root">The work tree.</param>
    /// <param name="paths">Repository-relative paths; deleted or unreadable ones are skipped.</param>
    /// <param name="baseContent">The base version of a file (null when new); findings also found there are pre-existing.</param>
    /// <param name="progress">Reports files done.</param>
    /// <param name="cancellationToken">Cancels the assessment.</param>
    public async Task<QualityAssessment> AssessAsync(
        string root,
        IReadOnlyList<string> paths,
        Func<string, CancellationToken, Task<string?>>? baseContent = null,
        IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var results = new ConcurrentDictionary<string, (FileAnalysis Analysis, List<Finding> Findings, List<Finding> Preexisting, string Content)>(StringComparer.Ordinal);
        var skipped = new ConcurrentBag<string>();
        var done = 0;
        var unique = paths.Distinct(StringComparer.Ordinal).ToList();
        foreach (var analyzer in _analyzers)
        {
            var mine = unique.Where(analyzer.CanAnalyze).ToList();
            if (mine.Count > 0)
            {
                await analyzer.PrepareAsync(root, mine, cancellationToken);
            }
        }

        await Parallel.ForEachAsync(
            unique,
            new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            async (path, ct) =>
            {
                var analyzer = _analyzers.FirstOrDefault(a => a.CanAnalyze(path));
                var content = analyzer is null ? null : await ReadAsync(Path.Combine(root, path), ct);
                if (analyzer is null || content is null)
                {
                    skipped.Add(path);
                }
                else
                {
                    var language = LanguageOf(analyzer.Language);
                    var (analysis, findings) = await AnalyzeAsync(analyzer, language, new SourceFile(path, analyzer.Language, content) { Root = root }, ct);
                    var preexisting = new List<Finding>();
                    if (baseContent is not null && findings.Count > 0 && await baseContent(path, ct) is { } original)
                    {
                        // The base text is analysed alone: compiled with the changed neighbours it would inherit their errors.
                        var (baseAnalysis, before) = await AnalyzeAsync(analyzer, language, new SourceFile(path, analyzer.Language, original), ct);
                        preexisting = SplitPreexisting(findings, before);
                        if (baseAnalysis.PublicApi.Count > 0 && !baseAnalysis.PublicApi.Any(s => s.Documented))
                        {
                            // The file has never documented its API: new members follow the file's convention.
                            findings.RemoveAll(f => f.RuleId == LimitRules.Undocumented);
                            preexisting.RemoveAll(f => f.RuleId == LimitRules.Undocumented);
                            analysis = analysis with { PublicApi = [] };
                        }
                    }

                    results[path] = (analysis, findings, preexisting, content);
                }

                progress?.Report(Interlocked.Increment(ref done));
            });

        var ordered = results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value).ToList();
        var findingsByFile = ordered.ToDictionary(r => r.Analysis.Path, r => r.Findings, StringComparer.Ordinal);
        var analyses = ordered.Select(r => r.Analysis).ToList();
        if (analyses.Count > 0)
        {
            var subjects = TestCoverage.Subjects(root);
            foreach (var untested in TestCoverage.Untested(analyses, subjects, ordered.ToDictionary(r => r.Analysis.Path, r => r.Content, StringComparer.Ordinal)))
            {
                // A file that existed untested before the change is a pre-existing gap, shown but not blamed on the change.
                var existed = baseContent is not null && await baseContent(untested.Path, cancellationToken) is not null;
                (existed ? results[untested.Path].Preexisting : findingsByFile[untested.Path]).Add(new Finding
                {
                    File = untested.Path,
                    Line = 1,
                    Column = 1,
                    RuleId = LimitRules.Untested,
                    Dimension = QualityDimension.Testing,
                    Severity = FindingSeverity.Warning,
                    Message = $"no test is named for {untested.Path} ({TestCoverage.ExpectedTestNames(untested.Path)}) and no test file assessed with it mentions it",
                    FixHint = "add or extend the tests that exercise this code",
                });
            }
        }

        var preexistingByFile = ordered.ToDictionary(r => r.Analysis.Path, r => r.Preexisting, StringComparer.Ordinal);
        var fileScores = analyses.Select(a => ScoreFile(a, findingsByFile[a.Path], preexistingByFile[a.Path])).ToList();
        var scores = analyses.Count == 0 ? [] : Score(analyses, findingsByFile, ordered.Sum(r => r.Preexisting.Count(f => f.RuleId == LimitRules.Undocumented)));
        return new QualityAssessment
        {
            Findings = Order(findingsByFile.Values.SelectMany(f => f)),
            PreexistingFindings = Order(ordered.SelectMany(r => r.Preexisting)),
            Scores = scores,
            Overall = analyses.Count == 0 ? 100 : Overall(scores, analyses),
            OverallThreshold = _options.OverallThreshold,
            AnalyzedFiles = analyses.Select(a => a.Path).ToList(),
            SkippedFiles = skipped.Order(StringComparer.Ordinal).ToList(),
            Files = analyses,
            FileScores = fileScores,
        };
    }

    /// <summary>The language's settings, or defaults when none are shipped or configured.</summary>
    public LanguageOptions LanguageOf(string language) => _languages.GetValueOrDefault(language) ?? new LanguageOptions();

    private async Task<(FileAnalysis Analysis, List<Finding> Findings)> AnalyzeAsync(ILanguageAnalyzer analyzer, LanguageOptions language, SourceFile file, CancellationToken cancellationToken)
    {
        var analysis = await CachedAnalysisAsync(analyzer, language, file, cancellationToken);
        var masked = MaskedSource.Create(file.Content, file.Language);
        var findings = analysis.Findings
            .Concat(LimitRules.Apply(analysis, language, file.Content))
            .Concat(_rules.Where(r => r.AppliesTo(file.Language) && Enabled(language, r.Id)).SelectMany(r => r.Check(file, masked, analysis)))
            .Where(f => Enabled(language, f.RuleId))
            .Select(f => language.Rules.GetValueOrDefault(f.RuleId)?.Severity is { } severity ? f with { Severity = severity } : f)
            .ToList();
        return (analysis, findings);
    }

    private async Task<FileAnalysis> CachedAnalysisAsync(ILanguageAnalyzer analyzer, LanguageOptions language, SourceFile file, CancellationToken cancellationToken)
    {
        if (_cache is null)
        {
            return await analyzer.AnalyzeAsync(file, language, cancellationToken);
        }

        var key = CacheKey(analyzer, language, file);
        if (await _cache.GetAsync(key, cancellationToken) is { } hit)
        {
            try
            {
                if (JsonSerializer.Deserialize<FileAnalysis>(hit.Value, CacheJson) is { } cached && cached.Path == file.Path)
                {
                    return cached;
                }
            }
            catch (JsonException)
            {
                // A corrupt entry is rebuilt below.
            }
        }

        var analysis = await analyzer.AnalyzeAsync(file, language, cancellationToken);
        await _cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(analysis, CacheJson), _time.GetUtcNow(), cancellationToken);
        return analysis;
    }

    private static string CacheKey(ILanguageAnalyzer analyzer, LanguageOptions language, SourceFile file)
    {
        var settings = JsonSerializer.Serialize(new { language.Style, language.Thresholds, language.Documentation }, CacheJson);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{AnalysisVersion}\n{analyzer.Language}\n{analyzer.GetType().FullName}\n{settings}\n{analyzer.Fingerprint(file)}\n{file.Path}\n{file.Content}")));
        return $"quality/{analyzer.Language}/{hash}";
    }

    private static bool Enabled(LanguageOptions language, string ruleId) => language.Rules.GetValueOrDefault(ruleId)?.Enabled ?? true;

    /// <summary>
    /// Moves findings that the base version also has (same rule, same message once numbers are ignored) out of
    /// <paramref name="findings"/>; each base finding excuses one.
    /// </summary>
    private static List<Finding> SplitPreexisting(List<Finding> findings, List<Finding> before)
    {
        var remaining = before.GroupBy(Key).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var preexisting = new List<Finding>();
        findings.RemoveAll(f =>
        {
            if (!remaining.TryGetValue(Key(f), out var candidates) || candidates.Count == 0)
            {
                return false;
            }

            // A metric that got worse (complexity 16 → 60) is the change's, even though the finding existed before.
            var match = candidates.FirstOrDefault(b => !Worse(f, b));
            if (match is null)
            {
                return false;
            }

            candidates.Remove(match);
            preexisting.Add(f);
            return true;
        });
        return preexisting;

        // Numbers standing alone (a metric's value, a count) are masked; digits inside names (Parse2) are not.
        static string Key(Finding f) => f.RuleId + "\n" + StandaloneNumber().Replace(f.Message, "#");

        static bool Worse(Finding now, Finding then)
        {
            if (!now.RuleId.StartsWith("CG2", StringComparison.Ordinal)
                || StandaloneNumber().Match(now.Message) is not { Success: true } current
                || StandaloneNumber().Match(then.Message) is not { Success: true } previous)
            {
                return false;
            }

            var (a, b) = (double.Parse(current.Value, CultureInfo.InvariantCulture), double.Parse(previous.Value, CultureInfo.InvariantCulture));
            return now.RuleId == LimitRules.Maintainability ? a < b : a > b;
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}_])\d+(?![\p{L}\p{Nd}_])", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex StandaloneNumber();

    private static List<Finding> Order(IEnumerable<Finding> findings) => findings
        .OrderByDescending(f => f.Severity)
        .ThenBy(f => f.File, StringComparer.Ordinal)
        .ThenBy(f => f.Line)
        .ThenBy(f => f.Column)
        .ThenBy(f => f.RuleId, StringComparer.Ordinal)
        .ToList();

    private List<DimensionScore> Score(IReadOnlyList<FileAnalysis> analyses, Dictionary<string, List<Finding>> findings, int preexistingUndocumented)
    {
        var scores = new List<DimensionScore>();
        foreach (var dimension in Enum.GetValues<QualityDimension>())
        {
            var score = dimension switch
            {
                QualityDimension.Documentation => DocumentationScore(analyses, findings, preexistingUndocumented),
                QualityDimension.Testing => TestingScore(analyses, findings),
                _ => WeightedMean(analyses, a => FileScore(findings[a.Path], dimension)),
            };
            var threshold = WeightedMean(analyses, a => Value(ThresholdsOf(a.Language), dimension));
            scores.Add(new DimensionScore(dimension, Math.Round(score, 1), Math.Round(threshold, 1)));
        }

        return scores;
    }

    private double Overall(IReadOnlyList<DimensionScore> scores, IReadOnlyList<FileAnalysis> analyses)
    {
        double total = 0, weights = 0;
        foreach (var score in scores)
        {
            var weight = WeightedMean(analyses, a => Value(WeightsOf(a.Language), score.Dimension));
            total += weight * score.Score;
            weights += weight;
        }

        return weights <= 0 ? 100 : Math.Round(total / weights, 1);
    }

    private FileScore ScoreFile(FileAnalysis analysis, List<Finding> findings, List<Finding> preexisting)
    {
        var one = new[] { analysis };
        var byFile = new Dictionary<string, List<Finding>>(StringComparer.Ordinal) { [analysis.Path] = findings };
        var scores = Score(one, byFile, preexisting.Count(f => f.RuleId == LimitRules.Undocumented));
        return new FileScore(analysis.Path, analysis.Language, analysis.CodeLines, Overall(scores, one), scores);
    }

    private QualityDimensionValues ThresholdsOf(string language) => LanguageOf(language).DimensionThresholds ?? _options.Thresholds;

    private QualityDimensionValues WeightsOf(string language) => LanguageOf(language).DimensionWeights ?? _options.Weights;

    private static double FileScore(List<Finding> findings, QualityDimension dimension)
    {
        var lost = findings.Where(f => f.Dimension == dimension).Sum(f => f.Severity switch
        {
            FindingSeverity.Error => PointsPerError,
            FindingSeverity.Warning => PointsPerWarning,
            _ => PointsPerInfo,
        });
        return Math.Max(0, 100 - lost);
    }

    private static double DocumentationScore(IReadOnlyList<FileAnalysis> analyses, Dictionary<string, List<Finding>> findings, int preexistingUndocumented)
    {
        // Public API the change is answerable for: pre-existing undocumented members are neither counted for nor against it.
        var api = analyses.Where(a => !TestCoverage.IsTest(a)).Sum(a => a.PublicApi.Count) - preexistingUndocumented;
        var undocumented = findings.Values.Sum(f => f.Count(x => x.RuleId == LimitRules.Undocumented));
        var coverage = api <= 0 ? 100 : 100.0 * Math.Max(0, api - undocumented) / api;
        var other = findings.Values.SelectMany(f => f).Count(f => f.Dimension == QualityDimension.Documentation && f.RuleId != LimitRules.Undocumented);
        return Math.Max(0, coverage - (other * PointsPerWarning));
    }

    private static double TestingScore(IReadOnlyList<FileAnalysis> analyses, Dictionary<string, List<Finding>> findings)
    {
        var sources = analyses.Where(a => !TestCoverage.IsTest(a) && a.Functions.Count > 0).ToList();
        if (sources.Count == 0)
        {
            return 100;
        }

        var untested = sources.Count(a => findings[a.Path].Any(f => f.RuleId == LimitRules.Untested));
        return 100.0 * (sources.Count - untested) / sources.Count;
    }

    private static double WeightedMean(IReadOnlyList<FileAnalysis> analyses, Func<FileAnalysis, double> value)
    {
        double total = 0, weights = 0;
        foreach (var analysis in analyses)
        {
            var weight = Math.Max(1, analysis.CodeLines);
            total += weight * value(analysis);
            weights += weight;
        }

        return weights == 0 ? 100 : total / weights;
    }

    private static double Value(QualityDimensionValues values, QualityDimension dimension) => dimension switch
    {
        QualityDimension.Readability => values.Readability,
        QualityDimension.Maintainability => values.Maintainability,
        QualityDimension.Correctness => values.Correctness,
        QualityDimension.Performance => values.Performance,
        QualityDimension.Security => values.Security,
        QualityDimension.Documentation => values.Documentation,
        _ => values.Testing,
    };

    private static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
