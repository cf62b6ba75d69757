using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;

namespace CodegenBot.Core.Tests.Context;

public sealed class TeamStandardsTests
{
    [Fact]
    public void Summarise_ConfigAndFiles_GiveExplicitStandardsInOrder()
    {
        var team = new TeamOptions { Standards = ["Validate arguments."], TestingRequirements = ["Bug fixes add a regression test."] };
        TeamDocument[] documents =
        [
            new("AGENTS.md", "# Agents\n\n## Testing\n- Use xunit with FluentAssertions.\n- short\n\n```bash\n- not a rule\n```\n## Style\n* Keep files under 400 lines.\n", false),
            new(".editorconfig", "root = true\n[*.cs]\nindent_size = 4\ndotnet_diagnostic.CA1000.severity = none\n", false),
        ];

        var standards = TeamStandards.Summarise(team, documents);

        Assert.Equal(
        [
            "Validate arguments.",
            "Testing: Bug fixes add a regression test.",
            "Testing: Use xunit with FluentAssertions.",
            "Style: Keep files under 400 lines.",
            "*.cs: indent_size = 4",
        ], standards);
    }

    [Fact]
    public void Summarise_RespectsTheLimitOnExtractedStandards()
    {
        var bullets = string.Concat(Enumerable.Range(0, 100).Select(i => $"- Rule number {i} of the house\n"));

        var standards = TeamStandards.Summarise(new TeamOptions { MaxExtractedStandards = 5 }, [new TeamDocument("CONTRIBUTING.md", bullets, false)]);

        Assert.Equal(5, standards.Count);
    }
}
