using System.Text.RegularExpressions;

namespace CodegenBot.Core.Security;

/// <summary>
/// Finds secrets in text and replaces them with <c>[REDACTED:kind]</c>: well-known token formats (GitHub, AWS,
/// Slack, Stripe, Google, OpenAI, Anthropic, private key blocks, JSON web tokens) and the exact values of the
/// run's own secrets (API keys, tokens). Used on everything sent to a model; the quality assessor's
/// hard-coded-secret rules share the patterns.
/// </summary>
public sealed partial class SecretRedactor
{
    /// <summary>Known secret formats, each with the kind it is reported as.</summary>
    internal static readonly (string Kind, Regex Pattern)[] Patterns =
    [
        ("private-key", PrivateKey()),
        ("github-token", GitHubToken()),
        ("aws-access-key", AwsKey()),
        ("slack-token", SlackToken()),
        ("stripe-key", StripeKey()),
        ("google-api-key", GoogleKey()),
        ("anthropic-key", AnthropicKey()),
        ("openai-key", OpenAiKey()),
        ("jwt", Jwt()),
    ];

    /// <summary>Values shorter than this are not treated as secrets (too likely to occur by chance).</summary>
    private const int MinSecretLength = 8;

    /// <summary>How long a configured pattern may run on one text.</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private const string Placeholder = "[REDACTED:configured-secret]";

    private readonly string[] _values;
    private readonly Regex[] _extra;

    /// <param name="knownSecrets">The run's own secret values (API keys, tokens) to redact wherever they appear.</param>
    /// <param name="extraPatterns">More regular expressions (<c>security.redact_patterns</c>); an invalid one is a <see cref="UserErrorException"/>.</param>
    public SecretRedactor(IEnumerable<string?> knownSecrets, IEnumerable<string>? extraPatterns = null)
    {
        _values = knownSecrets.OfType<string>().Where(v => v.Length >= MinSecretLength).Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToArray();
        _extra = (extraPatterns ?? []).Select(p =>
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, PatternTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new UserErrorException($"security.redact_patterns has an invalid regular expression '{p}': {ex.Message}; fix or remove it.", ex);
            }
        }).ToArray();
    }

    /// <summary>The text with every secret replaced, and how many were.</summary>
    public (string Text, int Redacted) Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        foreach (var value in _values)
        {
            var index = text.IndexOf(value, StringComparison.Ordinal);
            while (index >= 0)
            {
                count++;
                text = string.Concat(text.AsSpan(0, index), Placeholder, text.AsSpan(index + value.Length));
                index = text.IndexOf(value, index + Placeholder.Length, StringComparison.Ordinal);
            }
        }

        foreach (var (kind, pattern) in Patterns.Concat(_extra.Select(r => ("configured-pattern", r))))
        {
            try
            {
                text = pattern.Replace(text, _ =>
                {
                    count++;
                    return $"[REDACTED:{kind}]";
                });
            }
            catch (RegexMatchTimeoutException ex)
            {
                // Fail closed: a pattern that cannot finish must not let the text through unchecked.
                throw new UserErrorException($"security.redact_patterns has a pattern that takes too long on the prompt ('{pattern}'); simplify it.", ex);
            }
        }

        return (text, count);
    }

    [GeneratedRegex(@"-----BEGIN (?:[A-Z ]+ )?PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z ]+ )?PRIVATE KEY-----")]
    private static partial Regex PrivateKey();

    [GeneratedRegex(@"\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b")]
    private static partial Regex GitHubToken();

    [GeneratedRegex(@"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsKey();

    [GeneratedRegex(@"\bxox[abposr]-[A-Za-z0-9-]{10,}\b")]
    private static partial Regex SlackToken();

    [GeneratedRegex(@"\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}\b")]
    private static partial Regex StripeKey();

    [GeneratedRegex(@"\bAIza[0-9A-Za-z_-]{35}\b")]
    private static partial Regex GoogleKey();

    [GeneratedRegex(@"\bsk-ant-[A-Za-z0-9_-]{20,}")]
    private static partial Regex AnthropicKey();

    [GeneratedRegex(@"\bsk-(?:proj-|svcacct-)?[A-Za-z0-9_-]{32,}")]
    private static partial Regex OpenAiKey();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b")]
    private static partial Regex Jwt();
}
