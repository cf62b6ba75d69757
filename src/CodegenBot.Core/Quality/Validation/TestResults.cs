using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace CodegenBot.Core.Quality.Validation;

/// <summary>One failed test: its name and the first lines of what it said.</summary>
public sealed record TestFailure(string Name, string Message);

/// <summary>Counts of a test run and its failures.</summary>
public sealed record TestResults(int Passed, int Failed, int Skipped, IReadOnlyList<TestFailure> Failures)
{
    /// <summary>No results.</summary>
    public static TestResults Empty { get; } = new(0, 0, 0, []);

    /// <summary>Two runs' results added (several TRX or JUnit files).</summary>
    public TestResults Add(TestResults other) =>
        new(Passed + other.Passed, Failed + other.Failed, Skipped + other.Skipped, [.. Failures, .. other.Failures]);
}

/// <summary>
/// Reads test results in the formats the toolchains write: TRX, JUnit XML (pytest, Surefire, Gradle) and
/// <c>go test -json</c>. Unreadable input gives null, never an exception; XML is read without DTDs or external entities.
/// </summary>
internal static partial class TestResultParsers
{
    /// <summary>Failure messages are cut to this many characters.</summary>
    public const int MaxMessageChars = 600;

    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TestResults? ReadTrx(string xml)
    {
        if (Load(xml) is not { } document)
        {
            return null;
        }

        var counters = document.Descendants(Trx + "Counters").FirstOrDefault();
        if (counters is null)
        {
            return null;
        }

        int Count(string name) => int.TryParse((string?)counters.Attribute(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var failures = document.Descendants(Trx + "UnitTestResult")
            .Where(r => (string?)r.Attribute("outcome") == "Failed")
            .Select(r => new TestFailure(
                (string?)r.Attribute("testName") ?? "?",
                Cut(string.Join('\n', new[] { (string?)r.Descendants(Trx + "Message").FirstOrDefault(), (string?)r.Descendants(Trx + "StackTrace").FirstOrDefault() }.OfType<string>()))))
            .ToList();
        return new TestResults(Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"), Count("total") - Count("executed"), failures);
    }

    public static TestResults? ReadJUnit(string xml)
    {
        if (Load(xml) is not { } document)
        {
            return null;
        }

        var cases = document.Descendants("testcase").ToList();
        if (cases.Count == 0 && !document.Descendants("testsuite").Any())
        {
            return null;
        }

        var failures = new List<TestFailure>();
        int passed = 0, failed = 0, skipped = 0;
        foreach (var test in cases)
        {
            var name = string.Join('.', new[] { (string?)test.Attribute("classname"), (string?)test.Attribute("name") }.Where(s => !string.IsNullOrEmpty(s)));
            if ((test.Element("failure") ?? test.Element("error")) is { } failure)
            {
                failed++;
                failures.Add(new TestFailure(name, Cut(string.Join('\n', new[] { (string?)failure.Attribute("message"), failure.Value }.Where(s => !string.IsNullOrWhiteSpace(s))))));
            }
            else if (test.Element("skipped") is not null)
            {
                skipped++;
            }
            else
            {
                passed++;
            }
        }

        return new TestResults(passed, failed, skipped, failures);
    }

    public static TestResults? ReadGoJson(string output)
    {
        int passed = 0, failed = 0, skipped = 0;
        var outputs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var failures = new List<TestFailure>();
        var sawEvent = false;
        foreach (var line in output.Split('\n'))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (!root.TryGetProperty("Action", out var action) || !root.TryGetProperty("Test", out var testName) || testName.GetString() is not { } test)
                {
                    continue;
                }

                sawEvent = true;
                var key = $"{(root.TryGetProperty("Package", out var package) ? package.GetString() : "")}.{test}";
                switch (action.GetString())
                {
                    case "output":
                        (outputs.TryGetValue(key, out var lines) ? lines : outputs[key] = []).Add(root.GetProperty("Output").GetString() ?? "");
                        break;
                    case "pass":
                        passed++;
                        break;
                    case "skip":
                        skipped++;
                        break;
                    case "fail":
                        failed++;
                        failures.Add(new TestFailure(key.TrimStart('.'), Cut(string.Concat(outputs.GetValueOrDefault(key) ?? []))));
                        break;
                }
            }
            catch (JsonException)
            {
                // A line of build output among the events.
            }
        }

        return sawEvent ? new TestResults(passed, failed, skipped, failures) : null;
    }

    /// <summary>MSBuild diagnostics from build output: <c>path(line,col): error CS1002: ; expected [project]</c>.</summary>
    public static IReadOnlyList<Finding> ReadMsBuildDiagnostics(string output, string workDirectory)
    {
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (Match match in MsBuildDiagnostic().Matches(output))
        {
            var path = match.Groups["path"].Value.Trim();
            var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(workDirectory, path) : path;
            var finding = new Finding
            {
                File = relative.Replace('\\', '/'),
                Line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                Column = match.Groups["col"].Success ? int.Parse(match.Groups["col"].Value, CultureInfo.InvariantCulture) : 1,
                RuleId = match.Groups["code"].Value,
                Dimension = QualityDimension.Correctness,
                Severity = match.Groups["level"].Value == "error" ? FindingSeverity.Error : FindingSeverity.Warning,
                Message = match.Groups["message"].Value.Trim(),
                FixHint = "Make the project build: fix what the compiler reports here.",
            };
            findings.TryAdd(finding.ToString(), finding);
        }

        return [.. findings.Values];
    }

    private static XDocument? Load(string xml)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Cut(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxMessageChars ? trimmed : trimmed[..MaxMessageChars] + "…";
    }

    [GeneratedRegex(@"^\s*(?<path>[^\s(][^(\n]*?)\((?<line>\d+)(?:,(?<col>\d+))?(?:,\d+,\d+)?\)\s*:\s*(?<level>error|warning)\s+(?<code>[A-Z]+\d+)\s*:\s*(?<message>[^\n\[]*)", RegexOptions.Multiline)]
    private static partial Regex MsBuildDiagnostic();
}
