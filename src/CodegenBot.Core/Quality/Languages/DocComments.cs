using CodegenBot.Core.Quality.Analysis;

namespace CodegenBot.Core.Quality.Languages;

/// <summary>Finds the doc comment of a declaration: the nearest comment before it with only modifiers, annotations or decorators between.</summary>
internal static class DocComments
{
    /// <summary>
    /// Whether a comment starting with <paramref name="prefix"/> ends before <paramref name="offset"/> with no
    /// statement boundary (<c>;</c>, <c>{</c>, <c>}</c>) between; with <paramref name="adjacent"/> it must also end on
    /// the line before or the same line.
    /// </summary>
    public static bool Precedes(MaskedSource masked, int offset, string prefix, bool adjacent = false)
    {
        var comments = masked.Comments;
        int low = 0, high = comments.Count - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (comments[mid].End.GetOffset(masked.Original.Length) <= offset)
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (found < 0)
        {
            return false;
        }

        var (start, length) = comments[found].GetOffsetAndLength(masked.Original.Length);
        if (string.CompareOrdinal(masked.Original, start, prefix, 0, prefix.Length) != 0)
        {
            return false;
        }

        var between = masked.Structure.AsSpan(start + length, offset - start - length);
        if (between.IndexOfAny(";{}") >= 0)
        {
            return false;
        }

        return !adjacent || masked.Position(offset).Line - masked.Position(start + length).Line <= 1;
    }
}
