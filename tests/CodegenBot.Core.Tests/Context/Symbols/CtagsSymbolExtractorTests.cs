using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class CtagsSymbolExtractorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-ctags-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task ExtractAsync_Python_DefinitionsAndReferences()
    {
        Write("pkg/retry.py", "import time\n\n# Backoff helper: sleep_for is private\nclass RetryPolicy:\n    def next_delay(self, attempt):\n        return compute_backoff(attempt, \"jitter\")\n\ndef compute_backoff(n, mode):\n    return time.sleep(n)\n");

        var file = Assert.Single(await Extract("pkg/retry.py"));

        Assert.Equal("python", file.Language);
        Assert.Equal(
            ["Class RetryPolicy @4: class RetryPolicy", "Method next_delay @5: next_delay(self, attempt)", "Function compute_backoff @8: compute_backoff(n, mode)"],
            file.Definitions.Select(d => $"{d.Kind} {d.Name} @{d.Line}: {d.Signature}"));
        Assert.Equal("RetryPolicy", file.Definitions[1].Container);
        Assert.Contains("time", file.References);
        Assert.Contains("sleep", file.References);
        Assert.DoesNotContain("jitter", file.References);
        Assert.DoesNotContain("sleep_for", file.References);
        Assert.DoesNotContain("compute_backoff", file.References);
        Assert.DoesNotContain("return", file.References);
    }

    [Fact]
    public async Task ExtractAsync_GoAndTypeScriptAndJava_FindTheirDefinitions()
    {
        Write("main.go", "package main\n\nfunc Retry(n int) error {\n\treturn nil\n}\n\ntype Policy struct {\n\tMax int\n}\n");
        Write("src/client.ts", "export class ApiClient {\n  send(body: string): Promise<void> { return fetch(body); }\n}\nexport function createClient(): ApiClient { return new ApiClient(); }\n");
        Write("src/Main.java", "package demo;\n\npublic class Main {\n    public static void main(String[] args) { }\n}\n");

        var files = await Extract("main.go", "src/client.ts", "src/Main.java");

        Assert.Equal(["main.go", "src/Main.java", "src/client.ts"], files.Select(f => f.Path));
        Assert.Contains(files[0].Definitions, d => d.Name == "Retry" && d.Kind == SymbolKind.Function);
        Assert.Contains(files[0].Definitions, d => d.Name == "Policy" && d.Kind == SymbolKind.Struct);
        Assert.Contains(files[1].Definitions, d => d.Name == "main" && d.Kind == SymbolKind.Method && d.Container == "Main");
        Assert.Contains(files[2].Definitions, d => d.Name == "ApiClient" && d.Kind == SymbolKind.Class);
        Assert.Contains(files[2].Definitions, d => d.Name == "createClient" && d.Kind == SymbolKind.Function);
        Assert.Contains("fetch", files[2].References);
    }

    [Fact]
    public void Parse_NonTagLineOrGarbage_IsIgnored()
    {
        Assert.Null(CtagsSymbolExtractor.Parse("{\"_type\": \"ptag\", \"name\": \"JSON_OUTPUT_VERSION\"}"));
        Assert.Null(CtagsSymbolExtractor.Parse("not json"));
    }

    [Fact]
    public void Parse_TagLine_ReadsEveryField()
    {
        var tag = CtagsSymbolExtractor.Parse(
            "{\"_type\": \"tag\", \"name\": \"retry\", \"path\": \"src\\\\net\\\\client.ts\", \"pattern\": \"/^  retry(n) {$/\", \"line\": 12, " +
            "\"kind\": \"method\", \"signature\": \"(n: number)\", \"scope\": \"Client\", \"scopeKind\": \"class\", \"end\": 20, \"extra\": {\"a\": [1, {\"b\": 2}]}}");

        Assert.Equal(new SymbolDefinition("retry", SymbolKind.Method, "src/net/client.ts", 12, 20, "retry(n: number)", "Client", null), tag);
    }

    [Fact]
    public void Parse_OptionalFieldsMissingOrOfAnotherType_FallBackAsWhenAbsent()
    {
        Assert.Equal(
            new SymbolDefinition("été", SymbolKind.Other, "a.ts", 1, 1, "été", null, null),
            CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"\\u00e9t\\u00e9\", \"path\": \"a.ts\", \"pattern\": false, \"line\": \"x\"}"));
        Assert.Equal(
            "const limit = 3",
            CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"limit\", \"path\": \"a.ts\", \"pattern\": \"/^const limit = 3;$/\", \"line\": 4, \"kind\": \"constant\"}")?.Signature.TrimEnd(';'));
    }

    [Fact]
    public void Parse_WithoutNameOrPath_OrNotAnObject_IsIgnored()
    {
        Assert.Null(CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"path\": \"a.ts\"}"));
        Assert.Null(CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"a\"}"));
        Assert.Null(CtagsSymbolExtractor.Parse("[\"_type\", \"tag\"]"));
        Assert.Null(CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"a\", \"path\": \"a.ts\""));
        Assert.Null(CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"a\", \"path\": \"a.ts\"} trailing"));
        Assert.Equal(
            new SymbolDefinition("a", SymbolKind.Function, "a.ts", 5, 5, "a", null, null),
            CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"a\", \"scope\": {\"name\": \"b\", \"path\": \"x.ts\"}, \"path\": \"a.ts\", \"line\": [1], \"kind\": \"function\", \"end\": 5, \"line\": 5}"));
    }

    [Fact]
    public void Parse_LongLine_AndTheSamePathAsTheLineBefore_KeepsThatPathString()
    {
        var name = new string('n', 3000);
        var first = CtagsSymbolExtractor.Parse($"{{\"_type\": \"tag\", \"name\": \"{name}\", \"path\": \"src/long.ts\", \"line\": 7}}");
        var second = CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"b\", \"path\": \"src/long.ts\", \"line\": 9}", first!.File);
        var other = CtagsSymbolExtractor.Parse("{\"_type\": \"tag\", \"name\": \"c\", \"path\": \"src/other.ts\", \"line\": 9}", first.File);

        Assert.Equal(name, first.Name);
        Assert.Same(first.File, second!.File);
        Assert.Equal("src/other.ts", other!.File);
    }

    [Fact]
    public async Task ExtractAsync_OutputLineLongerThanTheReadBuffer_IsReadWhole()
    {
        // ctags writes the 70,000-character default value into the signature: one line of output over 64 KB.
        var value = new string('a', 70_000);
        Write("long.py", $"def long_one(x=\"{value}\"):\n    return x\n\ndef after():\n    pass\n");

        var file = Assert.Single(await Extract("long.py"));

        Assert.Equal(["long_one", "after"], file.Definitions.Select(d => d.Name));
        Assert.Contains(value, file.Definitions[0].Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BytesThatAreNotUtf8_ReadAsReplacementCharacters_AsTheTextFormDoes()
    {
        var line = "{\"_type\": \"tag\", \"name\": \"caf?\", \"path\": \"a.py\", \"pattern\": \"/^def caf?(x):$/\", \"line\": 1, \"kind\": \"function\"}"u8.ToArray();
        for (var i = 0; i < line.Length; i++)
        {
            line[i] = line[i] == (byte)'?' ? (byte)0xE9 : line[i];
        }

        var tag = CtagsSymbolExtractor.Parse(line, previousPath: null);

        Assert.Equal("caf\uFFFD", tag!.Name);
        Assert.Equal("def caf\uFFFD(x)", tag.Signature);
        Assert.Equal(tag, CtagsSymbolExtractor.Parse(System.Text.Encoding.UTF8.GetString(line)));
    }

    [Theory]
    [InlineData("/^    def run(self):$/", "def run(self)")]
    [InlineData("/^export function go() {$/", "export function go()")]
    [InlineData("/^  x = \\\"a\\\\b\\\" $/", "x = \"a\\b\"")]
    [InlineData("/^$/", null)]
    [InlineData("line 4", null)]
    public void Parse_TagWithoutSignature_TakesTheDeclarationFromItsPattern_EscapedOrNot(string pattern, string? declaration)
    {
        var tag = CtagsSymbolExtractor.Parse($"{{\"_type\": \"tag\", \"name\": \"run\", \"path\": \"a.py\", \"pattern\": \"{pattern}\", \"line\": 3, \"kind\": \"function\"}}");

        Assert.Equal(declaration ?? "run", tag!.Signature);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(65_535)]
    public async Task ReadTagsAsync_AnyReadSizes_GiveWhatATextReaderLineByLineGave(int bytesPerRead)
    {
        // Multi-byte text split across reads, CRLF and LF endings, a line longer than the read buffer, a line that is
        // not a tag, and a last line without a line break.
        var lines = new[]
        {
            "{\"_type\": \"tag\", \"name\": \"café\", \"path\": \"src/ü.py\", \"pattern\": \"/^def café(x):$/\", \"line\": 1, \"kind\": \"function\"}\r",
            "not json",
            $"{{\"_type\": \"tag\", \"name\": \"{new string('n', 70_000)}\", \"path\": \"src/ü.py\", \"line\": 4, \"kind\": \"variable\"}}",
            "{\"_type\": \"tag\", \"name\": \"日本\", \"path\": \"b.ts\", \"signature\": \"(a: string)\", \"line\": 9, \"kind\": \"method\", \"scope\": \"C\"}",
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var expected = new List<SymbolDefinition>();
        using (var reader = new StringReader(System.Text.Encoding.UTF8.GetString(bytes)))
        {
            string? previous = null;
            while (reader.ReadLine() is { } line)
            {
                if (CtagsSymbolExtractor.Parse(line, previous) is { } tag)
                {
                    expected.Add(tag);
                    previous = tag.File;
                }
            }
        }

        var read = new List<SymbolDefinition>();
        await foreach (var tag in CtagsSymbolExtractor.ReadTagsAsync(new TrickleStream(bytes, bytesPerRead), TestContext.Current.CancellationToken))
        {
            read.Add(tag);
        }

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, read);
        Assert.Same(read[0].File, read[1].File);
    }

    /// <summary>A stream that gives at most a few bytes per read, as a pipe may.</summary>
    private sealed class TrickleStream(byte[] bytes, int bytesPerRead) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, bytesPerRead)], cancellationToken);
    }

    private Task<IReadOnlyList<FileSymbols>> Extract(params string[] paths) =>
        new CtagsSymbolExtractor().ExtractAsync(_root, paths, TestContext.Current.CancellationToken);

    private void Write(string path, string content)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }
}
