using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Caching;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Caching;

public sealed class AnalysisSerializerTests
{
    private static readonly RepositoryAnalysis Sample = new("tree-1",
    [
        new FileAnalysis(
            new RepositoryFile("src/Http/RetryPolicy.cs", 1234, SkipReason.None, "csharp", 40, Tracked: true),
            "0123456789abcdef0123456789abcdef01234567",
            new FileSymbols("src/Http/RetryPolicy.cs", "csharp",
                [
                    new SymbolDefinition("RetryPolicy", SymbolKind.Class, "src/Http/RetryPolicy.cs", 3, 40, "public sealed class RetryPolicy", null, "Retries failed calls."),
                    new SymbolDefinition("NextDelay", SymbolKind.Method, "src/Http/RetryPolicy.cs", 10, 20, "public TimeSpan NextDelay(int attempt)", "RetryPolicy", null),
                ],
                ["TimeSpan", "Jitter", "Jitter"]),
            TermBag.ForFile("src/Http/RetryPolicy.cs", "// Retries with jitter\nclass RetryPolicy { TimeSpan NextDelay(int attempt) => Jitter.Next(); }", [])),
        new FileAnalysis(
            new RepositoryFile("assets/logo.png", 99, SkipReason.Binary, null, 0, Tracked: false),
            "fedcba9876543210fedcba9876543210fedcba98",
            new FileSymbols("assets/logo.png", "", [], []),
            TermBag.Empty),
    ]);

    [Fact]
    public void RoundTrip_KeepsEveryField()
    {
        var back = AnalysisSerializer.Deserialize(AnalysisSerializer.Serialize(Sample));

        Assert.Equal(Sample.TreeKey, back.TreeKey);
        Assert.Equal(Sample.Files.Count, back.Files.Count);
        for (var i = 0; i < Sample.Files.Count; i++)
        {
            var (expected, actual) = (Sample.Files[i], back.Files[i]);
            Assert.Equal(expected.File, actual.File);
            Assert.Equal(expected.BlobId, actual.BlobId);
            Assert.Equal(expected.Symbols.Language, actual.Symbols.Language);
            Assert.Equal(expected.Symbols.Definitions, actual.Symbols.Definitions);
            Assert.Equal(expected.Symbols.References, actual.Symbols.References);
            Assert.Equal(expected.Terms.Terms, actual.Terms.Terms);
            Assert.Equal(expected.Terms.Counts, actual.Terms.Counts);
        }
    }

    [Fact]
    public void RoundTrip_SharesRepeatedStrings()
    {
        var back = AnalysisSerializer.Deserialize(AnalysisSerializer.Serialize(Sample));

        Assert.Same(back.Files[0].Symbols.References[1], back.Files[0].Symbols.References[2]);
    }

    /// <summary>
    /// Entries already on disk were written with a <see cref="BinaryWriter"/>; the serializer must write the same bytes
    /// (format 1), whatever sizes its buffers guessed. Random analyses: multi-byte numbers, large lengths, non-ASCII
    /// and unpaired surrogates, long strings that outgrow the estimates, and files with nothing in them.
    /// </summary>
    [Fact]
    public void Serialize_WritesWhatABinaryWriterWrites()
    {
        var random = new Random(7);
        string Text(int maxLength)
        {
            var chars = new char[random.Next(maxLength + 1)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = random.Next(10) switch
                {
                    0 => (char)random.Next(0x80, 0x800),
                    1 => (char)random.Next(0xD800, 0xE000),
                    2 => (char)random.Next(0x800, 0xD800),
                    _ => (char)random.Next('a', 'z' + 1),
                };
            }

            return new string(chars);
        }

        for (var round = 0; round < 60; round++)
        {
            var names = Enumerable.Range(0, 1 + random.Next(300)).Select(_ => Text(round % 10 == 0 ? 5000 : 12)).ToList();
            string Name() => names[random.Next(names.Count)];
            var files = Enumerable.Range(0, random.Next(40)).Select(f =>
            {
                var path = $"src/{f}/{Text(20)}.cs";
                var definitions = Enumerable.Range(0, random.Next(round % 3 == 0 ? 0 : 200)).Select(_ => new SymbolDefinition(
                    Name(), (SymbolKind)random.Next(17), path, random.Next(int.MaxValue), random.Next(1 << 20), Text(300),
                    random.Next(2) == 0 ? null : Name(), random.Next(3) == 0 ? Text(2000) : null)).ToList();
                var terms = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(random.Next(400)).ToList();
                return new FileAnalysis(
                    new RepositoryFile(path, random.NextInt64(long.MaxValue) >> random.Next(64), (SkipReason)random.Next(2), random.Next(2) == 0 ? null : "csharp", random.Next(100_000), random.Next(2) == 0),
                    Text(40),
                    new FileSymbols(path, "csharp", definitions, Enumerable.Range(0, random.Next(500)).Select(_ => Name()).ToList()),
                    new TermBag(terms, terms.Select(_ => random.Next(1, 100_000)).ToList()));
            }).ToList();
            var analysis = new RepositoryAnalysis(Text(30), files);

            Assert.Equal(WrittenByBinaryWriter(analysis), AnalysisSerializer.Serialize(analysis));
        }
    }

    /// <summary>Numbers no real analysis has (negative lines, lengths and counts) are still written as a <see cref="BinaryWriter"/> writes them.</summary>
    [Fact]
    public void Serialize_NegativeNumbers_AsABinaryWriterWritesThem()
    {
        var analysis = new RepositoryAnalysis("tree", [
            new FileAnalysis(
                new RepositoryFile("a.cs", long.MinValue, SkipReason.None, "csharp", -1, Tracked: true),
                "blob",
                new FileSymbols("a.cs", "csharp", [new SymbolDefinition("A", SymbolKind.Class, "a.cs", int.MinValue, -1, "class A", null, null)], []),
                new TermBag(["alpha"], [int.MinValue])),
            new FileAnalysis(new RepositoryFile("b.cs", -1, Lines: int.MinValue), "blob", new FileSymbols("b.cs", "", [], []), new TermBag(["beta"], [-1])),
        ]);

        Assert.Equal(WrittenByBinaryWriter(analysis), AnalysisSerializer.Serialize(analysis));
    }

    /// <summary>Format 1 as a <see cref="BinaryWriter"/> writes it: a string table, then the structure as its indexes.</summary>
    private static byte[] WrittenByBinaryWriter(RepositoryAnalysis analysis)
    {
        var table = new List<string>();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var structure = new List<Action<BinaryWriter>>();
        void Str(string? value)
        {
            if (value is not null && !indexes.ContainsKey(value))
            {
                indexes[value] = table.Count;
                table.Add(value);
            }

            var index = value is null ? 0 : indexes[value] + 1;
            structure.Add(w => w.Write7BitEncodedInt(index));
        }

        void Int(int value) => structure.Add(w => w.Write7BitEncodedInt(value));

        Str(analysis.TreeKey);
        Int(analysis.Files.Count);
        foreach (var (file, blob, symbols, terms) in analysis.Files)
        {
            Str(file.Path);
            structure.Add(w => w.Write7BitEncodedInt64(file.Length));
            structure.Add(w => w.Write((byte)file.Skip));
            Str(file.Language);
            Int(file.Lines);
            structure.Add(w => w.Write(file.Tracked));
            Str(blob);
            Str(symbols.Language);
            Int(symbols.Definitions.Count);
            foreach (var d in symbols.Definitions)
            {
                Str(d.Name);
                structure.Add(w => w.Write((byte)d.Kind));
                Int(d.Line);
                Int(d.EndLine);
                Str(d.Signature);
                Str(d.Container);
                Str(d.Summary);
            }

            Int(symbols.References.Count);
            symbols.References.ToList().ForEach(Str);
            Int(terms.Terms.Count);
            for (var i = 0; i < terms.Terms.Count; i++)
            {
                Str(terms.Terms[i]);
                Int(terms.Counts[i]);
            }
        }

        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, System.Text.Encoding.UTF8))
        {
            writer.Write7BitEncodedInt(1);
            writer.Write7BitEncodedInt(table.Count);
            table.ForEach(writer.Write);
            structure.ForEach(write => write(writer));
        }

        return output.ToArray();
    }

    [Fact]
    public void Deserialize_TruncatedOrGarbage_ThrowsInvalidData()
    {
        var bytes = AnalysisSerializer.Serialize(Sample);
        for (var length = 0; length < bytes.Length; length += 7)
        {
            Assert.Throws<InvalidDataException>(() => AnalysisSerializer.Deserialize(bytes[..length]));
        }

        var random = new Random(42);
        for (var i = 0; i < 200; i++)
        {
            var garbage = (byte[])bytes.Clone();
            garbage[random.Next(garbage.Length)] ^= (byte)random.Next(1, 256);
            try
            {
                AnalysisSerializer.Deserialize(garbage);
            }
            catch (InvalidDataException)
            {
                // Expected for most flips; a flip inside a string's text may still parse, which is fine.
            }
        }
    }
}
