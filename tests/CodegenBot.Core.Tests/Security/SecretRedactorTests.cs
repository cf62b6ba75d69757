using CodegenBot.Core.Security;

namespace CodegenBot.Core.Tests.Security;

public sealed class SecretRedactorTests
{
    // Built from parts so the source file itself holds no token-shaped literal.
    private static readonly string GitHub = "ghp_" + new string('a', 36);
    private static readonly string Aws = "AKIA" + "ABCDEFGHIJKLMNOP";
    private static readonly string Slack = "xoxb-" + "1234567890-abcdefghij";
    private static readonly string Stripe = "sk_live_" + new string('x', 24);
    private static readonly string Google = "AIza" + new string('B', 35);
    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".abcdefghijklmnop";
    private static readonly string Key = "-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----";

    [Fact]
    public void Redact_KnownFormats_AreReplacedByKind()
    {
        var (text, count) = new SecretRedactor([]).Redact($"a {GitHub} b {Aws} c {Slack} d {Stripe} e {Google} f {Jwt} g\n{Key}\nend");

        Assert.Equal(7, count);
        Assert.Equal("a [REDACTED:github-token] b [REDACTED:aws-access-key] c [REDACTED:slack-token] d [REDACTED:stripe-key] e [REDACTED:google-api-key] f [REDACTED:jwt] g\n[REDACTED:private-key]\nend", text);
    }

    [Fact]
    public void Redact_TheRunsOwnSecrets_AreReplacedWherePresent()
    {
        var (text, count) = new SecretRedactor(["my-own-key-123", null, "short"]).Redact("key=my-own-key-123; again my-own-key-123; short stays");

        Assert.Equal(2, count);
        Assert.Equal("key=[REDACTED:configured-secret]; again [REDACTED:configured-secret]; short stays", text);
    }

    [Fact]
    public void Redact_OrdinaryCode_IsUntouched()
    {
        const string code = "var token = GetToken(); // sk-short\nvar id = \"AKIA-not-a-key\";";

        Assert.Equal((code, 0), new SecretRedactor([]).Redact(code));
    }

    [Theory]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("AWS_SECRET_ACCESS_KEY", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("PATH", false)]
    [InlineData("TOKENIZER_THREADS", false)]
    public void IsSecretName_ByName(string name, bool expected) => Assert.Equal(expected, SecretNames.IsSecretName(name));

    [Fact]
    public void Redact_ConfiguredPatterns_AreAppliedAndABadOneIsAUserError()
    {
        var (text, count) = new SecretRedactor([], [@"INTERNAL-\d{6}"]).Redact("ticket INTERNAL-123456 is private");

        Assert.Equal(("ticket [REDACTED:configured-pattern] is private", 1), (text, count));
        var error = Assert.Throws<UserErrorException>(() => new SecretRedactor([], ["(unclosed"]));
        Assert.StartsWith("security.redact_patterns has an invalid regular expression '(unclosed'", error.Message, StringComparison.Ordinal);
    }
}
