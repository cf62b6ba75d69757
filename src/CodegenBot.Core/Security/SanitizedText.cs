namespace CodegenBot.Core.Security;

/// <summary>A kind of change <see cref="UntrustedText.Sanitize"/> makes to untrusted text.</summary>
internal enum SanitizedKind
{
    /// <summary>An HTML comment (invisible on GitHub) was removed.</summary>
    HtmlComment,

    /// <summary>An HTML tag was removed (its text kept).</summary>
    HtmlTag,

    /// <summary>The text of an element hidden from readers was made visible as <c>[hidden text: ...]</c>.</summary>
    HiddenText,

    /// <summary>An image's alt text or title was made visible as <c>[image: ...]</c>.</summary>
    ImageText,

    /// <summary>A link title (shown only on hover) was made visible as <c>(title: ...)</c>.</summary>
    LinkTitle,

    /// <summary>A link reference definition (never rendered) was made visible.</summary>
    LinkDefinition,

    /// <summary>A zero-width character was removed.</summary>
    ZeroWidth,

    /// <summary>A bidirectional control was replaced by a visible <c>[U+XXXX]</c> marker.</summary>
    Bidi,

    /// <summary>A run of Unicode tag characters (ASCII smuggling) was decoded into <c>[hidden: ...]</c>.</summary>
    TagCharacters,

    /// <summary>A run of several variation selectors (a data carrier) was removed.</summary>
    VariationSelectors,

    /// <summary>Another invisible format character was removed.</summary>
    FormatCharacter,

    /// <summary>A control character was removed (or, on one line, made visible).</summary>
    ControlCharacter,
}

/// <summary>How many changes of one kind were made.</summary>
/// <param name="Kind">The kind of change.</param>
/// <param name="Count">How many times it was made.</param>
internal sealed record SanitizedChange(SanitizedKind Kind, int Count);

/// <summary>Untrusted text after <see cref="UntrustedText.Sanitize"/>, with what was changed (for the log and the report).</summary>
/// <param name="Text">The cleaned text.</param>
/// <param name="Changes">Counts per kind of change, in the order of <see cref="SanitizedKind"/>; empty when nothing changed.</param>
internal sealed record SanitizedText(string Text, IReadOnlyList<SanitizedChange> Changes)
{
    /// <summary>Whether anything was removed or made visible.</summary>
    public bool Changed => Changes.Count > 0;

    /// <summary>The changes in one line, such as <c>HtmlComment: 1, Bidi: 2</c>.</summary>
    public string Summary => string.Join(", ", Changes.Select(c => $"{c.Kind}: {c.Count}"));
}

/// <summary>Counts changes while the scrubbers run.</summary>
internal sealed class SanitizedCounter
{
    private readonly int[] _counts = new int[Enum.GetValues<SanitizedKind>().Length];

    public void Add(SanitizedKind kind) => _counts[(int)kind]++;

    public IReadOnlyList<SanitizedChange> ToList() =>
        _counts.Select((count, kind) => new SanitizedChange((SanitizedKind)kind, count)).Where(c => c.Count > 0).ToList();
}
