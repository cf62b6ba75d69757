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

    /// <summary>
    /// The analyzers run side by side (they share nothing but the immutable sample; the regex scans of a large
    /// repository's sample take most of a second on one core); results keep the fixed order.
    /// </summary>
    public static IReadOnlyList<CodePattern> Analyze(SourceSample sample) =>
        Analyzers.AsParallel().AsOrdered().Select(a => a.Analyze(sample).ToList()).ToList().SelectMany(p => p).ToList();
}
