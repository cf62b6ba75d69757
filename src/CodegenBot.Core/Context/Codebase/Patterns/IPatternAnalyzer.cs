namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>Measures one family of conventions from the sampled source files.</summary>
internal interface IPatternAnalyzer
{
    /// <summary>The patterns seen; none when the sample has too little of the language to tell.</summary>
    IEnumerable<CodePattern> Analyze(SourceSample sample);
}
