using System.Text.Json;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Quality.Output;

public sealed class QualitySarifTests
{
    private static readonly string[] Levels = ["error", "warning", "note"];

    private static JsonDocument Render(QualityReport report, Func<string, int, string?>? lines = null) =>
        JsonDocument.Parse(QualitySarif.Render(report, lines ?? ((_, _) => "    var sql = \"SELECT * FROM orders WHERE id = \" + id;")));

    [Fact]
    public void Render_Report_HasWhatGitHubCodeScanningRequires()
    {
        using var sarif = Render(SampleReports.Failing());
        var root = sarif.RootElement;

        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Equal(QualitySarif.Schema, root.GetProperty("$schema").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("CodegenBot", driver.GetProperty("name").GetString());
        Assert.Equal(ToolInfo.Version, driver.GetProperty("semanticVersion").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", driver.GetProperty("semanticVersion").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["CG1001", "CG2001", "CG5001"], rules.Select(r => r.GetProperty("id").GetString()));
        foreach (var rule in rules)
        {
            foreach (var property in new[] { "shortDescription", "fullDescription", "help", "defaultConfiguration", "properties" })
            {
                Assert.True(rule.TryGetProperty(property, out _), $"rule {rule.GetProperty("id")} lacks {property}");
            }

            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            var id = result.GetProperty("ruleId").GetString();
            Assert.Equal(id, rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
            Assert.Contains(result.GetProperty("level").GetString(), Levels);
            Assert.False(string.IsNullOrEmpty(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            Assert.DoesNotContain("\\", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() >= 1);
            Assert.Matches("^[0-9a-f]{16}:[0-9]+$", result.GetProperty("partialFingerprints").GetProperty(QualitySarif.FingerprintKey).GetString());
            Assert.False(result.GetProperty("partialFingerprints").TryGetProperty("primaryLocationLineHash", out _));
        }
    }

    [Fact]
    public async Task Render_Report_IsValidAgainstTheSarif210Schema()
    {
        var schema = await NJsonSchema.JsonSchema.FromFileAsync(
            RepositoryPaths.Combine("tests/CodegenBot.Core.Tests/Quality/Output/Schemas/sarif-2.1.0.json"), TestContext.Current.CancellationToken);
        var many = SampleReports.Failing(validation: SampleReports.FailedTests());

        var sarif = QualitySarif.Render(many, (_, _) => null);

        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        // The validator bites: a line 0 breaks the schema's minimum.
        Assert.NotEmpty(schema.Validate(sarif.Replace("\"startLine\": 42", "\"startLine\": 0", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_WithValidation_ReportsEachCommandAsANotification()
    {
        using var sarif = Render(SampleReports.Failing(validation: SampleReports.FailedTests()));

        var invocation = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations").EnumerateArray());
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
        var notification = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", notification.GetProperty("level").GetString());
        Assert.Equal("dotnet test (dotnet test): failed (exit 1); 10 passed, 1 failed, 0 skipped", notification.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public void Render_WithoutValidation_HasNoInvocations()
    {
        using var sarif = Render(SampleReports.Failing());

        Assert.False(sarif.RootElement.GetProperty("runs")[0].TryGetProperty("invocations", out _));
    }

    [Fact]
    public void Render_KnownRule_HasANameThatDiffersFromItsId()
    {
        using var sarif = Render(SampleReports.Failing());
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);

        Assert.Equal("CyclomaticComplexity", rules["CG2001"].GetProperty("name").GetString());
        Assert.False(rules["CG5001"].TryGetProperty("name", out _));
    }

    [Fact]
    public void Render_SecurityRule_HasSecurityTagsCweAndSeverity()
    {
        using var sarif = Render(SampleReports.Failing());
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        var security = rules.Single(r => r.GetProperty("id").GetString() == "CG5001").GetProperty("properties");
        Assert.Equal(["security", "external/cwe/cwe-89"], security.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("8.0", security.GetProperty("security-severity").GetString());
        Assert.Equal("error", rules.Single(r => r.GetProperty("id").GetString() == "CG5001").GetProperty("defaultConfiguration").GetProperty("level").GetString());

        var other = rules.Single(r => r.GetProperty("id").GetString() == "CG2001").GetProperty("properties");
        Assert.False(other.TryGetProperty("security-severity", out _));
        Assert.Equal(["maintainability"], other.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Render_WithABase_MarksNewAndPreexistingResults()
    {
        using var sarif = Render(SampleReports.Failing());
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("ruleId").GetString()!, r => r.GetProperty("baselineState").GetString());

        Assert.Equal("new", results["CG5001"]);
        Assert.Equal("unchanged", results["CG1001"]);
    }

    [Fact]
    public void Render_WithoutABase_HasNoBaselineStateOnNewResults()
    {
        using var sarif = Render(SampleReports.Failing(baseRef: null));

        var sql = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "CG5001");
        Assert.False(sql.TryGetProperty("baselineState", out _));
    }

    [Fact]
    public void LineHash_LineMovedOrReindented_StaysTheSame()
    {
        var moved = SampleReports.Sql with { Line = 57 };

        Assert.Equal(QualitySarif.LineHash(SampleReports.Sql, "  var sql = a + b;"), QualitySarif.LineHash(moved, "\tvar sql  =  a + b;\r"));
        Assert.NotEqual(QualitySarif.LineHash(SampleReports.Sql, "var sql = a + b;"), QualitySarif.LineHash(SampleReports.Sql, "var sql = a + c;"));
        Assert.NotEqual(QualitySarif.LineHash(SampleReports.Sql, "x"), QualitySarif.LineHash(SampleReports.Sql with { RuleId = "CG5002" }, "x"));
    }

    [Fact]
    public void Render_SameLineTwice_NumbersTheOccurrences()
    {
        var report = SampleReports.Failing() with
        {
            Assessment = SampleReports.Failing().Assessment with { Findings = [SampleReports.Sql, SampleReports.Sql with { Line = 90 }], PreexistingFindings = [] },
        };

        using var sarif = Render(report);

        Assert.Equal(
            ["1", "2"],
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty(QualitySarif.FingerprintKey).GetString()!.Split(':')[1]));
    }

    [Fact]
    public void Render_PathWithSpaces_IsAnEncodedRelativeUri()
    {
        var report = SampleReports.Failing() with
        {
            Assessment = SampleReports.Failing().Assessment with { Findings = [SampleReports.Sql with { File = "src/My Folder/A#1.cs" }], PreexistingFindings = [] },
        };

        using var sarif = Render(report);

        Assert.Equal(
            "src/My%20Folder/A%231.cs",
            sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Level_EachSeverity_MapsToASarifLevel() =>
        Assert.Equal(["note", "warning", "error"], Enum.GetValues<FindingSeverity>().Select(QualitySarif.Level));
}
