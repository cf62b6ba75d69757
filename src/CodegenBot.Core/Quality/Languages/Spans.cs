namespace CodegenBot.Core.Quality.Languages;

/// <summary>Helpers over the functions and types found in a brace language.</summary>
internal static class Spans
{
    /// <summary>
    /// The type each function is a member of (the innermost type around it with no function between), in one sweep
    /// over the spans sorted by where they start: linear after the sort, so a file with many functions stays fast.
    /// </summary>
    public static TypeSpan?[] Owners(IReadOnlyList<FunctionSpan> functions, IReadOnlyList<TypeSpan> types)
    {
        var owners = new TypeSpan?[functions.Count];
        var items = functions.Select((f, i) => (Start: Math.Min(f.NameToken, f.Start), End: f.End, Function: i, Type: (TypeSpan?)null))
            .Concat(types.Select(t => (Start: t.Open, End: t.Close < 0 ? int.MaxValue : t.Close, Function: -1, Type: (TypeSpan?)t)))
            .OrderBy(x => x.Start).ThenBy(x => x.Function < 0 ? 0 : 1)
            .ToList();
        var open = new Stack<(int End, TypeSpan? Type)>();
        foreach (var item in items)
        {
            while (open.Count > 0 && open.Peek().End < item.Start)
            {
                open.Pop();
            }

            if (item.Function >= 0)
            {
                owners[item.Function] = open.Count > 0 ? open.Peek().Type : null;
            }

            open.Push((item.End, item.Type));
        }

        return owners;
    }

    /// <summary>The function's name qualified by its type (<c>Parser.parse</c>).</summary>
    public static string Qualified(FunctionSpan function, TypeSpan? owner) =>
        owner is not null ? owner.Name + "." + function.Name : function.Name ?? "(anonymous)";
}
