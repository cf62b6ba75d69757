using System.Text;

namespace CodegenBot.Core.Workspace;

/// <summary>Branch names derived from a task: <c>codegen/add-retry-to-http-client</c>.</summary>
internal static class BranchNames
{
    private const int MaxSlugLength = 48;

    public static string Slug(string title)
    {
        var builder = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-' && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxSlugLength)
        {
            var cut = slug.LastIndexOf('-', MaxSlugLength);
            slug = slug[..(cut > MaxSlugLength / 2 ? cut : MaxSlugLength)];
        }

        return slug.Length == 0 ? "change" : slug;
    }
}
