namespace CodegenBot.Core.Context.Languages;

/// <summary>Language ids from a file's extension, its name, or its shebang line.</summary>
internal static class LanguageDetector
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = "csharp", [".csx"] = "csharp", [".py"] = "python", [".pyi"] = "python", [".ts"] = "typescript",
        [".tsx"] = "typescript", [".mts"] = "typescript", [".cts"] = "typescript", [".js"] = "javascript", [".jsx"] = "javascript",
        [".mjs"] = "javascript", [".cjs"] = "javascript", [".go"] = "go", [".java"] = "java", [".kt"] = "kotlin", [".kts"] = "kotlin",
        [".rs"] = "rust", [".rb"] = "ruby", [".php"] = "php", [".c"] = "c", [".h"] = "c", [".cc"] = "cpp", [".cpp"] = "cpp",
        [".cxx"] = "cpp", [".hpp"] = "cpp", [".hh"] = "cpp", [".swift"] = "swift", [".scala"] = "scala", [".sh"] = "shell",
        [".bash"] = "shell", [".zsh"] = "shell", [".ps1"] = "powershell", [".psm1"] = "powershell", [".sql"] = "sql",
        [".html"] = "html", [".htm"] = "html", [".css"] = "css", [".scss"] = "css", [".md"] = "markdown", [".yml"] = "yaml",
        [".yaml"] = "yaml", [".json"] = "json", [".xml"] = "xml", [".csproj"] = "xml", [".props"] = "xml", [".targets"] = "xml",
        [".tf"] = "terraform", [".proto"] = "protobuf", [".fs"] = "fsharp", [".vb"] = "vbnet", [".lua"] = "lua", [".dart"] = "dart",
        [".toml"] = "toml", [".razor"] = "razor", [".cshtml"] = "razor", [".vue"] = "vue", [".svelte"] = "svelte",
    };

    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dockerfile"] = "dockerfile", ["Makefile"] = "makefile", ["GNUmakefile"] = "makefile", ["Gemfile"] = "ruby",
        ["Rakefile"] = "ruby", ["Jenkinsfile"] = "groovy", ["CMakeLists.txt"] = "cmake", ["Vagrantfile"] = "ruby",
    };

    private static readonly Dictionary<string, string> ByInterpreter = new(StringComparer.Ordinal)
    {
        ["python"] = "python", ["python3"] = "python", ["bash"] = "shell", ["sh"] = "shell", ["zsh"] = "shell",
        ["node"] = "javascript", ["ruby"] = "ruby", ["pwsh"] = "powershell", ["perl"] = "perl", ["deno"] = "typescript",
    };

    /// <summary>Languages whose files are programs (symbols and quality apply), as opposed to data and documents.</summary>
    private static readonly HashSet<string> Programming =
    [
        "csharp", "python", "typescript", "javascript", "go", "java", "kotlin", "rust", "ruby", "php", "c", "cpp", "swift",
        "scala", "shell", "powershell", "fsharp", "vbnet", "lua", "dart", "perl", "groovy",
    ];

    public static string? Detect(string relativePath, ReadOnlySpan<char> firstLine)
    {
        var name = Path.GetFileName(relativePath);
        if (ByName.TryGetValue(name, out var byName))
        {
            return byName;
        }

        if (ByExtension.TryGetValue(Path.GetExtension(name), out var byExtension))
        {
            return byExtension;
        }

        if (firstLine.StartsWith("#!"))
        {
            var parts = firstLine[2..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var interpreter = parts.Length == 0 ? "" : Path.GetFileName(parts[0]) == "env" && parts.Length > 1 ? parts[1] : Path.GetFileName(parts[0]);
            return ByInterpreter.GetValueOrDefault(interpreter);
        }

        return null;
    }

    public static bool IsSourceCode(string? language) => language is not null && Programming.Contains(language);
}
