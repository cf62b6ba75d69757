namespace CodegenBot.Core.Context.Ranking;

/// <summary>
/// Every weight the ranking uses, in one place. Lexical and graph scores are normalised to 0..1 before weighting;
/// the boosts are added on top, so a direct hit (a file the task names) always outranks a merely similar one.
/// </summary>
internal static class RankingWeights
{
    /// <summary>Weight of the BM25 score (identifier sub-tokens of the text, the path and the definitions; see <see cref="TermBag"/>).</summary>
    public const double Lexical = 0.45;

    /// <summary>Weight of the personalized PageRank over the definition/reference graph.</summary>
    public const double Graph = 0.2;

    /// <summary>Added when the task names the file (path or file name).</summary>
    public const double NamedInTask = 1.0;

    /// <summary>Added when a stack trace in the task has a frame in the file.</summary>
    public const double StackTraceHit = 0.8;

    /// <summary>Added when the file defines a symbol the task names.</summary>
    public const double DefinesNamedSymbol = 0.5;

    /// <summary>Added when the task uses the file's name as a word (<c>helpers</c>, <c>InsertQueryBuilder</c>); split among files sharing the name.</summary>
    public const double FileNameInTask = 0.3;

    /// <summary>Added when the task uses the name of a folder holding the file (<c>fix(persistence)</c>, "the query-builder").</summary>
    public const double FolderNameInTask = 0.15;

    /// <summary>A named folder holding more than this share of all files is too broad (src, lib) to say anything.</summary>
    public const double MaxNamedFolderShare = 0.1;

    /// <summary>A test file of a ranked source file gets at least this share of the source's score (and vice versa).</summary>
    public const double TestPairShare = 0.6;

    /// <summary>Share of its lexical and graph score a test file keeps when the task is not about tests.</summary>
    public const double TestFileFactor = 0.35;

    /// <summary>Share a file without code definitions (docs, data, configuration) keeps when the task is not documentation.</summary>
    public const double NonCodeFactor = 0.5;

    /// <summary>Path sub-tokens count this many times in a file's BM25 document: the path says what the file is about.</summary>
    public const int PathTermRepeat = 3;

    /// <summary>Names of a file's own definitions count this many times in its BM25 document.</summary>
    public const int DefinitionTermRepeat = 2;

    /// <summary>Graph edges for an identifier the task names are this much heavier.</summary>
    public const double NamedIdentifierEdge = 10;

    /// <summary>Graph edges for identifiers that look private (leading underscore) are this much lighter.</summary>
    public const double PrivateIdentifierEdge = 0.1;

    /// <summary>Graph edges between files of different languages are this much lighter (same name, likely unrelated).</summary>
    public const double CrossLanguageEdge = 0.1;

    /// <summary>Identifiers defined in more files than this are too generic (Get, Name, Run) to link files.</summary>
    public const int MaxDefinitionsPerIdentifier = 12;

    /// <summary>Identifiers shorter than this (i, id, ok) carry no signal in the graph.</summary>
    public const int MinIdentifierLength = 3;
}
