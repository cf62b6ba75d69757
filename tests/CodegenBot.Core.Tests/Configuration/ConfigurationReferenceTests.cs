using CodegenBot.Core.Configuration;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Configuration;

public sealed class ConfigurationReferenceTests
{
    [Fact]
    public void Generate_MatchesTheCommittedDocsConfigurationMd()
    {
        var committed = File.ReadAllText(RepositoryPaths.Combine("docs/configuration.md"));

        var generated = ConfigurationReference.Generate();

        // When this fails, regenerate: dotnet run --project src/CodegenBot.Cli -- config docs --output docs/configuration.md
        Assert.Equal(committed, generated);
    }

    [Fact]
    public void Generate_DocumentsEveryKeyWithASummary()
    {
        var generated = ConfigurationReference.Generate();

        Assert.DoesNotContain("|  |\n", generated, StringComparison.Ordinal);
        Assert.Contains("| `retry.rate_limit.max_attempts` | whole number | `3` |", generated, StringComparison.Ordinal);
        Assert.Contains("| `languages.<language>.thresholds.max_parameters` | whole number | per language |", generated, StringComparison.Ordinal);
    }
}
