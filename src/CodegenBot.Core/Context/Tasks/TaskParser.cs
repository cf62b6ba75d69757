using CodegenBot.Core.Requests;
using CodegenBot.Core.Security;
using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CodegenBot.Core.Context.Tasks;

/// <summary>
/// Reads an issue or comment (Markdown, through Markdig's syntax tree) into a <see cref="TaskContext"/>: code
/// blocks, stack-trace frames, file paths, symbol names, error messages, checklists and acceptance criteria, and
/// the mode its labels ask for. The text is sanitised first (<see cref="UntrustedText.Sanitize"/>): what a reader on
/// GitHub cannot see does not steer the context. Never throws on any input; lists are capped.
/// </summary>
internal static class TaskParser
{
    /// <summary>The most items kept in each extracted list.</summary>
    public const int MaxItems = 200;

    /// <summary>Longer input is cut to this many characters before parsing.</summary>
    public const int MaxChars = 1_000_000;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().UsePipeTables().Build();

    public static TaskContext Parse(string markdown, IReadOnlyList<string>? labels = null, string? title = null)
    {
        // Parsed after sanitising, so a hidden HTML comment or invisible text cannot add file mentions or requirements.
        var text = UntrustedText.Sanitize(markdown.Length > MaxChars ? markdown[..MaxChars] : markdown).Text;
        var document = Markdown.Parse(text, Pipeline);
        var blocks = new List<TaskCodeBlock>();
        var prose = new List<string>();
        var inlineCode = new List<string>();
        var requirements = new List<TaskRequirement>();
        string? firstHeading = null;
        var heading = "";

        foreach (var block in document.Descendants())
        {
            switch (block)
            {
                case HeadingBlock h:
                    heading = InlineText(h.Inline);
                    firstHeading ??= heading;
                    break;
                case FencedCodeBlock fenced:
                    blocks.Add(new TaskCodeBlock(string.IsNullOrWhiteSpace(fenced.Info) ? null : fenced.Info.Trim(), fenced.Lines.ToString(), fenced.Line + 1));
                    break;
                case CodeBlock code:
                    blocks.Add(new TaskCodeBlock(null, code.Lines.ToString(), code.Line + 1));
                    break;
                case ParagraphBlock paragraph when paragraph.Inline is not null:
                    prose.Add(InlineText(paragraph.Inline));
                    inlineCode.AddRange(paragraph.Inline.Descendants<CodeInline>().Select(c => c.Content));
                    if (paragraph.Parent is ListItemBlock && Requirement(paragraph.Inline, heading) is { } requirement)
                    {
                        requirements.Add(requirement);
                    }

                    break;
            }
        }

        var allText = string.Join('\n', prose.Concat(blocks.Select(b => b.Code)));
        var frames = StackTraces.Frames(allText).Take(MaxItems).ToList();
        var checklist = requirements.Where(r => r.Text.StartsWith('\u0001')).Select(r => r with { Text = r.Text[1..] }).ToList();
        return new TaskContext
        {
            Text = text,
            Title = (title is null ? null : UntrustedText.SanitizeInline(title)) ?? firstHeading ?? text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0),
            CodeBlocks = blocks.Take(MaxItems).ToList(),
            StackFrames = frames,
            FilePaths = Mentions.FilePaths(inlineCode.Concat(prose), frames).Take(MaxItems).ToList(),
            SymbolNames = Mentions.Symbols(inlineCode, prose, frames).Take(MaxItems).ToList(),
            ErrorMessages = StackTraces.Errors(allText).Take(MaxItems).ToList(),
            Requirements = (checklist.Count > 0 ? checklist : requirements.Where(r => !r.Text.StartsWith('\u0001')).ToList()).Take(MaxItems).ToList(),
            Labels = labels ?? [],
            ModeFromLabels = LabelModes.From(labels ?? []),
        };
    }

    /// <summary>A checklist item (marked with a leading \u0001), or a bullet under an acceptance/requirements heading.</summary>
    private static TaskRequirement? Requirement(ContainerInline inline, string heading)
    {
        var task = inline.Descendants<TaskList>().FirstOrDefault();
        var text = InlineText(inline).Trim();
        if (task is not null)
        {
            return new TaskRequirement("\u0001" + text, task.Checked);
        }

        return heading.Contains("acceptance", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("requirement", StringComparison.OrdinalIgnoreCase)
            || heading.Contains("criteria", StringComparison.OrdinalIgnoreCase)
            ? new TaskRequirement(text, false)
            : null;
    }

    private static string InlineText(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants().Select(i => i switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            LineBreakInline => "\n",
            _ => "",
        }));
}
