using System.ComponentModel;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using Microsoft.Extensions.AI;

namespace CodegenBot.Core.Generation;

/// <summary>The limits of one attempt's tool use.</summary>
/// <param name="MaxCalls">Tool calls in all.</param>
/// <param name="MaxReadBytes">Characters returned by read_file and search_code in all.</param>
public sealed record ToolBudget(int MaxCalls, int MaxReadBytes);

/// <summary>
/// The tools of one attempt when the model supports tool calling: <c>read_file</c>, <c>list_files</c>,
/// <c>search_code</c> (bounded by <see cref="ContextTools"/>), <c>write_file</c>, <c>edit_file</c> (SEARCH/REPLACE
/// through <see cref="EditApplier"/>, so the same tolerances and refusals), <c>delete_file</c> and
/// <c>finish(summary)</c>. Every write goes through the <see cref="PathGuard"/>; every applied edit is recorded for
/// the report; a refused edit is answered with feedback the model can act on in the same conversation. Calls beyond
/// the budget are refused and end the loop.
/// </summary>
internal sealed class EditToolSession
{
    private readonly string _root;
    private readonly PathGuard _guard;
    private readonly ContextTools _context;
    private readonly ToolBudget _budget;
    private readonly List<AppliedEdit> _applied = [];
    private readonly List<string> _refused = [];
    private readonly HashSet<string> _written = new(StringComparer.Ordinal);
    private readonly List<string> _refusedPaths = [];
    private int _calls;
    private int _readBytes;

    public EditToolSession(string root, PathGuard guard, RepositoryAnalysis analysis, ToolBudget budget)
    {
        _root = root;
        _guard = guard;
        _budget = budget;
        _context = new ContextTools(root, analysis, guard);
        Tools =
        [
            AIFunctionFactory.Create(ReadFile, "read_file", "Read a file of the repository, optionally lines startLine..endLine (1-based), with line numbers."),
            AIFunctionFactory.Create(ListFiles, "list_files", "List repository files matching a glob such as src/**/*.cs."),
            AIFunctionFactory.Create(SearchCode, "search_code", "Search file contents with a regular expression; returns path:line: text for each match."),
            AIFunctionFactory.Create(WriteFile, "write_file", "Create a file, or replace a file's whole content."),
            AIFunctionFactory.Create(EditFile, "edit_file", "Replace one exact passage of a file: search must match one place (copy it from read_file, without line numbers)."),
            AIFunctionFactory.Create(DeleteFile, "delete_file", "Delete a file of the repository."),
            AIFunctionFactory.Create(Finish, "finish", "Call once every change is made, with a short summary of what changed and why."),
        ];
    }

    /// <summary>The functions to offer the model.</summary>
    public IReadOnlyList<AITool> Tools { get; }

    /// <summary>Edits applied, in order.</summary>
    public IReadOnlyList<AppliedEdit> Applied => _applied;

    /// <summary>Edits refused (and told to the model), in order.</summary>
    public IReadOnlyList<string> Refused => _refused;

    /// <summary>The model's summary, once it called finish.</summary>
    public string? Summary { get; private set; }

    /// <summary>Files whose refused edit was never followed by a successful edit of the same file.</summary>
    public IReadOnlyList<string> Unresolved =>
        _refusedPaths.Distinct(StringComparer.Ordinal).Where(p => !_applied.Any(a => a.Path == p)).ToList();

    /// <summary>Tool calls made.</summary>
    public int Calls => _calls;

    /// <summary>Whether the budget ran out.</summary>
    public bool Exhausted { get; private set; }

    private string ReadFile([Description("Path relative to the repository root.")] string path, int startLine = 1, int endLine = int.MaxValue)
    {
        if (Spend() is { } refusal)
        {
            return refusal;
        }

        var text = _context.ReadFile(path, startLine, endLine);
        if (text.StartsWith("error:", StringComparison.Ordinal) && _guard.Check(path).FullPath is { } full && _written.Contains(full) && File.Exists(full))
        {
            // A file written in this attempt is not in the index yet; nothing else bypasses the index's refusals.
            var builder = new System.Text.StringBuilder();
            foreach (var (line, number) in File.ReadLines(full).Select((l, i) => (l, i + 1)).Skip(startLine - 1).TakeWhile(x => x.Item2 <= endLine))
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"{number,5}  {line}\n");
                if (builder.Length > ContextTools.MaxReadChars)
                {
                    break;
                }
            }

            text = builder.ToString().TrimEnd('\n');
        }

        return Charge(text);
    }

    private string ListFiles([Description("A glob such as src/**/*.cs; **/* lists everything.")] string glob = "**/*") =>
        Spend() ?? string.Join('\n', _context.ListFiles(glob));

    private string SearchCode([Description("A .NET regular expression.")] string pattern, [Description("Limit the search to files matching this glob.")] string glob = "**/*") =>
        Spend() ?? Charge(string.Join('\n', _context.SearchCode(pattern, glob)));

    private string WriteFile(string path, [Description("The complete new content of the file.")] string content)
    {
        if (Spend() is { } refusal)
        {
            return refusal;
        }

        var (full, problem) = _guard.Check(path);
        if (full is null)
        {
            return Refuse(problem!);
        }

        var existed = File.Exists(full);
        var before = existed ? File.ReadAllText(full) : "";
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        _written.Add(full);
        _applied.Add(new AppliedEdit(Normalise(path), existed ? EditKind.Modified : EditKind.Created, LineCount(before), LineCount(content)));
        return existed ? $"Replaced {path} ({LineCount(content)} lines)." : $"Created {path} ({LineCount(content)} lines).";
    }

    private string EditFile(string path, [Description("The exact existing text to replace.")] string search, [Description("The new text.")] string replace)
    {
        if (Spend() is { } refusal)
        {
            return refusal;
        }

        if (search.Length == 0)
        {
            return Refuse($"edit_file needs the existing text of {path} in search; use write_file to create a file.");
        }

        var result = new EditApplier(_guard).Apply([new EditBlock(path, WithNewline(search), WithNewline(replace), 0)]);
        if (result.Problems.Count > 0)
        {
            return Refuse(result.Problems[0].Replace("Block 1: ", "", StringComparison.Ordinal), path);
        }

        var edit = result.Applied[0];
        _applied.Add(edit);
        if (_guard.Check(path).FullPath is { } edited)
        {
            _written.Add(edited);
        }
        return $"Edited {path} at line {edit.StartLine} ({(edit.Match == MatchKind.Exact ? "exact match" : $"matched {edit.Match}")}).";
    }

    private string DeleteFile(string path)
    {
        if (Spend() is { } refusal)
        {
            return refusal;
        }

        var (full, problem) = _guard.Check(path);
        if (full is null)
        {
            return Refuse(problem!);
        }

        if (!File.Exists(full))
        {
            return Refuse($"{path} does not exist, so it cannot be deleted.");
        }

        var lines = LineCount(File.ReadAllText(full));
        File.Delete(full);
        _applied.Add(new AppliedEdit(Normalise(path), EditKind.Deleted, lines, 0));
        return $"Deleted {path}.";
    }

    private string Finish([Description("What changed and why, in a few sentences.")] string summary)
    {
        Summary = summary;
        if (FunctionInvokingChatClient.CurrentContext is { } context)
        {
            context.Terminate = true;
        }

        return "Done.";
    }

    /// <summary>Counts a call; past the budget, refuses it and stops the loop.</summary>
    private string? Spend()
    {
        if (++_calls <= _budget.MaxCalls)
        {
            return null;
        }

        Exhausted = true;
        if (FunctionInvokingChatClient.CurrentContext is { } context)
        {
            context.Terminate = true;
        }

        return $"error: the budget of {_budget.MaxCalls} tool calls is spent; no more calls are carried out.";
    }

    private string Charge(string text)
    {
        var left = _budget.MaxReadBytes - _readBytes;
        if (left <= 0)
        {
            return "error: the reading budget of this attempt is spent; make your changes with what you have read.";
        }

        var shown = text.Length <= left ? text : text[..left] + "\n[cut: the reading budget of this attempt is spent]";
        _readBytes += Math.Min(text.Length, left);
        return shown;
    }

    private string Refuse(string problem, string? path = null)
    {
        _refused.Add(problem);
        if (path is not null)
        {
            _refusedPaths.Add(Normalise(path));
        }

        return $"error: {problem}";
    }

    private string Normalise(string path) => Path.GetRelativePath(_root, _guard.Check(path).FullPath ?? path).Replace('\\', '/');

    private static string WithNewline(string text) => text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";

    private static int LineCount(string text) => text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);
}
