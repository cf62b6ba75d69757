using System.Buffers;
using System.Diagnostics;
using System.Text;
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
    public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, string text) =>
        Complete(relativePath, definitions, text.AsSpan());

    /// <summary>As <see cref="Complete(string, IReadOnlyList{SymbolDefinition}, string)"/>, from a span of the file's text.</summary>
    public FileSymbols Complete(string relativePath, IReadOnlyList<SymbolDefinition> definitions, ReadOnlySpan<char> text)
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
        await foreach (var definition in ReadTagsAsync(process.StandardOutput.BaseStream, limit.Token))
        {
            yield return definition;
        }

        await process.WaitForExitAsync(limit.Token);
    }

    /// <summary>
    /// The definitions in ctags' JSON output, one tag per line. The output is read as bytes and split into lines here:
    /// each line is parsed where it lies in the buffer, instead of being decoded into a string and encoded back into
    /// bytes for the parser.
    /// </summary>
    internal static async IAsyncEnumerable<SymbolDefinition> ReadTagsAsync(Stream output, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(OutputBufferBytes);
        var found = new List<SymbolDefinition>();
        try
        {
            string? previousPath = null;
            var filled = 0;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // A line longer than the buffer: a larger one.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await output.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                var consumed = ParseLines(buffer.AsSpan(0, filled + read), final: read == 0, found, ref previousPath);
                foreach (var definition in found)
                {
                    yield return definition;
                }

                found.Clear();
                if (read == 0)
                {
                    break;
                }

                filled += read - consumed;
                buffer.AsSpan(consumed, filled).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Bytes of ctags' output read at a time (a line longer than this grows the buffer).</summary>
    private const int OutputBufferBytes = 64 * 1024;

    /// <summary>
    /// Parses the complete lines of <paramref name="data"/> (and, when <paramref name="final"/>, the text after the last
    /// line break) into <paramref name="into"/>; returns the bytes consumed. Lines break at <c>\n</c>, a <c>\r</c>
    /// before it dropped: ctags writes a line feed after each tag and escapes line breaks inside values, so this splits
    /// its output as the text reader it replaced did.
    /// </summary>
    private static int ParseLines(ReadOnlySpan<byte> data, bool final, List<SymbolDefinition> into, ref string? previousPath)
    {
        var consumed = 0;
        while (consumed < data.Length)
        {
            var rest = data[consumed..];
            var lineEnd = rest.IndexOf((byte)'\n');
            if (lineEnd < 0 && !final)
            {
                break;
            }

            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            consumed += lineEnd < 0 ? rest.Length : lineEnd + 1;
            if (Parse(line.EndsWith((byte)'\r') ? line[..^1] : line, previousPath) is { } definition)
            {
                previousPath = definition.File;
                into.Add(definition);
            }
        }

        return consumed;
    }

    /// <summary>
    /// One line of ctags' JSON output as a definition; null for anything but a tag (pseudo-tags, malformed lines).
    /// Read in one pass over the line's UTF-8 bytes, without building a document: a large repository has hundreds of
    /// thousands of tags. <paramref name="previousPath"/> is the path of the line before (ctags writes a file's tags
    /// together): when it is the same, that string is kept instead of a new one per tag.
    /// </summary>
    internal static SymbolDefinition? Parse(string line, string? previousPath = null)
    {
        var length = Encoding.UTF8.GetByteCount(line);
        var rented = length > StackLineBytes ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[StackLineBytes];
            return Parse(bytes[..Encoding.UTF8.GetBytes(line, bytes)], previousPath);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// As <see cref="Parse(string, string?)"/>, from the line's bytes. Bytes that are not UTF-8 (a source file in
    /// another encoding) are read as U+FFFD, as a text reader would decode them.
    /// </summary>
    internal static SymbolDefinition? Parse(ReadOnlySpan<byte> line, string? previousPath)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            return Parse(Encoding.UTF8.GetString(line), previousPath);
        }

        try
        {
            return Read(line, previousPath);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // A string that cannot be read as text (an escaped lone surrogate).
            return null;
        }
    }

    /// <summary>Lines up to this many UTF-8 bytes are converted on the stack.</summary>
    private const int StackLineBytes = 2048;

    private static SymbolDefinition? Read(ReadOnlySpan<byte> json, string? previousPath)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var isTag = false;
        string? name = null, path = null, pattern = null, kind = null, signature = null, scope = null;

        // The pattern is needed only for a tag without a signature: kept as the bytes it is in, decoded when needed.
        var patternBytes = ReadOnlySpan<byte>.Empty;
        int? line = null, end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            if (escaped)
            {
                reader.Skip();
            }
            else if (property.SequenceEqual("_type"u8))
            {
                isTag = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("tag"u8);
                reader.Skip();
            }
            else if (property.SequenceEqual("name"u8))
            {
                name = StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("path"u8))
            {
                path = previousPath is not null && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(previousPath) ? previousPath : StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("pattern"u8))
            {
                var plain = reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped;
                patternBytes = plain ? reader.ValueSpan : [];
                pattern = plain ? null : StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("kind"u8))
            {
                kind = StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("signature"u8))
            {
                signature = StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("scope"u8))
            {
                scope = StringOrNull(ref reader);
            }
            else if (property.SequenceEqual("line"u8))
            {
                line = IntOrNull(ref reader);
            }
            else if (property.SequenceEqual("end"u8))
            {
                end = IntOrNull(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        // The object must have ended, with nothing after it (a JSON document would refuse trailing text too).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || !isTag || name is null || path is null)
        {
            return null;
        }

        var kindText = kind ?? "";
        var lineNumber = line ?? 1;
        return new SymbolDefinition(
            name,
            Kinds.GetValueOrDefault(kindText, SymbolKind.Other),
            path.Contains('\\', StringComparison.Ordinal) ? path.Replace('\\', '/') : path,
            lineNumber,
            end ?? lineNumber,
            signature is not null ? $"{Prefix(kindText)}{name}{signature}" : PatternText(pattern ?? Encoding.UTF8.GetString(patternBytes)) ?? name,
            scope,
            null);
    }

    /// <summary>
    /// A string value; null for any other (a field ctags left out as <c>false</c> or a number), an object or array
    /// being skipped whole so its members are not read as the tag's.
    /// </summary>
    private static string? StringOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>An integer value; null for any other, skipped whole as in <see cref="StringOrNull"/>.</summary>
    private static int? IntOrNull(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        reader.Skip();
        return null;
    }

    private static string Prefix(string kind) => kind is "class" ? "class " : "";

    /// <summary>
    /// The declaration line in a ctags pattern (<c>/^  def run(self):$/</c> → <c>def run(self)</c>); null when it is no
    /// line pattern.
    /// </summary>
    private static string? PatternText(string? pattern) =>
        pattern is { Length: > 4 } && pattern.StartsWith("/^", StringComparison.Ordinal)
            ? pattern.AsSpan(2).TrimEnd('/').TrimEnd('$').Trim().TrimEnd("{:").Trim().ToString()
            : null;

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
