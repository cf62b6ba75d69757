namespace CodegenBot.Core.Context.Codebase;

/// <summary>A programming language: an id used in pattern names and a display name.</summary>
internal sealed record LanguageKind(string Id, string DisplayName);

/// <summary>Programming languages by file extension (data and documents such as JSON or Markdown are not counted).</summary>
internal static class LanguageTable
{
    public static readonly LanguageKind CSharp = new("csharp", "C#");
    public static readonly LanguageKind Python = new("python", "Python");
    public static readonly LanguageKind TypeScript = new("typescript", "TypeScript");
    public static readonly LanguageKind JavaScript = new("javascript", "JavaScript");
    public static readonly LanguageKind Go = new("go", "Go");
    public static readonly LanguageKind Java = new("java", "Java");

    private static readonly Dictionary<string, LanguageKind> ByExtension = Build(
        (CSharp, ["cs", "csx"]),
        (Python, ["py", "pyi"]),
        (TypeScript, ["ts", "tsx", "mts", "cts"]),
        (JavaScript, ["js", "jsx", "mjs", "cjs"]),
        (Go, ["go"]),
        (Java, ["java"]),
        (new("kotlin", "Kotlin"), ["kt", "kts"]),
        (new("rust", "Rust"), ["rs"]),
        (new("ruby", "Ruby"), ["rb"]),
        (new("php", "PHP"), ["php"]),
        (new("fsharp", "F#"), ["fs", "fsx", "fsi"]),
        (new("vbnet", "Visual Basic"), ["vb"]),
        (new("c", "C"), ["c", "h"]),
        (new("cpp", "C++"), ["cc", "cpp", "cxx", "hpp", "hh", "hxx"]),
        (new("swift", "Swift"), ["swift"]),
        (new("scala", "Scala"), ["scala", "sc"]),
        (new("dart", "Dart"), ["dart"]),
        (new("lua", "Lua"), ["lua"]),
        (new("elixir", "Elixir"), ["ex", "exs"]),
        (new("shell", "Shell"), ["sh", "bash", "zsh"]),
        (new("powershell", "PowerShell"), ["ps1", "psm1"]),
        (new("razor", "Razor"), ["razor", "cshtml"]),
        (new("vue", "Vue"), ["vue"]),
        (new("svelte", "Svelte"), ["svelte"]));

    /// <summary>The language of a file from its extension, or null for data, documents and unknown files.</summary>
    public static LanguageKind? Detect(string path)
    {
        var name = RepositorySnapshot.FileName(path);
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? null : ByExtension.GetValueOrDefault(name[(dot + 1)..]);
    }

    private static Dictionary<string, LanguageKind> Build(params (LanguageKind Language, string[] Extensions)[] entries)
    {
        var table = new Dictionary<string, LanguageKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var (language, extensions) in entries)
        {
            foreach (var extension in extensions)
            {
                table[extension] = language;
            }
        }

        return table;
    }
}
