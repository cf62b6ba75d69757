using System.Text.Json;
using CodegenBot.Core.Quality.Output;

namespace CodegenBot.Core.Tests.Quality.Output;

public sealed class QualityJsonTests
{
    [Fact]
    public void Render_Report_HasTheDocumentedShape()
    {
        using var json = JsonDocument.Parse(QualityJson.Render(SampleReports.Failing(validation: SampleReports.FailedTests())));
        var root = json.RootElement;

        Assert.Equal(
            ["schemaVersion", "tool", "passed", "baseRef", "overall", "dimensions", "findings", "preexistingFindings", "analyzedFiles", "skippedFiles", "files", "worstFunctions", "validation"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(QualityJson.SchemaVersion, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("CodegenBot", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.False(root.GetProperty("passed").GetBoolean());
        Assert.Equal("main", root.GetProperty("baseRef").GetString());
        Assert.Equal(88.4, root.GetProperty("overall").GetProperty("score").GetDouble());
        Assert.Equal("security", root.GetProperty("dimensions")[4].GetProperty("dimension").GetString());
        Assert.False(root.GetProperty("dimensions")[4].GetProperty("passed").GetBoolean());

        var finding = root.GetProperty("findings")[0];
        Assert.Equal(
            ["file", "line", "column", "ruleId", "dimension", "severity", "message", "fixHint", "cwe"],
            finding.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("CG5001", "error", 89), (finding.GetProperty("ruleId").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("cwe").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("findings")[1].GetProperty("cwe").ValueKind);
        Assert.Equal("CG1001", root.GetProperty("preexistingFindings")[0].GetProperty("ruleId").GetString());
        Assert.Equal("OrderService.Place", root.GetProperty("worstFunctions")[0].GetProperty("name").GetString());

        var command = root.GetProperty("validation").GetProperty("commands")[0];
        Assert.Equal(("test", "failed", 1), (command.GetProperty("kind").GetString(), command.GetProperty("result").GetString(), command.GetProperty("tests").GetProperty("failed").GetInt32()));
    }

    [Fact]
    public void Render_SameReportTwice_IsByteForByteEqual() =>
        Assert.Equal(QualityJson.Render(SampleReports.Failing()), QualityJson.Render(SampleReports.Failing()));

    [Fact]
    public void Render_WithoutValidationOrBase_WritesNulls()
    {
        using var json = JsonDocument.Parse(QualityJson.Render(SampleReports.Failing(baseRef: null)));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("validation").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("baseRef").ValueKind);
    }
}
