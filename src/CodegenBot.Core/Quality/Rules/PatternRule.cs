using System.Text.RegularExpressions;
using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Rules;

/// <summary>
/// Runs one rule of <c>config/rules/*.yaml</c>: per language, regular expressions over the comment-free code with
/// their conditions (the statement must or must not match other patterns, the match must or must not lie in a
/// string or a loop). Expressions are compiled once, with a match timeout; a file that makes one time out yields
/// no finding from that pattern rather than a slow assessment.
/// </summary>
internal sealed class PatternRule : IQualityRule
{
    /// <summary>How long one expression may run on one file.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const int MaxQuotedMatch = 60;


    private readonly RuleDefinition _definition;
    private readonly Dictionary<string, (LanguagePatterns Source, CompiledPattern[] Patterns)> _languages;

    public PatternRule(RuleDefinition definition)
    {
        _definition = definition;
        _languages = definition.Languages.ToDictionary(
            l => l.Key,
            l => (l.Value, l.Value.Patterns.Select(p => new CompiledPattern(p, definition.Id)).ToArray()),
            StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public string Id => _definition.Id;

    /// <summary>The family the benchmark groups it under.</summary>
    public string Family => _definition.Family;

    /// <inheritdoc/>
    public QualityDimension Dimension => _definition.Dimension;

    /// <summary>The CWE id its findings carry, or null.</summary>
    public int? Cwe => _definition.Cwe;

    /// <inheritdoc/>
    public bool AppliesTo(string language) => _languages.ContainsKey(language);

    /// <inheritdoc/>
    public IEnumerable<Finding> Check(SourceFile file, MaskedSource masked, FileAnalysis analysis)
    {
        if (!_languages.TryGetValue(file.Language, out var language) || (!_definition.IncludeTests && TestCoverage.IsTest(analysis)))
        {
            return [];
        }

        SourceScopes? scopes = null;
        var findings = new List<Finding>();
        var lines = new HashSet<int>();
        foreach (var pattern in language.Patterns)
        {
            if (!pattern.FileAllows(masked.Code))
            {
                continue;
            }

            foreach (var match in pattern.Matches(masked.Code))
            {
                var group = match.Groups["at"];
                var at = group.Success ? group.Index : match.Index;
                if (!StringAllows(pattern.Definition.String, masked.InString(at)))
                {
                    continue;
                }

                scopes ??= SourceScopes.Of(masked, file.Language);
                if (pattern.Definition.InLoop && !scopes.InLoop(at))
                {
                    continue;
                }

                var (start, end) = scopes.Statement(at);
                var statement = masked.Code[start..Math.Max(start, end)];
                if (!pattern.StatementAllows(statement) || !pattern.NearAllows(statement, scopes.FunctionHeader(at) is { } header ? masked.Code[header.Start..header.End] : ""))
                {
                    continue;
                }

                if (pattern.HasSources && !pattern.Tainted(statement, at, masked.Code, scopes))
                {
                    continue;
                }

                var (line, column) = masked.Position(at);
                if (!lines.Add(line))
                {
                    continue;
                }

                findings.Add(new Finding
                {
                    File = file.Path,
                    Line = line,
                    Column = column,
                    RuleId = Id,
                    Dimension = Dimension,
                    Severity = _definition.Severity,
                    Message = (language.Source.Message ?? _definition.Message).Replace("{match}", Quote(match.Value), StringComparison.Ordinal),
                    FixHint = language.Source.Fix,
                    Cwe = _definition.Cwe,
                });
            }
        }

        return findings.OrderBy(f => f.Line).ToList();
    }

    private static bool StringAllows(StringPlacement placement, bool inString) => placement switch
    {
        StringPlacement.Require => inString,
        StringPlacement.Forbid => !inString,
        _ => true,
    };

    private static string Quote(string text)
    {
        var single = string.Join(' ', text.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return single.Length <= MaxQuotedMatch ? single : string.Concat(single.AsSpan(0, MaxQuotedMatch - 3), "...");
    }

    private static readonly Regex AssignedRegex = new(
        @"^\s*(?:await\s+)?(?:using\s+)?(?:final\s+)?(?:(?:var|let|const|auto|val)\s+|[A-Z][\w<>\[\],?]*\s+|string\s+)?(?<name>[A-Za-z_$][\w$]*)\s*(?::\s*[\w\[\]]+\s*)?(?::=|=(?!=))",
        RegexOptions.CultureInvariant,
        MatchTimeout);

    private static readonly Regex WordsRegex = new(@"[A-Za-z_$][\w$]*", RegexOptions.CultureInvariant, MatchTimeout);

    private sealed class CompiledPattern
    {
        private readonly Regex _regex;
        private readonly Regex[] _requires;
        private readonly Regex[] _unless;
        private readonly Regex[] _requiresFile;
        private readonly Regex[] _unlessFile;
        private readonly Regex[] _sources;
        private readonly Regex[] _near;
        private readonly Regex[] _unlessNear;
        private readonly Dictionary<string, HashSet<(string, int)>> _taintCache = new(StringComparer.Ordinal);

        public CompiledPattern(PatternDefinition definition, string ruleId)
        {
            Definition = definition;
            _regex = Compile(definition.Regex, ruleId);
            _requires = [.. definition.Requires.Select(r => Compile(r, ruleId))];
            _unless = [.. definition.Unless.Select(r => Compile(r, ruleId))];
            _requiresFile = [.. definition.RequiresFile.Select(r => Compile(r, ruleId))];
            _unlessFile = [.. definition.UnlessFile.Select(r => Compile(r, ruleId))];
            _sources = [.. definition.Sources.Select(r => Compile(r, ruleId))];
            _near = [.. definition.RequiresNear.Select(r => Compile(r, ruleId))];
            _unlessNear = [.. definition.UnlessNear.Select(r => Compile(r, ruleId))];
        }

        public PatternDefinition Definition { get; }

        public List<Match> Matches(string code) => SafeMatches(_regex, code);

        public bool FileAllows(string code) => _requiresFile.All(r => Safe(r, code)) && !_unlessFile.Any(r => Safe(r, code));

        public bool HasSources => _sources.Length > 0;

        public bool NearAllows(string statement, string header) =>
            _near.All(r => Safe(r, statement) || Safe(r, header)) && !_unlessNear.Any(r => Safe(r, statement) || Safe(r, header));

        /// <summary>Whether the statement holds a source, or a variable assigned from one anywhere in the file.</summary>
        public bool Tainted(string statement, int at, string code, SourceScopes scopes)
        {
            if (_sources.Any(r => Safe(r, statement)))
            {
                return true;
            }

            // A variable carries the taint only inside the function that assigned it.
            var names = TaintedNames(code, scopes);
            var function = scopes.FunctionHeader(at)?.Start ?? -1;
            return names.Count > 0 && Words().Matches(statement).Any(w => names.Contains((w.Value, function)));
        }

        private HashSet<(string Name, int Function)> TaintedNames(string code, SourceScopes scopes)
        {
            lock (_taintCache)
            {
                if (_taintCache.TryGetValue(code, out var cached))
                {
                    return cached;
                }
            }

            // A statement that sanitises (matches unless) or is itself a finding (matches the pattern) passes no taint on.
            var names = new HashSet<(string, int)>();
            foreach (var source in _sources)
            {
                foreach (Match m in SafeMatches(source, code))
                {
                    var (start, end) = scopes.Statement(m.Index);
                    var statement = code[start..Math.Max(start, end)];
                    var assigned = Assigned().Match(statement);
                    if (assigned.Success && !_unless.Any(r => Safe(r, statement)) && !Safe(_regex, statement))
                    {
                        names.Add((assigned.Groups["name"].Value, scopes.FunctionHeader(m.Index)?.Start ?? -1));
                    }
                }
            }

            lock (_taintCache)
            {
                _taintCache.Clear(); // one file at a time is enough: the rule runs file by file
                _taintCache[code] = names;
            }

            return names;
        }

        private static List<Match> SafeMatches(Regex regex, string text)
        {
            var matches = new List<Match>();
            try
            {
                for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                {
                    matches.Add(m);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Keep what was found before the timeout.
            }

            return matches;
        }

        public bool StatementAllows(string statement) => _requires.All(r => Safe(r, statement)) && !_unless.Any(r => Safe(r, statement));

        private static bool Safe(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        // name = ..., var name = ..., String name = ..., name := ... at the start of a statement.
        private static Regex Assigned() => AssignedRegex;

        private static Regex Words() => WordsRegex;

        private static Regex Compile(string pattern, string ruleId)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Multiline, MatchTimeout);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidOperationException($"Rule {ruleId} has an invalid regular expression '{pattern}': {ex.Message}", ex);
            }
        }
    }
}
