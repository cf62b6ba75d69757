using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class ScriptAnalysisTests
{
    private static readonly JavaScriptAnalyzer JavaScript = new();
    private static readonly TypeScriptAnalyzer TypeScript = new();

    // Expected values are ESLint 9.39's `complexity` rule (classic) on Fixtures/cases.js.
    [Theory]
    [InlineData("plain", 1)]
    [InlineData("branches", 5)]
    [InlineData("loops", 4)]
    [InlineData("logic", 7)]
    [InlineData("cases", 3)]
    [InlineData("Parser.parse", 2)]
    [InlineData("Parser.handle", 3)]
    public async Task AnalyzeAsync_EslintFixture_CyclomaticComplexityEqualsEslint(string function, int eslint)
    {
        var analysis = await JavaScript.AnalyzeAsync("cases.js", AnalyzerTesting.Fixture("cases.js"));

        Assert.Equal(eslint, analysis.Function(function).CyclomaticComplexity);
    }

    [Fact]
    public async Task AnalyzeAsync_CallbackInsideMethod_IsNotCountedForTheMethodNorReported()
    {
        var analysis = await JavaScript.AnalyzeAsync("cases.js", AnalyzerTesting.Fixture("cases.js"));

        Assert.Equal(["plain", "branches", "loops", "logic", "cases", "Parser.parse", "Parser.handle"], analysis.Functions.Select(f => f.Name));
        var loops = analysis.Function("loops");
        Assert.Equal((14, 7, 24, 1), (loops.Line, loops.Column, loops.EndLine, loops.Parameters));
        Assert.Equal(2, loops.MaxNestingDepth);
    }

    [Fact]
    public async Task AnalyzeAsync_TypeScriptSignatures_FindsMethodsArrowsAndTypes()
    {
        const string Code = """
            export interface Shape { area(): number }

            export class Circle implements Shape {
                constructor(private readonly radius: number) {}

                area(): number {
                    return this.radius > 0 ? Math.PI * this.radius ** 2 : 0
                }

                async load<T extends Base<T>>(id: string, options?: Options): Promise<() => void> {
                    return () => {}
                }
            }

            export const scale = (shape: Shape, by = 2): number => shape.area() * by
            """;

        var analysis = await TypeScript.AnalyzeAsync("shape.ts", Code);

        Assert.Equal(["Circle.constructor", "Circle.area", "Circle.load", "scale"], analysis.Functions.Select(f => f.Name));
        Assert.Equal(2, analysis.Function("Circle.area").CyclomaticComplexity);
        Assert.Equal(2, analysis.Function("Circle.load").Parameters);
        Assert.Equal(2, analysis.Function("scale").CyclomaticComplexity); // the default value
        Assert.Equal(["Shape", "Circle"], analysis.Types.Select(t => t.Name));
    }

    [Theory]
    [InlineData("if (a) { return 1 }", 1, 1)]
    [InlineData("for (const x of a) { if (x) { if (b) { return x } } }", 6, 3)]
    [InlineData("if (a) { } else if (b) { } else { }", 3, 1)]
    [InlineData("return a && b && c", 1, 0)]
    [InlineData("return a && b || c && d", 3, 0)]
    [InlineData("outer: for (;;) { while (a) { continue outer } }", 4, 2)]
    [InlineData("try { x() } catch (e) { if (a) { throw e } }", 3, 2)]
    [InlineData("switch (a) { case 1: return b ? 1 : 2 }", 3, 1)]
    public async Task AnalyzeAsync_ControlFlow_CognitiveComplexityAndNesting(string body, int cognitive, int depth)
    {
        var analysis = await JavaScript.AnalyzeAsync("f.js", $"function f(a, b, c, d) {{\n  {body}\n}}\n");

        var f = analysis.Function("f");
        Assert.Equal((cognitive, depth), (f.CognitiveComplexity, f.MaxNestingDepth));
    }

    [Fact]
    public async Task AnalyzeAsync_FunctionTypes_AreNotFunctions()
    {
        const string Code = """
            class Db {
                handler: (e: Event) => void;

                async transaction<T>(run: (m: Manager) => Promise<T>, level?: (x: number) => string): Promise<T> {
                    let done: () => void
                    return run(this.manager) ?? level(1)
                }
            }
            """;

        var analysis = await TypeScript.AnalyzeAsync("db.ts", Code);

        var transaction = Assert.Single(analysis.Functions);
        Assert.Equal(("Db.transaction", 2, 2), (transaction.Name, transaction.Parameters, transaction.CyclomaticComplexity));
    }

    [Fact]
    public async Task AnalyzeAsync_Exports_JsDocDirectlyBeforeCounts()
    {
        const string Code = "/** Adds. */\nexport function add(a, b) { return a + b }\n\n// not JSDoc\nexport const sub = (a, b) => a - b\n\n/**\n * A class.\n */\nexport default class Calc {}\nexports.mul = function (a, b) { return a * b }\n";

        var analysis = await JavaScript.AnalyzeAsync("calc.js", Code);

        Assert.Equal([("add", "function", true), ("sub", "variable", false), ("Calc", "class", true), ("mul", "value", false)], analysis.PublicApi.Select(a => (a.Name, a.Kind, a.Documented)));
    }

    [Fact]
    public async Task AnalyzeAsync_Naming_AllowsConstructorsAndConstants()
    {
        const string Code = "function Widget() {}\nfunction do_thing() {}\nconst MAX_SIZE = 3\nconst my_value = 1\nclass lower {}\n";

        var analysis = await JavaScript.AnalyzeAsync("w.js", Code, AnalyzerTesting.Options(("class", "PascalCase"), ("function", "camelCase"), ("variable", "camelCase")));

        Assert.Equal([(2, "rename 'do_thing' to 'doThing'"), (4, "rename 'my_value' to 'myValue'"), (5, "rename 'lower' to 'Lower'")], analysis.Findings.Select(f => (f.Line, f.FixHint)).OrderBy(f => f.Line));
    }

    [Fact]
    public async Task AnalyzeAsync_TemplateAndRegexLiterals_AreNotBrackets()
    {
        const string Code = "const a = `x ${`y ${b}`} }`\nconst r = /[{(]/g\nfunction f() { return a ? `${r}` : '}' }\n";

        var analysis = await JavaScript.AnalyzeAsync("t.js", Code);

        Assert.DoesNotContain(analysis.Findings, f => f.RuleId == "CG3001");
        Assert.Equal((3, 3, 2), (analysis.Function("f").Line, analysis.Function("f").EndLine, analysis.Function("f").CyclomaticComplexity));
    }

    [Fact]
    public async Task AnalyzeAsync_MissingClosingBrace_ReportsTheOpener()
    {
        var analysis = await JavaScript.AnalyzeAsync("t.js", "function f() {\n  if (a) {\n    return 1;\n}\n");

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal(("CG3001", 1, 14), (finding.RuleId, finding.Line, finding.Column));
    }

    [Theory]
    [InlineData("src/a.test.ts", "", true)]
    [InlineData("src/a.spec.js", "", true)]
    [InlineData("src/__tests__/a.js", "", true)]
    [InlineData("src/a.js", "describe('a', () => { it('works', () => {}) })", true)]
    [InlineData("src/a.js", "export const a = 1", false)]
    public async Task AnalyzeAsync_TestConventions_SetsIsTest(string path, string content, bool expected)
    {
        var analyzer = path.EndsWith(".ts", StringComparison.Ordinal) ? TypeScript : (CodegenBot.Core.Quality.ILanguageAnalyzer)JavaScript;

        Assert.Equal(expected, (await analyzer.AnalyzeAsync(path, content)).IsTest);
    }
}
