using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.CSharp;
using CodegenBot.Core.Quality.Languages;
using Microsoft.Extensions.DependencyInjection;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class LanguageRegistrationTests
{
    [Fact]
    public void AddCodegenBotCore_RegistersEachLanguageOnceWithTheGenericAnalyzerLast()
    {
        var services = new ServiceCollection();
        services.AddCodegenBotCore();
        services.AddCodegenBotCore();

        var analyzers = services.Where(s => s.ServiceType == typeof(ILanguageAnalyzer)).Select(s => s.ImplementationType!.Name).ToList();

        Assert.Equal(["CSharpAnalyzer", "PythonAnalyzer", "JavaScriptAnalyzer", "TypeScriptAnalyzer", "GoAnalyzer", "JavaAnalyzer", "GenericTextAnalyzer"], analyzers);
    }

    [Theory]
    [InlineData("src/a.py", "python")]
    [InlineData("src/a.mjs", "javascript")]
    [InlineData("src/a.tsx", "typescript")]
    [InlineData("cmd/main.go", "go")]
    [InlineData("src/A.java", "java")]
    [InlineData("src/A.cs", "csharp")]
    [InlineData("src/lib.rs", "text")]
    public void FirstAnalyzerThatCanAnalyze_PicksTheLanguage(string path, string language)
    {
        ILanguageAnalyzer[] analyzers = [new CSharpAnalyzer(), new PythonAnalyzer(), new JavaScriptAnalyzer(), new TypeScriptAnalyzer(), new GoAnalyzer(), new JavaAnalyzer(), new GenericTextAnalyzer()];

        Assert.Equal(language, analyzers.First(a => a.CanAnalyze(path)).Language);
    }
}
