using System.Text.RegularExpressions;
using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Ranking;

namespace CodegenBot.Bench.Retrieval;

/// <summary>
/// The reference the engine is compared with: plain BM25 over each file's path and full text (identifier
/// sub-tokens, the same tokenizer as the task's words), no symbols, no graph, no pairing. Term bags are kept
/// per path and content, so consecutive commits of one repository re-tokenize only what changed.
/// </summary>
internal sealed partial class PlainBm25
{
    private readonly Dictionary<(string Path, int Length, int Hash), string[]> _bags = [];

    public IReadOnlyList<string> Rank(IReadOnlyList<(string Path, string Text)> files, IEnumerable<string> query)
    {
        var documents = files.Select(f => Bag(f.Path, f.Text)).ToList();
        var scores = new Bm25Index(documents).Score(query);
        return Enumerable.Range(0, files.Count)
            .OrderByDescending(i => scores[i]).ThenBy(i => files[i].Path, StringComparer.Ordinal)
            .Select(i => files[i].Path)
            .ToList();
    }

    private string[] Bag(string path, string text)
    {
        var key = (path, text.Length, string.GetHashCode(text, StringComparison.Ordinal));
        if (!_bags.TryGetValue(key, out var bag))
        {
            bag = Identifier().Matches(path + "\n" + text)
                .SelectMany(m => TaskMentions.SplitIdentifier(m.Value))
                .Where(w => w.Length >= 3)
                .ToArray();
            _bags[key] = bag;
        }

        return bag;
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Identifier();
}
