using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Analysis;
using CodegenBot.Core.Quality.CSharp;

namespace CodegenBot.Core.Tests.Quality.CSharp;

public sealed class EditorConfigNamingTests : IDisposable
{
    private const string RuntimeStyle = """
        root = true

        [*.md]
        dotnet_naming_rule.ignored.symbols = all_fields
        dotnet_naming_rule.ignored.style = upper

        [*.{cs,vb}]
        dotnet_naming_rule.static_fields.symbols = static_fields
        dotnet_naming_rule.static_fields.style = s_camel
        dotnet_naming_rule.static_fields.severity = warning
        dotnet_naming_symbols.static_fields.applicable_kinds = field
        dotnet_naming_symbols.static_fields.applicable_accessibilities = private, internal
        dotnet_naming_symbols.static_fields.required_modifiers = static
        dotnet_naming_style.s_camel.capitalization = camel_case
        dotnet_naming_style.s_camel.required_prefix = s_

        dotnet_naming_rule.private_fields.symbols = private_fields
        dotnet_naming_rule.private_fields.style = underscore_camel
        dotnet_naming_rule.private_fields.severity = error
        dotnet_naming_symbols.private_fields.applicable_kinds = field
        dotnet_naming_symbols.private_fields.applicable_accessibilities = private
        dotnet_naming_style.underscore_camel.capitalization = camel_case
        dotnet_naming_style.underscore_camel.required_prefix = _

        dotnet_naming_rule.quiet.symbols = locals
        dotnet_naming_rule.quiet.style = upper
        dotnet_naming_rule.quiet.severity = none
        dotnet_naming_symbols.locals.applicable_kinds = local
        dotnet_naming_style.upper.capitalization = all_upper
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("codegen-editorconfig-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task AnalyzeAsync_RepositoryRules_ReplaceTheDefaultsWithTheirSeverity()
    {
        File.WriteAllText(Path.Combine(_root, ".editorconfig"), RuntimeStyle);
        const string code = "class C\n{\n    private static int s_ok;\n    private static int _wrong;\n    private int _fine;\n    private int bad;\n    void M() { var Whatever = 1; }\n}\n";

        var analysis = await new CSharpAnalyzer().AnalyzeAsync(new SourceFile("C.cs", "csharp", code) { Root = _root }, new LanguageOptions(), TestContext.Current.CancellationToken);

        var naming = analysis.Findings.Where(f => f.RuleId == "CG1002").ToList();
        Assert.Equal(2, naming.Count);
        Assert.Equal((4, FindingSeverity.Warning, "rename it to 's_wrong'"), (naming[0].Line, naming[0].Severity, naming[0].FixHint));
        Assert.Contains("s_camelCase (.editorconfig rule static_fields)", naming[0].Message, StringComparison.Ordinal);
        Assert.Equal((6, FindingSeverity.Error, "rename it to '_bad'"), (naming[1].Line, naming[1].Severity, naming[1].FixHint));
    }

    [Fact]
    public void For_NearestFileWinsAndRootStopsTheSearch()
    {
        File.WriteAllText(Path.Combine(_root, ".editorconfig"), RuntimeStyle);
        var sub = Directory.CreateDirectory(Path.Combine(_root, "src")).FullName;
        File.WriteAllText(Path.Combine(sub, ".editorconfig"), "[*.cs]\ndotnet_naming_style.underscore_camel.required_prefix = m_\n");

        var rules = EditorConfigNaming.For(_root, "src/C.cs");

        Assert.Null(rules.Check(new NamedSymbol("m_field", "field", "private", new HashSet<string>())));
        Assert.NotNull(rules.Check(new NamedSymbol("_field", "field", "private", new HashSet<string>())));
    }

    [Fact]
    public void For_NoNamingRules_LeavesTheDefaults() =>
        Assert.False(EditorConfigNaming.Parse(["[*.cs]\nindent_size = 4\n"]).HasRules);

    [Theory]
    [InlineData("pascal_case", "ParseValue", true)]
    [InlineData("pascal_case", "parseValue", false)]
    [InlineData("camel_case", "parseValue", true)]
    [InlineData("camel_case", "Parse_value", false)]
    [InlineData("all_upper", "MAX_SIZE", true)]
    [InlineData("all_upper", "MaxSize", false)]
    public void Check_Capitalization(string capitalization, string name, bool accepted)
    {
        var rules = EditorConfigNaming.Parse([$"[*.cs]\ndotnet_naming_rule.r.symbols = s\ndotnet_naming_rule.r.style = st\ndotnet_naming_rule.r.severity = warning\ndotnet_naming_symbols.s.applicable_kinds = method\ndotnet_naming_style.st.capitalization = {capitalization}\n"]);

        Assert.Equal(accepted, rules.Check(new NamedSymbol(name, "method", "public", new HashSet<string>())) is null);
    }

    [Theory]
    [InlineData("_count")]
    [InlineData("a__b")]
    public void Check_EmptyWordsWithASeparator_AreViolationsNotCrashes(string name)
    {
        var rules = EditorConfigNaming.Parse(["[*.cs]\ndotnet_naming_rule.r.symbols = s\ndotnet_naming_rule.r.style = st\ndotnet_naming_rule.r.severity = warning\ndotnet_naming_symbols.s.applicable_kinds = field\ndotnet_naming_style.st.capitalization = camel_case\ndotnet_naming_style.st.word_separator = _\n"]);

        Assert.NotNull(rules.Check(new NamedSymbol(name, "field", "private", new HashSet<string>())));
    }
}
