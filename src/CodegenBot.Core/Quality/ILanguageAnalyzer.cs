using CodegenBot.Core.Configuration;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality;

/// <summary>
/// Analyses files of one language: metrics per function and type, public API and its documentation, and the
/// findings only a parser of the language can make (syntax, naming). Limits, documentation coverage, tests and the
/// cross-language rules are applied by the assessor from what this returns. Implementations are registered in DI
/// and picked by file extension; a new language plugs in by implementing this and registering it.
/// </summary>
public interface ILanguageAnalyzer
{
    /// <summary>The language id, as in <c>config/language_configs/&lt;id&gt;.yaml</c>.</summary>
    string Language { get; }

    /// <summary>Whether this analyzer handles the file.</summary>
    bool CanAnalyze(string path);

    /// <summary>Analyses one file with the language's settings.</summary>
    Task<FileAnalysis> AnalyzeAsync(SourceFile file, LanguageOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// What, besides the file's text and the language's settings, the analysis depends on (a repository's
    /// .editorconfig naming rules), as a string that changes when it does; part of the analysis cache key.
    /// </summary>
    string Fingerprint(SourceFile file) => "";

    /// <summary>Called when the work tree at <paramref name="root"/> is done with, so state kept for it (compilations) is let go.</summary>
    void Release(string root)
    {
    }

    /// <summary>Called once before an assessment of <paramref name="paths"/> under <paramref name="root"/>, so state shared between files (a compilation) can be refreshed.</summary>
    Task PrepareAsync(string root, IReadOnlyList<string> paths, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// A rule that applies to the text of one or more languages (security and performance patterns). Rules that are
/// data live in <c>config/rules/</c>; this interface is for the ones that must be code.
/// </summary>
public interface IQualityRule
{
    /// <summary>The rule id, such as CG5001.</summary>
    string Id { get; }

    /// <summary>The dimension its findings cost points in.</summary>
    QualityDimension Dimension { get; }

    /// <summary>Whether the rule checks files of the language.</summary>
    bool AppliesTo(string language);

    /// <summary>The findings in one file; <paramref name="masked"/> is the file with comments (and string contents) blanked.</summary>
    IEnumerable<Finding> Check(SourceFile file, MaskedSource masked, FileAnalysis analysis);
}
