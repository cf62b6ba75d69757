using CodegenBot.Core.Quality;
using CodegenBot.GitHub.Actions;

namespace CodegenBot.GitHub.Tests.Actions;

public sealed class WorkflowCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-wf-").FullName;
    private readonly StringWriter _stdout = new();

    private string OutputFile => Path.Combine(_folder, "output");

    private string SummaryFile => Path.Combine(_folder, "summary");

    public void Dispose()
    {
        _stdout.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Mask_MultiLineSecret_MasksEveryLineEscaped()
    {
        Commands().Mask("line%1\nline2\r\n");

        Assert.Equal("::add-mask::line%251\n::add-mask::line2\n", _stdout.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void SetOutput_MultiLineValues_UseTheDelimitedFormat()
    {
        var commands = Commands();

        commands.SetOutput("pr-url", "https://github.com/o/r/pull/1");
        commands.SetOutput("report", "a\nb");

        var lines = File.ReadAllLines(OutputFile);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("pr-url<<ghadelimiter_", lines[0], StringComparison.Ordinal);
        Assert.Equal("https://github.com/o/r/pull/1", lines[1]);
        Assert.Equal(lines[0]["pr-url<<".Length..], lines[2]);
        Assert.Equal(["a", "b"], lines[4..6]);
    }

    [Fact]
    public void AppendSummary_Appends()
    {
        var commands = Commands();

        commands.AppendSummary("# One");
        commands.AppendSummary("# Two\n\n");

        Assert.Equal("# One\n# Two\n", File.ReadAllText(SummaryFile));
    }

    [Fact]
    public void Annotate_ErrorsAndWarningsOnly_TenPerLevel_PropertiesEscaped()
    {
        var findings = Enumerable.Range(1, 12).Select(i => Finding($"src/a,b:{i}.cs", i, FindingSeverity.Warning))
            .Append(Finding("src/c.cs", 3, FindingSeverity.Error))
            .Append(Finding("src/d.cs", 4, FindingSeverity.Info));

        Commands().Annotate(findings);

        var lines = _stdout.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(10, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("::error file=src/c.cs,line=3,col=1,title=CG2001::", StringComparison.Ordinal));
        Assert.Contains("::warning file=src/a%2Cb%3A1.cs,line=1,", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("src/d.cs", StringComparison.Ordinal));
    }

    [Fact]
    public void OutsideActions_NoFiles_WritesNothing()
    {
        var commands = new WorkflowCommands(_stdout, null, null);

        commands.SetOutput("status", "created");
        commands.AppendSummary("x");

        Assert.Empty(Directory.GetFiles(_folder));
    }

    private WorkflowCommands Commands() => new(_stdout, OutputFile, SummaryFile);

    private static Finding Finding(string file, int line, FindingSeverity severity) => new()
    {
        File = file,
        Line = line,
        Column = 1,
        RuleId = "CG2001",
        Dimension = QualityDimension.Maintainability,
        Severity = severity,
        Message = "Too complex.",
        FixHint = "split it",
    };
}
