namespace CodegenBot.Core.Quality.Languages;

/// <summary>Helpers over the functions and types found in a brace language.</summary>
internal static class Spans
{
    /// <summary>The type a function is a member of: the innermost type around it with no function between.</summary>
    public static TypeSpan? OwnerOf(FunctionSpan function, IReadOnlyList<FunctionSpan> functions, IReadOnlyList<TypeSpan> types)
    {
        var at = function.NameToken;
        var type = types.Where(t => t.Open < at && (t.Close < 0 || t.Close > at)).MaxBy(t => t.Open);
        if (type is null)
        {
            return null;
        }

        var between = functions.Any(f => f != function && f.BodyStart > type.Open && f.BodyStart < at && f.End >= at);
        return between ? null : type;
    }

    /// <summary>The function's name qualified by its type (<c>Parser.parse</c>).</summary>
    public static string Qualified(FunctionSpan function, IReadOnlyList<FunctionSpan> functions, IReadOnlyList<TypeSpan> types) =>
        OwnerOf(function, functions, types) is { } owner ? owner.Name + "." + function.Name : function.Name ?? "(anonymous)";
}
