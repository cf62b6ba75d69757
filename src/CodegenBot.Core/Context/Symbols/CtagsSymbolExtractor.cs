using System.Diagnostics;
using System.Text.Json;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>Universal Ctags is not on the PATH.</summary>
public sealed class CtagsNotFoundException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Definitions of non-C# languages from Universal Ctags (one process per batch, JSON output), and references
/// from <see cref="IdentifierTokenizer"/>. The ctags process owns a timeout and is killed on cancellation.
/// </summary>
internal sealed class CtagsSymbolExtractor(TimeSpan? timeout = null) : IBatchSymbolExtractor
{
    /// <summary>Files per ctags process: keeps the argument list and memory bounded.</summary>
    private const int BatchSize = 2000;

    /// <summary>ctags' language names for our language ids.</summary>
    private static readonly Dictionary<string, string> CtagsLanguages = new(StringComparer.Ordinal)
    {
        ["python"] = "Python", ["typescript"] = "TypeScript", ["javascript"] = "JavaScript", ["go"] = "Go", ["java"] = "Java",
        ["kotlin"] = "Kotlin", ["rust"] = "Rust", ["ruby"] = "Ruby", ["php"] = "PHP", ["c"] = "C", ["cpp"] = "C++",
        ["swift"] = "Swift", ["scala"] = "Scala", ["shell"] = "Sh", ["powershell"] = "PowerShell", ["lua"] = "Lua",
        ["perl"] = "Perl", ["sql"] = "SQL", ["fsharp"] = "FSharp", ["dart"] = "Dart", ["groovy"] = "Groovy", ["protobuf"] = "Protobuf",
    };

    private static readonly Dictionary<string, SymbolKind> Kinds = new(StringComparer.Ordinal)
    {
        ["class"] = SymbolKind.Class, ["interface"] = SymbolKind.Interface, ["struct"] = SymbolKind.Struct, ["enum"] = SymbolKind.Enum,
        ["method"] = SymbolKind.Method, ["member"] = SymbolKind.Method, ["function"] = SymbolKind.Function, ["func"] = SymbolKind.Function,
        ["constructor"] = SymbolKind.Constructor, ["property"] = SymbolKind.Property, ["field"] = SymbolKind.Field,
        ["variable"] = SymbolKind.Variable, ["constant"] = SymbolKind.Constant, ["enumerator"] = SymbolKind.Constant,
        ["enumConstant"] = SymbolKind.Constant, ["namespace"] = SymbolKind.Namespace, ["package"] = SymbolKind.Namespace,
        ["module"] = SymbolKind.Module, ["typedef"] = SymbolKind.Other, ["type"] = SymbolKind.Other, ["alias"] = SymbolKind.Other,
        ["trait"] = SymbolKind.Interface, ["implementation"] = SymbolKind.Other, ["object"] = SymbolKind.Class, ["singletonMethod"] = SymbolKind.Method,
    };

    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(60);

    public IReadOnlyList<string> Languages { get; } = [.. CtagsLanguages.Keys];

    public async Task<IReadOnlyList<FileSymbols>> ExtractAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
    {
        var definitions = await DefinitionsAsync(root, relativePaths, cancellationToken);
        var results = new List<FileSymbols>(relativePaths.Count);
        foreach (var path in relativePaths.Order(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = await File.ReadAllTextAsync(Path.Combine(root, path), cancellationToken);
            }
            catch (IOException)
            {
                continue;
            }

            results.Add(Complete(path, definitions.GetValueOrDefault(path) ?? [], text));
        }

        return results;
    }

    public async Task<IReadOnlyDictionary<string, List<SymbolDefinition>>> DefinitionsAsync(string root, IReadOnlyList<string> relativePaths, CancellationToken cancellationToken)
    {
        var definitions = new Dictionary<string, List<SymbolDefinition>>(StringComparer.Ordinal);
        foreach (var batch in relativePaths.Chunk(BatchSize))
        {
            await foreach (var tag in RunAsync(root, batch, cancellationToken))
            {
                (definitions.TryGetValue(tag.File, out var list) ? list : definitions[tag.File] = []).Add(tag);
            }
        }

        return definitions;
    }

    /// <summary>The file's definitions in line order, and the identifiers its text uses that it does not define.</summary>
    public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text)
    {
        var language = CodegenBot.Core.Context.Languages.LanguageDetector.Detect(relativePath, "") ?? "";
        var names = definitions.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        return new FileSymbols(relativePath, language, definitions.OrderBy(d => d.Line).ToList(), IdentifierTokenizer.Identifiers(text, language, names));
    }

    private async IAsyncEnumerable<SymbolDefinition> RunAsync(string root, IReadOnlyList<string> paths, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("ctags")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--output-format=json", "--fields=+nKSe", "--sort=no", "-L", "-", "-f", "-"])
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("ctags did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new CtagsNotFoundException("Universal Ctags is not installed; install the Debian package universal-ctags.", ex);
        }

        using var owned = process;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(_timeout);
        await using var registration = limit.Token.Register(() => Kill(process));
        _ = process.StandardError.ReadToEndAsync(limit.Token);
        foreach (var path in paths)
        {
            await process.StandardInput.WriteLineAsync(path);
        }

        process.StandardInput.Close();
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (Parse(line) is { } definition)
            {
                yield return definition;
            }
        }

        await process.WaitForExitAsync(limit.Token);
    }

    internal static SymbolDefinition? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var tag = document.RootElement;
            if (tag.GetProperty("_type").GetString() != "tag")
            {
                return null;
            }

            var name = tag.GetProperty("name").GetString()!;
            var kindText = Text(tag, "kind") ?? "";
            var kind = Kinds.GetValueOrDefault(kindText, SymbolKind.Other);
            var lineNumber = tag.TryGetProperty("line", out var l) ? l.GetInt32() : 1;
            var end = tag.TryGetProperty("end", out var e) ? e.GetInt32() : lineNumber;
            var signature = Text(tag, "signature") is { } parameters ? $"{Prefix(kindText)}{name}{parameters}" : PatternText(Text(tag, "pattern")) ?? name;
            return new SymbolDefinition(name, kind, tag.GetProperty("path").GetString()!.Replace('\\', '/'), lineNumber, end, signature, Text(tag, "scope"), null);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    private static string Prefix(string kind) => kind is "class" ? "class " : "";

    private static string? PatternText(string? pattern) =>
        pattern is { Length: > 4 } && pattern.StartsWith("/^", StringComparison.Ordinal)
            ? pattern[2..].TrimEnd('/').TrimEnd('$').Trim().TrimEnd('{', ':').Trim()
            : null;

    private static string? Text(JsonElement tag, string name) => tag.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has already exited.
        }
    }
}
