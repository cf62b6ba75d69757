using System.Text.RegularExpressions;

namespace CodegenBot.Core.Context;

/// <summary>What a task names: files (by path or by file name) and the words used to rank the rest.</summary>
internal static partial class TaskMentions
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "with", "that", "this", "from", "into", "when", "then", "should", "must", "add", "make",
        "use", "not", "are", "can", "all", "new", "fix", "file", "files", "code", "please", "also", "have", "has",
    };

    /// <summary>Repository files the task names, by full or partial path (<c>src/Foo.cs</c>, <c>Foo.cs</c>).</summary>
    public static IReadOnlyList<string> MentionedFiles(string task, IReadOnlyList<RepositoryFile> files)
    {
        var mentioned = new List<string>();
        foreach (Match match in PathLike().Matches(task))
        {
            var text = match.Value.TrimStart('.', '/').Replace('\\', '/');
            var hits = files.Where(f => f.Path == text || f.Path.EndsWith("/" + text, StringComparison.Ordinal)).Select(f => f.Path);
            mentioned.AddRange(hits.Where(h => !mentioned.Contains(h)));
        }

        return mentioned;
    }

    /// <summary>Lower-case words of the task, camelCase and snake_case split, stop words removed.</summary>
    public static IReadOnlySet<string> Words(string text) =>
        Identifier().Matches(text)
            .SelectMany(m => SplitIdentifier(m.Value))
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The task's words as written, lower case, whole and split at dots: <c>helpers.send_file</c> gives helpers,
    /// send_file and helpers.send_file; <c>fix(query-builder)</c> gives fix and query-builder. Matched against
    /// file and folder names.
    /// </summary>
    public static IReadOnlySet<string> RawWords(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in RawWord().Matches(text))
        {
            var word = match.Value.Trim('.', '-').ToLowerInvariant();
            words.Add(word);
            words.UnionWith(word.Split('.', StringSplitOptions.RemoveEmptyEntries));
        }

        return words;
    }

    /// <summary>Entries kept before the memo is cleared (bounds memory on huge repositories).</summary>
    private const int MaxMemoized = 500_000;

    /// <summary>
    /// Split identifiers, remembered, for task text and ranking (the index's term counter keeps its own numbers of
    /// terms per identifier, see <c>Ranking/TermCounter</c>).
    /// </summary>
    private static readonly BoundedMemo<string, string[]> Splits = new(MaxMemoized, StringComparer.Ordinal);

    /// <summary><c>HttpClientFactory</c> → http, client, factory; <c>max_retry</c> → max, retry.</summary>
    public static IReadOnlyList<string> SplitIdentifier(string identifier) => Splits.Get(identifier, Split);

    /// <summary>
    /// The words of a name, lower case: runs of capitals, a capital and the lower-case letters after it, runs of
    /// lower-case letters, runs of digits; anything else separates them. A run of capitals ends before the capital
    /// that starts a lower-case word (<c>HTTPServer</c> → http, server), except that two capitals before lower case
    /// stay together (<c>IOs</c> → io, s). Letters are ASCII only. By hand rather than by a regular expression: a cold
    /// index splits every distinct identifier of the repository, and the expression it replaces
    /// (<c>[A-Z]{2,}(?=[A-Z][a-z]|\b|[0-9_])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+</c>, kept by the tests as their oracle) was
    /// most of that cost.
    /// </summary>
    internal static string[] Split(string name)
    {
        var parts = new List<string>(4);
        foreach (var word in new WordRanges(name))
        {
            parts.Add(name[word].ToLowerInvariant());
        }

        return [.. parts];
    }

    /// <summary>The words of a name as ranges of it, as <see cref="Split"/> finds them (still in their case), without allocating.</summary>
    internal ref struct WordRanges(ReadOnlySpan<char> name)
    {
        private readonly ReadOnlySpan<char> _name = name;
        private int _next;

        /// <summary>The current word.</summary>
        public Range Current { get; private set; }

        /// <summary>Enumerates the words.</summary>
        public readonly WordRanges GetEnumerator() => this;

        /// <summary>Moves to the next word; false after the last.</summary>
        public bool MoveNext()
        {
            var name = _name;
            var i = _next;
            while (i < name.Length)
            {
                var c = name[i];
                int end;
                if (char.IsAsciiLetterUpper(c))
                {
                    var run = i;
                    while (run < name.Length && char.IsAsciiLetterUpper(name[run]))
                    {
                        run++;
                    }

                    var lowerNext = run < name.Length && char.IsAsciiLetterLower(name[run]);
                    end = !lowerNext ? run : (run - i) switch
                    {
                        1 => EndOfLower(name, run),
                        2 => run,
                        _ => run - 1,
                    };
                }
                else if (char.IsAsciiLetterLower(c))
                {
                    end = EndOfLower(name, i);
                }
                else if (char.IsAsciiDigit(c))
                {
                    end = i;
                    while (end < name.Length && char.IsAsciiDigit(name[end]))
                    {
                        end++;
                    }
                }
                else
                {
                    i++;
                    continue;
                }

                Current = i..end;
                _next = end;
                return true;
            }

            _next = name.Length;
            return false;
        }

        private static int EndOfLower(ReadOnlySpan<char> text, int from)
        {
            while (from < text.Length && char.IsAsciiLetterLower(text[from]))
            {
                from++;
            }

            return from;
        }
    }

    [GeneratedRegex(@"(?<![\w/.-])[\w./\\-]*[\w-]+\.[A-Za-z][A-Za-z0-9]{0,9}(?![\w/])")]
    private static partial Regex PathLike();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.-]*")]
    private static partial Regex RawWord();
}
