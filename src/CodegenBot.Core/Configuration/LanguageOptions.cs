using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Settings for one language, shipped in <c>config/language_configs/&lt;language&gt;.yaml</c>.</summary>
public sealed record LanguageOptions
{
    /// <summary>File extensions (with the dot) that belong to the language.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Code style.</summary>
    public LanguageStyleOptions Style { get; init; } = new();

    /// <summary>Limits the quality assessor checks.</summary>
    public LanguageThresholdOptions Thresholds { get; init; } = new();

    /// <summary>Test frameworks in common use, most likely first.</summary>
    public IReadOnlyList<string> TestFrameworks { get; init; } = [];

    /// <summary>Security guidelines given to the model.</summary>
    public IReadOnlyList<string> SecurityGuidelines { get; init; } = [];

    /// <summary>Performance patterns given to the model.</summary>
    public IReadOnlyList<string> PerformancePatterns { get; init; } = [];

    /// <summary>What must be documented.</summary>
    public DocumentationRequirements Documentation { get; init; } = new();

    /// <summary>Rules switched off or given another severity, by rule id (<c>CG5001: { enabled: false }</c>).</summary>
    public IReadOnlyDictionary<string, RuleOptions> Rules { get; init; } = new Dictionary<string, RuleOptions>();

    /// <summary>Dimension thresholds for files of this language instead of <c>quality.thresholds</c>.</summary>
    public QualityDimensionValues? DimensionThresholds { get; init; }

    /// <summary>Dimension weights for files of this language instead of <c>quality.weights</c>.</summary>
    public QualityDimensionValues? DimensionWeights { get; init; }
}

/// <summary>How one rule applies to a language.</summary>
public sealed record RuleOptions
{
    /// <summary>Whether the rule runs.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The severity its findings get instead of the rule's own (info, warning, error).</summary>
    public Quality.FindingSeverity? Severity { get; init; }
}

/// <summary>Code style of one language.</summary>
public sealed record LanguageStyleOptions
{
    /// <summary>Spaces per indentation level (0 means tabs).</summary>
    [Range(0, 16)]
    public int IndentSize { get; init; } = 4;

    /// <summary>Longest line.</summary>
    [Range(40, 1000)]
    public int MaxLineLength { get; init; } = 120;

    /// <summary>Naming convention per symbol kind (type, method, variable, constant, ...).</summary>
    public IReadOnlyDictionary<string, string> Naming { get; init; } = new Dictionary<string, string>();
}

/// <summary>Limits checked by the quality assessor.</summary>
public sealed record LanguageThresholdOptions
{
    /// <summary>Largest cyclomatic complexity per function.</summary>
    [Range(1, 1000)]
    public int MaxCyclomaticComplexity { get; init; } = 10;

    /// <summary>Largest cognitive complexity per function.</summary>
    [Range(1, 1000)]
    public int MaxCognitiveComplexity { get; init; } = 15;

    /// <summary>Deepest nesting per function.</summary>
    [Range(1, 100)]
    public int MaxNestingDepth { get; init; } = 4;

    /// <summary>Longest function, in lines.</summary>
    [Range(1, 10_000)]
    public int MaxFunctionLines { get; init; } = 60;

    /// <summary>Most parameters per function.</summary>
    [Range(1, 100)]
    public int MaxParameters { get; init; } = 6;

    /// <summary>Most distinct types one type may depend on (class coupling; Visual Studio's CA1506 warns above 95).</summary>
    [Range(1, 1000)]
    public int MaxClassCoupling { get; init; } = 80;

    /// <summary>Deepest inheritance chain of a type.</summary>
    [Range(1, 100)]
    public int MaxDepthOfInheritance { get; init; } = 6;

    /// <summary>Lowest maintainability index (0-100) of a function or type; Visual Studio flags below 20.</summary>
    [Range(0, 100)]
    public int MinMaintainabilityIndex { get; init; } = 20;
}

/// <summary>Documentation requirements of one language.</summary>
public sealed record DocumentationRequirements
{
    /// <summary>Whether public API must carry doc comments.</summary>
    public bool RequirePublicApiDocs { get; init; } = true;

    /// <summary>The doc comment style (xml-doc, docstring, jsdoc, javadoc, godoc).</summary>
    public string Style { get; init; } = "";
}
