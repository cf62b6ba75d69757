using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Quality.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning (<c>github/codeql-action/upload-sarif</c>): one run, the rules that have
/// findings (with CWE tags and <c>security-severity</c> for security rules), one result per finding with a
/// repository-relative location under <c>%SRCROOT%</c>. Pre-existing findings are included with
/// <c>baselineState: unchanged</c> and new ones marked <c>new</c> when a base was compared, so code scanning and
/// other viewers can tell them apart. Each result carries a fingerprint of rule, file and the line's text with
/// whitespace collapsed, so an alert follows its line when lines above it move.
/// </summary>
internal static partial class QualitySarif
{
    /// <summary>The schema the output follows.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Our key in <c>partialFingerprints</c>; GitHub computes its own <c>primaryLocationLineHash</c> and rejects foreign values there.</summary>
    public const string FingerprintKey = "codegenbotLineHash/v1";

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The SARIF log of a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="lineText">The text of a line of a file (repository-relative path, 1-based line), for fingerprints; null when unknown.</param>
    public static string Render(QualityReport report, Func<string, int, string?> lineText)
    {
        ArgumentNullException.ThrowIfNull(report);
        var compared = report.BaseRef is not null;
        var all = report.Assessment.Findings.Select(f => (Finding: f, State: compared ? "new" : null))
            .Concat(report.Assessment.PreexistingFindings.Select(f => (Finding: f, State: (string?)"unchanged")))
            .ToList();
        var rules = all.Select(x => x.Finding).GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var index = rules.Select((g, i) => (g.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);

        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new JsonArray();
        foreach (var (finding, state) in all)
        {
            var hash = LineHash(finding, lineText(finding.File, finding.Line));
            var occurrence = occurrences[hash] = occurrences.GetValueOrDefault(hash) + 1;
            var result = new JsonObject
            {
                ["ruleId"] = finding.RuleId,
                ["ruleIndex"] = index[finding.RuleId],
                ["level"] = Level(finding.Severity),
                ["message"] = new JsonObject { ["text"] = Text(finding) },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = Uri(finding.File), ["uriBaseId"] = "%SRCROOT%" },
                        ["region"] = new JsonObject { ["startLine"] = Math.Max(1, finding.Line), ["startColumn"] = Math.Max(1, finding.Column) },
                    },
                }),
                ["partialFingerprints"] = new JsonObject { [FingerprintKey] = string.Create(CultureInfo.InvariantCulture, $"{hash}:{occurrence}") },
            };
            if (state is not null)
            {
                result["baselineState"] = state;
            }

            results.Add(result);
        }

        var driver = new JsonObject
        {
            ["name"] = ToolInfo.Name,
            ["semanticVersion"] = ToolInfo.Version,
        };
        if (ToolInfo.InformationUri is { } uri)
        {
            driver["informationUri"] = uri.ToString();
        }

        driver["rules"] = new JsonArray([.. rules.Select(g => (JsonNode)Rule(g.Key, g.First()))]);
        var run = new JsonObject
        {
            ["tool"] = new JsonObject { ["driver"] = driver },
        };
        if (report.Validation is { } validation)
        {
            run["invocations"] = new JsonArray(Invocation(validation));
        }

        run["originalUriBaseIds"] = new JsonObject { ["%SRCROOT%"] = new JsonObject { ["description"] = new JsonObject { ["text"] = "The repository root." } } };
        run["results"] = results;
        var log = new JsonObject
        {
            ["$schema"] = Schema,
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(run),
        };
        return log.ToJsonString(Options);
    }

    /// <summary>The validation commands as notifications of the run's invocation: note when passed, warning when not installed, error otherwise.</summary>
    private static JsonObject Invocation(Validation.ValidationRun validation) => new()
    {
        // The assessment itself ran; a failing command is a notification, not a failed execution.
        ["executionSuccessful"] = true,
        ["toolExecutionNotifications"] = new JsonArray([.. validation.Commands.Select(c => (JsonNode)new JsonObject
        {
            ["level"] = c.Result.Succeeded ? "note" : c.Result.NotFound ? "warning" : "error",
            ["message"] = new JsonObject
            {
                ["text"] = $"{c.Result.Command.Name} ({c.Result.Command.Display}): {QualityReport.Describe(c.Result)}"
                    + (c.Tests is { } t ? string.Create(CultureInfo.InvariantCulture, $"; {t.Passed} passed, {t.Failed} failed, {t.Skipped} skipped") : ""),
            },
            ["descriptor"] = new JsonObject { ["id"] = $"validation/{c.Result.Command.Name}" },
        })]),
    };

    private static JsonObject Rule(string id, Finding sample)
    {
        var description = RuleDescriptions.Of(id, sample.Dimension);
        var help = sample.FixHint.Length > 0 ? $"Fix: {sample.FixHint}" : description;
        // The dimension is the first tag, so security rules carry "security": without it GitHub ignores
        // security-severity and does not treat the alert as a security alert.
        var tags = new JsonArray(sample.Dimension.ToString().ToLowerInvariant());
        if (sample.Cwe is { } cwe)
        {
            tags.Add(string.Create(CultureInfo.InvariantCulture, $"external/cwe/cwe-{cwe}"));
        }

        var properties = new JsonObject { ["tags"] = tags };
        if (sample.Dimension == QualityDimension.Security)
        {
            properties["security-severity"] = SecuritySeverity(sample.Severity);
        }

        var rule = new JsonObject { ["id"] = id };
        if (RuleDescriptions.NameOf(id) is { } name)
        {
            rule["name"] = name;
        }

        rule["shortDescription"] = new JsonObject { ["text"] = description };
        rule["fullDescription"] = new JsonObject { ["text"] = $"{description}. {help}" };
        rule["help"] = new JsonObject { ["text"] = help };
        rule["defaultConfiguration"] = new JsonObject { ["level"] = Level(sample.Severity) };
        rule["properties"] = properties;
        return rule;
    }

    /// <summary>SARIF levels: error, warning, note.</summary>
    public static string Level(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>GitHub's scale: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low.</summary>
    private static string SecuritySeverity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "8.0",
        FindingSeverity.Warning => "5.0",
        _ => "2.0",
    };

    private static string Text(Finding finding) =>
        finding.FixHint.Length > 0 ? $"{finding.Message.TrimEnd('.')}. Fix: {finding.FixHint.TrimEnd('.')}." : finding.Message;

    /// <summary>A relative URI reference: each segment percent-encoded, slashes kept.</summary>
    private static string Uri(string path) => string.Join('/', path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));

    /// <summary>SHA-256 (first 16 hex digits) of rule, path and the line's text with whitespace collapsed; the line number is not part of it.</summary>
    public static string LineHash(Finding finding, string? line)
    {
        var normalised = Whitespace().Replace(line ?? "", " ").Trim();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.RuleId}\n{finding.File}\n{normalised}"));
        return Convert.ToHexStringLower(bytes)[..16];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
