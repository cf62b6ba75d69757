using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.CSharp;

namespace CodegenBot.Core.Tests.Quality.CSharp;

public sealed class CSharpAnalyzerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-csharp-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AnalyzeAsync_ValidCode_HasNoFindings()
    {
        var analysis = await AnalyzeAsync("namespace N;\n\n/// <summary>A.</summary>\npublic sealed class A\n{\n    /// <summary>X.</summary>\n    public int X() => 1;\n}\n");

        Assert.Empty(analysis.Findings);
    }

    [Fact]
    public async Task AnalyzeAsync_MissingSemicolon_ReportsFileLineColumnAndRule()
    {
        var analysis = await AnalyzeAsync("class A\n{\n    int X() { return 1 }\n}\n");

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("src/A.cs", 3, 24, "CS1002"), (finding.File, finding.Line, finding.Column, finding.RuleId));
        Assert.Equal(QualityDimension.Correctness, finding.Dimension);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("; expected", finding.Message);
    }

    [Theory]
    [InlineData("a.cs", true)]
    [InlineData("b.CSX", true)]
    [InlineData("c.py", false)]
    public void CanAnalyze_ByExtension(string path, bool expected) => Assert.Equal(expected, new CSharpAnalyzer().CanAnalyze(path));

    [Fact]
    public async Task AnalyzeAsync_Method_MeasuresComplexityNestingLengthAndParameters()
    {
        const string code = """
            class A
            {
                int M(int a, int b, bool c)
                {
                    if (a > 0 && b > 0)            // +1 if, +1 &&            cyclomatic +2
                    {
                        for (var i = 0; i < a; i++) // +2 (nesting 1)          cyclomatic +1
                        {
                            if (c || b > i)         // +3 (nesting 2), +1 ||   cyclomatic +2
                            {
                                return i;
                            }
                        }
                    }
                    else                            // +1
                    {
                        return a switch { 1 => 1, 2 => 2, _ => 0 }; // +2 (nesting 1); Visual Studio's metrics do not count the arms
                    }

                    return 0;
                }
            }
            """;

        var analysis = await AnalyzeAsync(code);

        var m = Assert.Single(analysis.Functions);
        Assert.Equal(("A.M", 3, 3), (m.Name, m.Line, m.Parameters));
        Assert.Equal(1 + 1 + 2 + 3 + 1 + 1 + 2, m.CognitiveComplexity);
        Assert.Equal(3, m.MaxNestingDepth);
        Assert.Equal(6, m.CyclomaticComplexity); // 1 + if + && + for + if + ||, as Visual Studio's code metrics count
        Assert.Equal(17, m.CodeLines); // the body's lines but the blank one
        Assert.InRange(m.MaintainabilityIndex!.Value, 40, 80);
    }

    [Fact]
    public async Task AnalyzeAsync_ElseIfAndBooleanSequences_FollowTheCognitiveSpecification()
    {
        const string code = """
            class A
            {
                bool M(bool a, bool b, bool c, bool d)
                {
                    if (a) { return true; }          // +1
                    else if (b && c || d) { }        // +1 else if, +2 for && then ||
                    else { }                         // +1
                    return a && b && c;              // +1
                }
            }
            """;

        var analysis = await AnalyzeAsync(code);

        Assert.Equal(6, Assert.Single(analysis.Functions).CognitiveComplexity);
    }

    [Fact]
    public async Task AnalyzeAsync_Recursion_CountsCallsToItselfNotToOverloads()
    {
        const string code = """
            class A
            {
                void Write(string s) => Write(s, 1);        // an overload: 0
                void Write(string s, int n) { if (n > 0) { Write(s, n - 1); } } // if +1, recursion +1
                int Depth<T>(int n) => n == 0 ? 0 : Depth<T>(n - 1); // ternary +1, recursion +1
            }
            """;

        var analysis = await AnalyzeAsync(code);

        Assert.Equal([0, 2, 2], analysis.Functions.Select(f => f.CognitiveComplexity ?? -1));
    }

    [Fact]
    public async Task AnalyzeAsync_Type_ReportsCouplingInheritanceAndMaintainability()
    {
        Project("Lib", ("Base.cs", "namespace Lib;\npublic class Base { }\n"));
        const string code = "namespace Lib;\nusing System.Text;\npublic class Derived : Base\n{\n    private readonly StringBuilder _b = new();\n    public System.Uri Get() => new System.Uri(_b.ToString());\n}\n";
        File.WriteAllText(Path.Combine(_root, "Lib", "Derived.cs"), code);

        var analysis = await new CSharpAnalyzer().AnalyzeAsync(new SourceFile("Lib/Derived.cs", "csharp", code) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);

        var type = Assert.Single(analysis.Types);
        Assert.Equal("Lib.Derived", type.Name);
        Assert.Equal(2, type.DepthOfInheritance);
        Assert.Equal(3, type.ClassCoupling); // Base, StringBuilder, Uri
        Assert.NotNull(type.MaintainabilityIndex);
    }

    [Fact]
    public async Task AnalyzeAsync_ProjectReferenceNotFollowed_SkipsSemanticErrorsItCannotJudge()
    {
        Project("Lib", ("Base.cs", "namespace Lib;\npublic class Base { }\npublic class Middle : Base { }\n"));
        Project("App");
        File.WriteAllText(Path.Combine(_root, "App", "App.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"..\\Lib\\Lib.csproj\" /></ItemGroup></Project>");
        const string code = "namespace App;\npublic class Leaf : Lib.Middle\n{\n    public static int M() => \"text\";\n}\n";

        var analysis = await new CSharpAnalyzer().AnalyzeAsync(new SourceFile("App/Leaf.cs", "csharp", code) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);

        Assert.Equal(1, Assert.Single(analysis.Types).DepthOfInheritance); // Lib.Middle is not resolved
        Assert.DoesNotContain(analysis.Findings, f => f.RuleId == "CS0029");
    }

    [Fact]
    public async Task AnalyzeAsync_ProjectsReferencingEachOther_AreLoadedWithoutHanging()
    {
        Project("A", ("A.cs", "namespace A;\npublic class TypeA { }\n"));
        Project("B", ("B.cs", "namespace B;\npublic class TypeB : A.TypeA { }\n"));
        File.WriteAllText(Path.Combine(_root, "A", "A.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../B/B.csproj\" /></ItemGroup></Project>");
        File.WriteAllText(Path.Combine(_root, "B", "B.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><ProjectReference Include=\"../A/A.csproj\" /></ItemGroup></Project>");
        var analyzer = new CSharpAnalyzer();

        var analyses = await Task.WhenAll(
            analyzer.AnalyzeAsync(new SourceFile("A/A.cs", "csharp", File.ReadAllText(Path.Combine(_root, "A", "A.cs"))) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken),
            analyzer.AnalyzeAsync(new SourceFile("B/B.cs", "csharp", File.ReadAllText(Path.Combine(_root, "B", "B.cs"))) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken))
            .WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.All(analyses, a => Assert.Single(a.Types));
    }

    [Fact]
    public async Task Release_FinishedWorkTree_LetsItsCompilationsGo()
    {
        Project("App", ("C.cs", "namespace App;\npublic static class C { }\n"));
        var analyzer = new CSharpAnalyzer();
        ILanguageAnalyzer plugin = analyzer;

        await analyzer.AnalyzeAsync(new SourceFile("App/C.cs", "csharp", File.ReadAllText(Path.Combine(_root, "App", "C.cs"))) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);
        var held = analyzer.Projects.Holds(_root);
        plugin.Release(_root + "/");

        Assert.True(held);
        Assert.False(analyzer.Projects.Holds(_root));
    }

    [Fact]
    public async Task AnalyzeAsync_SelfContainedProject_ReportsSemanticErrors()
    {
        Project("App");
        const string code = "namespace App;\npublic static class C\n{\n    public static int M() => \"text\";\n}\n";

        var analysis = await new CSharpAnalyzer().AnalyzeAsync(new SourceFile("App/C.cs", "csharp", code) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);

        var error = Assert.Single(analysis.Findings, f => f.Dimension == QualityDimension.Correctness);
        Assert.Equal(("CS0029", 4), (error.RuleId, error.Line));
    }

    [Fact]
    public async Task AnalyzeAsync_ProjectWithPackages_SkipsSemanticErrorsItCannotJudge()
    {
        Project("App", packages: true);
        const string code = "namespace App;\npublic static class C\n{\n    public static Newtonsoft.Json.Linq.JObject M() => null!;\n}\n";

        var analysis = await new CSharpAnalyzer().AnalyzeAsync(new SourceFile("App/C.cs", "csharp", code) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);

        Assert.DoesNotContain(analysis.Findings, f => f.Dimension == QualityDimension.Correctness);
    }

    [Fact]
    public async Task AnalyzeAsync_PublicApi_RecordsDocumentation()
    {
        const string code = """
            /// <summary>Documented.</summary>
            public class A
            {
                public void Undocumented() { }

                /// <inheritdoc/>
                public override string ToString() => "";

                private void Hidden() { }
            }

            internal class B { public void NotApi() { } }
            """;

        var analysis = await AnalyzeAsync(code);

        Assert.Equal([("A", true), ("Undocumented", false)], analysis.PublicApi.Select(s => (s.Name, s.Documented)));
    }

    [Fact]
    public async Task AnalyzeAsync_Names_FollowTheDotnetGuidelines()
    {
        const string code = """
            public interface reader { }
            public class parser
            {
                private int Count;
                private int _ok;
                private static readonly int Shared = 1;
                public const int MAX_SIZE = 1;
                public void do_work(int Value) { var Local = Value; }
            }
            """;

        var analysis = await AnalyzeAsync(code);

        Assert.Equal(
            ["interface 'reader' is not IPascalCase", "type 'parser' is not PascalCase", "private field 'Count' is not _camelCase", "method 'do_work' is not PascalCase", "parameter 'Value' is not camelCase", "local 'Local' is not camelCase"],
            analysis.Findings.Select(f => f.Message));
        Assert.Equal("rename it to 'DoWork'", analysis.Findings[3].FixHint);
    }

    [Fact]
    public async Task AnalyzeAsync_TestMethodsWithUnderscores_AreNotNamingFindings()
    {
        var analysis = await new CSharpAnalyzer().AnalyzeAsync(
            new SourceFile("tests/ATests.cs", "csharp", "public class ATests { [Fact] public void Parse_Empty_Throws() { } }"), new LanguageOptions(), TestContext.Current.CancellationToken);

        Assert.True(analysis.IsTest);
        Assert.Empty(analysis.Findings);
    }

    private static Task<FileAnalysis> AnalyzeAsync(string code) =>
        new CSharpAnalyzer().AnalyzeAsync(new SourceFile("src/A.cs", "csharp", code), new LanguageOptions(), TestContext.Current.CancellationToken);

    private void Project(string name, params (string File, string Text)[] files) => Project(name, false, files);

    private void Project(string name, bool packages, params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), packages
            ? "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" /></ItemGroup></Project>"
            : "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup></Project>");
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }
    }
}
