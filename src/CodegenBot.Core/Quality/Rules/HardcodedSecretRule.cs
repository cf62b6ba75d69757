using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Security;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// CG5013, hard-coded secrets (CWE-798): string literals in a known token format (the redactor's patterns:
/// GitHub, AWS, Slack, Stripe, Google, private key blocks, JWTs...) and string literals assigned to secret-like
/// names (password, secret, token, api_key...) whose value looks random enough to be real: long enough, not a
/// placeholder, a template, an identifier or an obvious dummy, and of enough character entropy.
/// </summary>
internal sealed partial class HardcodedSecretRule : IQualityRule
{
    /// <summary>The rule id.</summary>
    public const string RuleId = "CG5013";

    /// <summary>The benchmark family.</summary>
    public const string FamilyName = "hard-coded-secret";

    /// <summary>Values shorter than this assigned to secret names are not reported.</summary>
    public const int MinValueLength = 8;

    /// <summary>Shannon entropy, in bits per character, a value must reach to look random.</summary>
    public const double MinEntropy = 3.0;

    private static readonly string[] Languages = ["csharp", "python", "javascript", "typescript", "go", "java"];

    private static readonly string[] Dummies =
    [
        "changeme", "change_me", "change-me", "xxx", "example", "dummy", "sample", "placeholder", "your_", "your-", "yourpass",
        "redacted", "***", "...", "password", "passwd", "secret", "test", "fake", "mock", "todo", "fixme", "replace", "insert",
        "123456", "abcdef", "qwerty", "letmein", "admin", "none", "null", "undefined", "default",
    ];

    /// <inheritdoc/>
    public string Id => RuleId;

    /// <inheritdoc/>
    public QualityDimension Dimension => QualityDimension.Security;

    /// <inheritdoc/>
    public bool AppliesTo(string language) => Languages.Contains(language, StringComparer.Ordinal);

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(SourceFile file, MaskedSource masked, FileAnalysis analysis)
    {
        if (TestCoverage.IsTest(analysis))
        {
            return []; // test fixtures hold dummy secrets and deliberately naive code
        }

        var findings = new List<Finding>();
        var lines = new HashSet<int>();
        foreach (var (kind, pattern) in SecretRedactor.Patterns)
        {
            foreach (Match m in Matches(pattern, masked.Code))
            {
                if (masked.InString(m.Index) && !IsDummy(m.Value) && lines.Add(masked.Position(m.Index).Line))
                {
                    findings.Add(Create(file, masked, m.Index, $"a {kind} is written into the source", Fix(file.Language)));
                }
            }
        }

        foreach (Match m in Matches(Assignment(), masked.Code))
        {
            var name = m.Groups["name"].Value;
            var value = m.Groups["value"];
            if (!SecretName().IsMatch(name) || !masked.InString(value.Index) || !LooksReal(value.Value))
            {
                continue;
            }

            if (lines.Add(masked.Position(value.Index).Line))
            {
                findings.Add(Create(file, masked, value.Index, $"'{name}' is assigned a hard-coded secret-like string ({value.Value.Length} characters)", Fix(file.Language)));
            }
        }

        return findings.OrderBy(f => f.Line).ToList();
    }

    /// <summary>Shannon entropy of the text, in bits per character.</summary>
    public static double Entropy(string text)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        return text.GroupBy(c => c).Sum(g =>
        {
            var p = (double)g.Count() / text.Length;
            return -p * Math.Log2(p);
        });
    }

    /// <summary>Whether a value assigned to a secret-like name looks like a real secret.</summary>
    public static bool LooksReal(string value)
    {
        if (value.Length < MinValueLength || value.Any(char.IsWhiteSpace) || IsDummy(value) || Template().IsMatch(value) || Identifier().IsMatch(value))
        {
            return false;
        }

        if (value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value[0] is '/' or '.' or '$' or '%' or '<' or '{')
        {
            return false;
        }

        var classes = (value.Any(char.IsLower) ? 1 : 0) + (value.Any(char.IsUpper) ? 1 : 0) + (value.Any(char.IsDigit) ? 1 : 0) + (value.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        var mixed = classes >= 3 || (value.Any(char.IsDigit) && value.Any(char.IsLetter));
        return mixed && Entropy(value) >= MinEntropy;
    }

    private static bool IsDummy(string value)
    {
        return Dummies.Any(d => value.Contains(d, StringComparison.OrdinalIgnoreCase)) || value.Distinct().Count() <= 3;
    }

    private static string Fix(string language) => language switch
    {
        "csharp" => "read it from configuration or a secret store (IConfiguration[\"...\"], user secrets, Azure Key Vault) and rotate the leaked value",
        "python" => "read it from the environment (os.environ[\"...\"]) or a secret manager and rotate the leaked value",
        "go" => "read it from the environment (os.Getenv(\"...\")) or a secret manager and rotate the leaked value",
        "java" => "read it from the environment (System.getenv(\"...\")) or a secret manager and rotate the leaked value",
        _ => "read it from the environment (process.env.NAME) or a secret manager and rotate the leaked value",
    };

    private static Finding Create(SourceFile file, MaskedSource masked, int offset, string message, string fix)
    {
        var (line, column) = masked.Position(offset);
        return new Finding
        {
            File = file.Path,
            Line = line,
            Column = column,
            RuleId = RuleId,
            Dimension = QualityDimension.Security,
            Severity = FindingSeverity.Error,
            Message = message,
            FixHint = fix,
            Cwe = 798,
        };
    }

    private static List<Match> Matches(Regex regex, string text)
    {
        var matches = new List<Match>();
        try
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch())
            {
                matches.Add(m);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Keep what was found; a pathological file must not stall the assessment.
        }

        return matches;
    }

    // name = "value", name: "value", "name": "value", name := "value", Name = @"value", password=f"..." (keyword argument).
    [GeneratedRegex(@"(?<![\w$])[""']?(?<name>[A-Za-z_$][\w$-]*)[""']?\s*(?::\s*[\w\[\]]+\s*)?(?:\{\s*get;[^}]*\}\s*)?(?::=|=>|(?<![=!<>])=(?![=>])|:)\s*[@$]?(?<q>[""'`])(?<value>[^""'`\r\n\\]*)\k<q>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"(?i)(?:password|passwd|pwd|passphrase|secret|secret_?key|token|api_?key|apikey|access_?key|private_?key|client_?secret|auth_?key|signing_?key|encryption_?key|credentials?)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"\$\{|\{\{|\{\d*\}|%[sd(]|<[A-Za-z_ -]+>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Template();

    [GeneratedRegex(@"^(?:[a-z][a-z0-9]*(?:[_.-][a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z]+[A-Z][A-Za-z]*)$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Identifier();
}
