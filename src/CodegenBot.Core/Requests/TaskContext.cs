namespace CodegenBot.Core.Requests;

/// <summary>A fenced or indented code block of the task.</summary>
/// <param name="Language">The info string's language, or null.</param>
/// <param name="Code">The block's text.</param>
/// <param name="Line">1-based line where it starts.</param>
public sealed record TaskCodeBlock(string? Language, string Code, int Line);

/// <summary>One frame of a stack trace in the task.</summary>
/// <param name="File">The source file, as written (may be absolute).</param>
/// <param name="Line">The line, when given.</param>
/// <param name="Method">The function or method, when given.</param>
/// <param name="Raw">The frame's text.</param>
public sealed record StackFrame(string? File, int? Line, string? Method, string Raw);

/// <summary>A requirement of the task: a checklist item or an acceptance-criteria bullet.</summary>
/// <param name="Text">What is required.</param>
/// <param name="Done">Whether it is ticked.</param>
public sealed record TaskRequirement(string Text, bool Done);

/// <summary>The task, read: its text and what it points at.</summary>
public sealed record TaskContext
{
    /// <summary>The task as written (Markdown).</summary>
    public required string Text { get; init; }

    /// <summary>The given title, or the first heading or line.</summary>
    public string? Title { get; init; }

    /// <summary>Code blocks.</summary>
    public IReadOnlyList<TaskCodeBlock> CodeBlocks { get; init; } = [];

    /// <summary>Stack-trace frames, in order.</summary>
    public IReadOnlyList<StackFrame> StackFrames { get; init; } = [];

    /// <summary>File paths mentioned, in order of first mention.</summary>
    public IReadOnlyList<string> FilePaths { get; init; } = [];

    /// <summary>Code symbols mentioned (inline code identifiers, PascalCase names, frame methods).</summary>
    public IReadOnlyList<string> SymbolNames { get; init; } = [];

    /// <summary>Error and exception messages.</summary>
    public IReadOnlyList<string> ErrorMessages { get; init; } = [];

    /// <summary>Checklist items and acceptance criteria.</summary>
    public IReadOnlyList<TaskRequirement> Requirements { get; init; } = [];

    /// <summary>The labels.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The mode the labels ask for, or null.</summary>
    public GenerationMode? ModeFromLabels { get; init; }
}
