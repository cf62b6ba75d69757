namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Every pattern analyzer, run in a fixed order (naming, formatting, async, DI, errors, architecture).</summary>
internal static class PatternScan
{
    private static readonly IPatternAnalyzer[] Analyzers =
    [
        new CSharpNamingAnalyzer(), new PythonNamingAnalyzer(), new ScriptNamingAnalyzer(), new GoNamingAnalyzer(), new JavaNamingAnalyzer(),
        new IndentationAnalyzer(), new QuoteStyleAnalyzer(), new AsyncStyleAnalyzer(), new DependencyInjectionAnalyzer(),
        new ErrorHandlingAnalyzer(), new LayeringAnalyzer(),
    ];

    public static IReadOnlyList<CodePattern> Analyze(SourceSample sample) => Analyzers.SelectMany(a => a.Analyze(sample)).ToList();
}
