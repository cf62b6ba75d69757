using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core.Tests.Quality.Rules;

public sealed class HardcodedSecretRuleTests
{
    [Theory]
    [InlineData("python", "API_KEY = \"k3J9sd8f7G6h5j4K2l1ZxCv\"\n")]
    [InlineData("csharp", "var client = new Client { ClientSecret = \"f9Kx2Lm8Qp4Rt7Vw1Zy5Bn3Hc6Jd0Ge\" };\n")]
    [InlineData("javascript", "const cfg = { 'password': 'Tr0ub4dor&3xq!9Z' };\n")]
    [InlineData("go", "token := \"xoxb-2048-5820417396-Zq8TnR2vLw5KcY7pXj3MbH9d\"\n")]
    [InlineData("java", "String s = \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----\";\n")]
    public void Check_RealLookingSecret_IsReportedWithCwe798(string language, string code)
    {
        var finding = Assert.Single(Run(language, code));

        Assert.Equal(("CG5013", 798, 1), (finding.RuleId, finding.Cwe, finding.Line));
    }

    [Theory]
    [InlineData("python", "PASSWORD = os.environ[\"PASSWORD\"]\n")]
    [InlineData("python", "password = \"changeme123\"\n")]
    [InlineData("python", "api_key = \"<your-api-key>\"\n")]
    [InlineData("python", "token = \"${TOKEN}\"\n")]
    [InlineData("python", "password_prompt = \"Enter the password please\"\n")]
    [InlineData("python", "secret = \"x-auth-token\"\n")]
    [InlineData("python", "aws = \"AKIAIOSFODNN7EXAMPLE\"\n")]
    [InlineData("csharp", "if (password == \"Xk9#mQ2$vL7pRw4z\") { }\n")]
    [InlineData("csharp", "// var token = \"ghp_1a2B3c4D5e6F7g8H9i0JkLmNoPqRsTuVwXyZ12\";\n")]
    [InlineData("javascript", "const tokenUrl = 'https://login.example.com/oauth2/v2.0/token';\n")]
    public void Check_PlaceholderEnvLookupOrLookAlike_IsNotReported(string language, string code)
    {
        Assert.Empty(Run(language, code));
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", 0.0)]
    [InlineData("abcd", 2.0)]
    public void Entropy_KnownStrings_MatchesShannon(string text, double bits)
    {
        Assert.Equal(bits, HardcodedSecretRule.Entropy(text), 3);
    }

    private static List<Core.Quality.Finding> Run(string language, string code) =>
        new HardcodedSecretRule().Check(new SourceFile("f", language, code), MaskedSource.Create(code, language), new FileAnalysis { Path = "f", Language = language }).ToList();
}
