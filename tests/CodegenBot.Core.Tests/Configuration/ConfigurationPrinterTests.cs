using CodegenBot.Core.Configuration;

namespace CodegenBot.Core.Tests.Configuration;

public sealed class ConfigurationPrinterTests
{
    [Theory]
    [InlineData("github_token", "ghp_abc", "****")]
    [InlineData("client_secret", "s3cr3t", "****")]
    [InlineData("password", "hunter2", "****")]
    [InlineData("api_key_env", "OPENAI_API_KEY", "OPENAI_API_KEY")]
    [InlineData("max_output_tokens", "8192", "8192")]
    [InlineData("endpoint", "https://user:pass@example.test/v1", "https://****@example.test/v1")]
    [InlineData("endpoint", "https://example.test/v1", "https://example.test/v1")]
    public void MaskIfSecret_KeyOrValueLooksSecret_MasksOnlySecrets(string key, string value, string expected) =>
        Assert.Equal(expected, ConfigurationPrinter.MaskIfSecret(key, value));

    [Fact]
    public void Print_WithoutSources_IsValidYamlThatLoadsBackToTheSameOptions()
    {
        var loaded = ConfigurationLoader.Load(new ConfigurationInputs());
        var printed = ConfigurationPrinter.Print(loaded.Tree, showSources: false);
        var dir = Directory.CreateTempSubdirectory("codegen-print-").FullName;
        try
        {
            var file = Path.Combine(dir, "printed.yml");
            File.WriteAllText(file, printed);

            var reloaded = ConfigurationLoader.Load(new ConfigurationInputs { ConfigFile = file });

            Assert.Equal(printed, ConfigurationPrinter.Print(reloaded.Tree, showSources: false));
            Assert.Equal(loaded.Options.Security.ProtectedPaths, reloaded.Options.Security.ProtectedPaths);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
