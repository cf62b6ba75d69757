namespace CodegenBot.Core.Quality.Analysis;

/// <summary>One file handed to an analyzer: its repository-relative path, language id and text.</summary>
public sealed record SourceFile(string Path, string Language, string Content)
{
    /// <summary>The work tree the file belongs to, for analyzers that read its neighbours (a C# project's other sources); null when analysed alone.</summary>
    public string? Root { get; init; }
}

/// <summary>
/// Metrics of one function, method, constructor, accessor or local function. Figures a language analyzer cannot
/// compute stay null and no limit is checked against them.
/// </summary>
public sealed record FunctionMetrics
{
    /// <summary>The name as written, qualified by its type where the language has one (<c>Parser.Parse</c>).</summary>
    public required string Name { get; init; }

    /// <summary>1-based line of the declaration.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of the name.</summary>
    public int Column { get; init; } = 1;

    /// <summary>1-based last line of the body.</summary>
    public required int EndLine { get; init; }

    /// <summary>Lines of the body that hold code (not blank, not only a comment).</summary>
    public int CodeLines { get; init; }

    /// <summary>Declared parameters.</summary>
    public int Parameters { get; init; }

    /// <summary>McCabe cyclomatic complexity: 1 plus one per decision point.</summary>
    public int CyclomaticComplexity { get; init; } = 1;

    /// <summary>Cognitive complexity per SonarSource's specification (increments for breaks in linear flow, weighted by nesting).</summary>
    public int? CognitiveComplexity { get; init; }

    /// <summary>Deepest nesting of control structures inside the body (0 for straight-line code).</summary>
    public int MaxNestingDepth { get; init; }

    /// <summary>Maintainability index (0-100, Visual Studio's scale) where computed.</summary>
    public int? MaintainabilityIndex { get; init; }
}

/// <summary>Metrics of one class, struct, interface, record or module-level type.</summary>
public sealed record TypeMetrics
{
    /// <summary>The type's name, with its namespace where known.</summary>
    public required string Name { get; init; }

    /// <summary>1-based line of the declaration.</summary>
    public required int Line { get; init; }

    /// <summary>1-based column of the name.</summary>
    public int Column { get; init; } = 1;

    /// <summary>Distinct types it depends on (Visual Studio's class coupling), where computed.</summary>
    public int? ClassCoupling { get; init; }

    /// <summary>Depth of inheritance (1 for a class deriving from object), where computed.</summary>
    public int? DepthOfInheritance { get; init; }

    /// <summary>Maintainability index (0-100), where computed.</summary>
    public int? MaintainabilityIndex { get; init; }

    /// <summary>Cyclomatic complexity summed over its members, where computed.</summary>
    public int? CyclomaticComplexity { get; init; }
}

/// <summary>A public (exported) declaration and whether it carries a doc comment.</summary>
public sealed record ApiSymbol(string Name, string Kind, int Line, int Column, bool Documented);

/// <summary>What a language analyzer found in one file: its metrics, its public API and its own findings.</summary>
public sealed record FileAnalysis
{
    /// <summary>The file, relative to the repository root.</summary>
    public required string Path { get; init; }

    /// <summary>The language id.</summary>
    public required string Language { get; init; }

    /// <summary>Lines in the file.</summary>
    public int Lines { get; init; }

    /// <summary>Lines that hold code.</summary>
    public int CodeLines { get; init; }

    /// <summary>Whether the file is a test (by path convention or test framework usage).</summary>
    public bool IsTest { get; init; }

    /// <summary>Functions and their metrics, in source order.</summary>
    public IReadOnlyList<FunctionMetrics> Functions { get; init; } = [];

    /// <summary>Types and their metrics, in source order.</summary>
    public IReadOnlyList<TypeMetrics> Types { get; init; } = [];

    /// <summary>Public declarations, for documentation coverage.</summary>
    public IReadOnlyList<ApiSymbol> PublicApi { get; init; } = [];

    /// <summary>Findings only the language analyzer can make: syntax and compiler errors, naming.</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];
}
