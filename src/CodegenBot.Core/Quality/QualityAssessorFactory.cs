using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context.Caching;

namespace CodegenBot.Core.Quality;

/// <summary>Creates a <see cref="QualityAssessor"/> for the configuration of one run, from the shared services.</summary>
internal sealed class QualityAssessorFactory(
    IEnumerable<ILanguageAnalyzer> analyzers,
    IEnumerable<IQualityRule> rules,
    IContextCacheStore cache,
    TimeProvider time)
{
    public QualityAssessor Create(CodegenOptions options) => new(analyzers, rules, options.Quality, options.Languages, cache, time);
}
