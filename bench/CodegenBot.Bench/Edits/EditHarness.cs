using System.Diagnostics;
using System.Globalization;
using System.Text;
using CodegenBot.Core.Generation;

namespace CodegenBot.Bench.Edits;

/// <summary>What applying one case did.</summary>
internal enum EditOutcome
{
    /// <summary>Applied, and the file is exactly as intended.</summary>
    Correct,

    /// <summary>Refused, as it had to be (ambiguous or absent).</summary>
    CorrectlyRefused,

    /// <summary>Refused although one place was meant; the model gets feedback and tries again.</summary>
    Refused,

    /// <summary>Applied, but the file is not as intended (a wrong place, or wrong text): the failure that must not happen.</summary>
    Wrong,
}

/// <summary>
/// Applies every case of the corpus with the production <see cref="EditApplier"/> to a copy of its real file in a
/// scratch folder and compares the result with the intended file, line endings included.
/// </summary>
internal sealed class EditHarness(string mirrors)
{
    private readonly Dictionary<(string, string, string), string> _files = [];

    public async Task<IReadOnlyList<(EditCase Case, EditOutcome Outcome, string? Problem, TimeSpan Elapsed)>> RunAsync(IReadOnlyList<EditCase> cases, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("codegen-edits-").FullName;
        try
        {
            var results = new List<(EditCase, EditOutcome, string?, TimeSpan)>();
            foreach (var item in cases)
            {
                var original = await ReadAsync(item, cancellationToken);
                var lines = original.TrimEnd('\n').Split('\n');
                var fileName = Path.GetFileName(item.Path);
                var full = Path.Combine(scratch, fileName);
                var newline = item.CrLf ? "\r\n" : "\n";
                await File.WriteAllTextAsync(full, string.Join(newline, lines) + newline, cancellationToken);

                var watch = Stopwatch.StartNew();
                var result = new EditApplier(new PathGuard(scratch, [])).Apply([new EditBlock(fileName, item.Search, item.Replace, 1)]);
                watch.Stop();

                var after = await File.ReadAllTextAsync(full, cancellationToken);
                EditOutcome outcome;
                if (result.Applied.Count == 0)
                {
                    outcome = item.MustRefuse ? EditOutcome.CorrectlyRefused : EditOutcome.Refused;
                }
                else if (item.MustRefuse)
                {
                    outcome = EditOutcome.Wrong;
                }
                else
                {
                    var expected = lines.Take(item.Start).Concat(item.Expected).Concat(lines.Skip(item.Start + item.Count));
                    outcome = after == string.Join(newline, expected) + newline ? EditOutcome.Correct : EditOutcome.Wrong;
                }

                results.Add((item, outcome, result.Problems.Count > 0 ? result.Problems[0] : null, watch.Elapsed));
                File.Delete(full);
            }

            return results;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private async Task<string> ReadAsync(EditCase item, CancellationToken cancellationToken)
    {
        var key = (item.Repo, item.Commit, item.Path);
        if (!_files.TryGetValue(key, out var text))
        {
            var directory = Path.Combine(mirrors, item.Repo.Replace('/', '+'));
            directory = Directory.Exists(Path.Combine(directory, "repo")) ? Path.Combine(directory, "repo") : directory;
            text = (await Git.RunAsync(directory, cancellationToken, "show", $"{item.Commit}:{item.Path}")).Replace("\r\n", "\n", StringComparison.Ordinal);
            _files[key] = text;
        }

        return text;
    }

    public static string Summarise(IReadOnlyList<(EditCase Case, EditOutcome Outcome, string? Problem, TimeSpan Elapsed)> results)
    {
        var builder = new StringBuilder();
        builder.AppendLine("| Drift | Cases | Applied correctly | Correctly refused | Refused (model retries) | Wrong |");
        builder.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Case.Drift).OrderBy(g => Array.IndexOf(EditCorpusBuilder.Drifts, g.Key)).Append(results.GroupBy(_ => "all").Single()))
        {
            int Count(EditOutcome o) => group.Count(r => r.Outcome == o);
            builder.AppendLine(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {Count(EditOutcome.Correct)} | {Count(EditOutcome.CorrectlyRefused)} | {Count(EditOutcome.Refused)} | {Count(EditOutcome.Wrong)} |");
        }

        var shouldApply = results.Count(r => !r.Case.MustRefuse);
        var correct = results.Count(r => r.Outcome == EditOutcome.Correct);
        var handled = results.Count(r => r.Outcome is EditOutcome.Correct or EditOutcome.CorrectlyRefused);
        var times = results.Select(r => r.Elapsed.TotalMilliseconds).Order().ToList();
        builder.AppendLine();
        builder.AppendLine(CultureInfo.InvariantCulture, $"Applied correctly: {correct} of {shouldApply} applicable cases ({100.0 * correct / shouldApply:0.0}%); handled correctly overall (applied or rightly refused): {handled} of {results.Count} ({100.0 * handled / results.Count:0.0}%); wrong: {results.Count(r => r.Outcome == EditOutcome.Wrong)}.");
        builder.AppendLine(CultureInfo.InvariantCulture, $"Time per application: p50 {times[times.Count / 2]:0.00} ms, p95 {times[(int)(times.Count * 0.95)]:0.00} ms.");
        return builder.ToString();
    }
}
