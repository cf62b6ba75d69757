using System.Globalization;
using System.Text.RegularExpressions;
using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Tasks;

/// <summary>Stack-trace frames and error messages of .NET, Python, JavaScript/Node, Java and Go.</summary>
internal static partial class StackTraces
{
    public static IEnumerable<StackFrame> Frames(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (Java().Match(line) is { Success: true } java)
            {
                yield return new StackFrame(Group(java, "file"), Number(java), java.Groups["method"].Value, line.Trim());
            }
            else if (DotNet().Match(line) is { Success: true } net)
            {
                yield return new StackFrame(Group(net, "file"), Number(net), net.Groups["method"].Value, line.Trim());
            }
            else if (Python().Match(line) is { Success: true } py)
            {
                yield return new StackFrame(py.Groups["file"].Value, Number(py), py.Groups["method"].Value, line.Trim());
            }
            else if (Node().Match(line) is { Success: true } node)
            {
                yield return new StackFrame(node.Groups["file"].Value, Number(node), Group(node, "method"), line.Trim());
            }
            else if (Go().Match(line) is { Success: true } go)
            {
                yield return new StackFrame(go.Groups["file"].Value, Number(go), null, line.Trim());
            }
        }
    }

    public static IEnumerable<string> Errors(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => Error().IsMatch(l)).Distinct(StringComparer.Ordinal);

    private static string? Group(Match match, string name) => match.Groups[name].Success && match.Groups[name].Length > 0 ? match.Groups[name].Value : null;

    private static int? Number(Match match) =>
        match.Groups["line"].Success && int.TryParse(match.Groups["line"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    [GeneratedRegex(@"^\s*at (?<method>[\w.`<>\[\],+|]+)\(.*?\)(?: in (?<file>.+?):line (?<line>\d+))?\s*$")]
    private static partial Regex DotNet();

    [GeneratedRegex(@"^\s*File ""(?<file>[^""]+)"", line (?<line>\d+)(?:, in (?<method>\S+))?")]
    private static partial Regex Python();

    [GeneratedRegex(@"^\s*at (?<method>[\w$.<>]+)\((?<file>[\w$]+\.(?:java|kt|scala|groovy)):(?<line>\d+)\)")]
    private static partial Regex Java();

    [GeneratedRegex(@"^\s*at (?:(?<method>[^\s(]+) \()?(?<file>(?:[A-Za-z]:)?[^\s():]+\.(?:[cm]?[jt]sx?)):(?<line>\d+)(?::\d+)?\)?\s*$")]
    private static partial Regex Node();

    [GeneratedRegex(@"^\s*(?<file>/?[\w./-]+\.go):(?<line>\d+)(?: \+0x[0-9a-f]+)?\s*$")]
    private static partial Regex Go();

    [GeneratedRegex(@"^(?:[\w.]+(?:Exception|Error)\b:|error [A-Z]+\d+:|.*: error [A-Z]+\d+:|panic: |Traceback \(most recent call last\)|Unhandled exception|FATAL|Fatal error:)")]
    private static partial Regex Error();
}
