using System.Text.RegularExpressions;

namespace CodegenBot.Core.Security;

/// <summary>Which environment variable names hold secrets (GITHUB_TOKEN, OPENAI_API_KEY, AWS_SECRET_ACCESS_KEY, DB_PASSWORD...).</summary>
public static partial class SecretNames
{
    /// <summary>Whether a variable of this name should be treated as a secret.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    [GeneratedRegex("(^|_)(TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|API_?KEY|PRIVATE_KEY|ACCESS_KEY)(_|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
