using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CodegenBot.Core.Security;

/// <summary>
/// The Markdown level of <see cref="UntrustedText"/>. Markdig finds the code (fenced and indented blocks, code
/// spans: kept byte for byte), images, titled links and link reference definitions; everything between them goes
/// through <see cref="HtmlScrubber"/> (comments removed, tags removed, hidden text made visible).
/// </summary>
/// <remarks>
/// Markdig reads the text with HTML switched off: its HTML parsing is slow on pathological input (seconds for a
/// megabyte of unclosed <c>&lt;!--</c>), and the HTML scrubber carries an open comment or hidden element across code
/// regions, so a code block or span inside a comment is dropped with the comment whatever Markdig thinks of it.
/// </remarks>
internal static class MarkupScrubber
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().DisableHtml().Build();

    public static string Scrub(string text, SanitizedCounter counter)
    {
        if (text.AsSpan().IndexOfAny("<[`~\t") < 0 && !text.Contains("    ", StringComparison.Ordinal))
        {
            return text;
        }

        var regions = Regions(text, counter);
        var html = new HtmlScrubber(text, counter);
        var position = 0;
        foreach (var region in regions)
        {
            html.Scrub(position, region.Start);
            if (!html.InComment)
            {
                html.Append(region.Replacement ?? text[region.Start..region.End]);
            }

            position = region.End;
        }

        html.Scrub(position, text.Length);
        return html.Finish();
    }

    /// <summary>Code kept as is (Replacement null) and Markdown rewritten, in order, without overlaps.</summary>
    private static List<Region> Regions(string text, SanitizedCounter counter)
    {
        var found = new List<Region>();
        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested past its depth limit. Without regions everything is scrubbed as prose:
            // code may lose tag-like text, but nothing hidden gets through.
            return found;
        }

        foreach (var node in document.Descendants())
        {
            var region = node switch
            {
                CodeBlock block => Verbatim(text, block.Span),
                CodeInline code => Verbatim(text, code.Span),
                LinkInline { IsImage: true } image => Image(text, image),
                LinkInline { Title.Length: > 0, Reference: null } link => TitledLink(text, link),
                LinkReferenceDefinition definition => Definition(text, definition),
                _ => null,
            };
            if (region is { } r)
            {
                found.Add(r);
            }
        }

        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var result = new List<Region>(found.Count);
        var end = 0;
        foreach (var region in found.Where(r => r.Start >= 0))
        {
            if (region.Start >= end)
            {
                result.Add(region);
                end = region.End;
                if (region.Kind is { } kind)
                {
                    counter.Add(kind);
                }
            }
        }

        return result;
    }

    private static Region? Verbatim(string text, SourceSpan span) =>
        Valid(text, span) ? new Region(span.Start, span.End + 1, null, null) : null;

    private static Region? Image(string text, LinkInline image)
    {
        if (!Valid(text, image.Span))
        {
            return null;
        }

        var title = string.IsNullOrWhiteSpace(image.Title) ? "" : $" (title: {OneLine(image.Title)})";
        return new Region(image.Span.Start, image.Span.End + 1, $"[image: {OneLine(PlainText(image))}{title}]", SanitizedKind.ImageText);
    }

    /// <summary><c>[text](url "title")</c> becomes <c>[text](url) (title: title)</c>; the link text stays in the flow.</summary>
    private static Region? TitledLink(string text, LinkInline link)
    {
        if (!Valid(text, link.Span) || !Valid(text, link.UrlSpan) || link.UrlSpan.Start <= link.Span.Start)
        {
            return null;
        }

        var bracket = text.LastIndexOf(']', link.UrlSpan.Start, link.UrlSpan.Start - link.Span.Start);
        return bracket < 0 ? null : new Region(bracket, link.Span.End + 1, $"]({link.Url}) (title: {OneLine(link.Title!)})", SanitizedKind.LinkTitle);
    }

    /// <summary>A definition is never rendered, so its URL and title are hidden from readers: shown as plain text instead.</summary>
    private static Region? Definition(string text, LinkReferenceDefinition definition)
    {
        if (!Valid(text, definition.Span))
        {
            return null;
        }

        var title = string.IsNullOrWhiteSpace(definition.Title) ? "" : $" (title: {OneLine(definition.Title)})";
        var end = definition.Span.End + 1;
        var replacement = $"[link definition: {OneLine(definition.Label ?? "")} -> {OneLine(definition.Url ?? "")}{title}]";
        return new Region(definition.Span.Start, end, replacement, SanitizedKind.LinkDefinition);
    }

    private static bool Valid(string text, SourceSpan span) => span.Start >= 0 && span.End >= span.Start && span.End < text.Length;

    private static string PlainText(ContainerInline inline) =>
        string.Concat(inline.Descendants().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => " ",
            _ => "",
        }));

    private static string OneLine(string value) => value.ReplaceLineEndings(" ").Replace(']', ')').Trim();

    private sealed record Region(int Start, int End, string? Replacement, SanitizedKind? Kind);
}
