using System.Text.RegularExpressions;
using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class CSharpSyntaxTests
{
    /// <summary>The type pattern as it was before its runs became atomic: the oracle the faster form must equal.</summary>
    private const string BacktrackingType = @"(?<type>[\w.?\[\]]+(?:<[^()\n;{}=]*?>)?[\w.?\[\]]*)";

    private static readonly Regex BacktrackingMethod = new(
        @"^[ \t]*(?<mods>(?:(?:public|private|protected|internal|static|virtual|override|abstract|async|sealed|new|extern|unsafe|partial)\s+)+)" + BacktrackingType + @"\s+(?<name>@?[A-Za-z_]\w*)\s*(?:<[^()\n]*?>)?\s*\(",
        RegexOptions.Multiline);

    private static readonly Regex BacktrackingField = new(
        @"^[ \t]*(?<private>private\s+)?(?<mods>(?:(?:readonly|volatile|static|const|new|unsafe)\s+)*)" + BacktrackingType + @"\s+(?<name>@?[A-Za-z_]\w*)\s*(?:=(?![=>])|;)",
        RegexOptions.Multiline);

    private static readonly string[] Words =
    [
        "public", "private", "static", "readonly", "async", "const", "int", "Task", "Task<int>", "List<string>", "Dictionary<string, int>",
        "var", "x", "_field", "Name", "Foo.Bar", "int?", "string[]", "a.b.c", "(", ")", "{", "}", ";", "=", "=>", "==", "<", ">", ",", "\n", "\n    ",
        " ", "  ", "\t", "@class", "new", "return", "M", "T>", "<T", "[]", "?",
    ];

    [Fact]
    public void MethodAndFieldRegexes_MatchExactlyAsTheBacktrackingFormsDo()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 60)).Select(_ => Words[random.Next(Words.Length)]));

            Assert.Equal(Describe(BacktrackingMethod.Matches(text)), Describe(CSharpSyntax.MethodRegex().Matches(text)));
            Assert.Equal(Describe(BacktrackingField.Matches(text)), Describe(CSharpSyntax.FieldRegex().Matches(text)));
        }
    }

    [Fact]
    public void MethodAndFieldRegexes_FindDeclarations()
    {
        const string code = """
            public sealed class C
            {
                private readonly Dictionary<string, int> _counts = new();
                public async Task<int> CountAsync(string key) => 0;
                int plain;
            }
            """;

        Assert.Equal(["CountAsync"], CSharpSyntax.Methods(code).Select(m => m.Name));
        Assert.Equal("Task<int>", CSharpSyntax.Methods(code).Single().ReturnType);
        Assert.Equal(["_counts"], CSharpSyntax.PrivateInstanceFields(code));
    }

    private static List<string> Describe(MatchCollection matches) =>
        matches.Select(m => $"{m.Index}+{m.Length} [{m.Groups["private"].Success}] [{m.Groups["mods"].Value}] [{m.Groups["type"].Value}] [{m.Groups["name"].Value}]").ToList();
}
