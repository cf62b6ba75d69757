using System.Text;
using CodegenBot.Core.Context.Ranking;
using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Context.Caching;

/// <summary>
/// The cache's binary form of a <see cref="RepositoryAnalysis"/>: a table of distinct strings (paths, names,
/// terms, signatures), then the structure as indexes into it. A repository repeats the same identifiers across
/// thousands of files, so the table makes entries small, reading them fast and every string shared in memory.
/// Any malformed input throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class AnalysisSerializer
{
    private const int Format = 1;

    public static byte[] Serialize(RepositoryAnalysis analysis)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
        {
            void Str(string? value)
            {
                if (value is null)
                {
                    writer.Write7BitEncodedInt(0);
                    return;
                }

                if (!strings.TryGetValue(value, out var index))
                {
                    index = strings[value] = table.Count;
                    table.Add(value);
                }

                writer.Write7BitEncodedInt(index + 1);
            }

            Str(analysis.TreeKey);
            writer.Write7BitEncodedInt(analysis.Files.Count);
            foreach (var (file, blob, symbols, terms) in analysis.Files)
            {
                Str(file.Path);
                writer.Write7BitEncodedInt64(file.Length);
                writer.Write((byte)file.Skip);
                Str(file.Language);
                writer.Write7BitEncodedInt(file.Lines);
                writer.Write(file.Tracked);
                Str(blob);
                Str(symbols.Language);
                writer.Write7BitEncodedInt(symbols.Definitions.Count);
                foreach (var d in symbols.Definitions)
                {
                    Str(d.Name);
                    writer.Write((byte)d.Kind);
                    writer.Write7BitEncodedInt(d.Line);
                    writer.Write7BitEncodedInt(d.EndLine);
                    Str(d.Signature);
                    Str(d.Container);
                    Str(d.Summary);
                }

                writer.Write7BitEncodedInt(symbols.References.Count);
                foreach (var reference in symbols.References)
                {
                    Str(reference);
                }

                writer.Write7BitEncodedInt(terms.Terms.Count);
                for (var i = 0; i < terms.Terms.Count; i++)
                {
                    Str(terms.Terms[i]);
                    writer.Write7BitEncodedInt(terms.Counts[i]);
                }
            }
        }

        using var output = new MemoryStream();
        using (var writer = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write7BitEncodedInt(Format);
            writer.Write7BitEncodedInt(table.Count);
            foreach (var value in table)
            {
                writer.Write(value);
            }

            writer.Write(body.GetBuffer(), 0, (int)body.Length);
        }

        return output.ToArray();
    }

    public static RepositoryAnalysis Deserialize(byte[] bytes)
    {
        var reader = new SpanReader(bytes);
        if (reader.Int() != Format)
        {
            throw new InvalidDataException("The cached analysis has an unknown format.");
        }

        var table = new string[reader.Count()];
        for (var i = 0; i < table.Length; i++)
        {
            table[i] = reader.String();
        }

        var treeKey = Required(ref reader, table);
        var files = new FileAnalysis[reader.Count()];
        for (var f = 0; f < files.Length; f++)
        {
            var path = Required(ref reader, table);
            var file = new RepositoryFile(path, reader.Long(), Enum<SkipReason>(reader.Byte()), Optional(ref reader, table), reader.Int(), reader.Byte() != 0);
            var blob = Required(ref reader, table);
            var language = Required(ref reader, table);
            var definitions = new SymbolDefinition[reader.Count()];
            for (var i = 0; i < definitions.Length; i++)
            {
                var name = Required(ref reader, table);
                var kind = Enum<SymbolKind>(reader.Byte());
                var line = reader.Int();
                var endLine = reader.Int();
                definitions[i] = new SymbolDefinition(name, kind, path, line, endLine, Required(ref reader, table), Optional(ref reader, table), Optional(ref reader, table));
            }

            var references = new string[reader.Count()];
            for (var i = 0; i < references.Length; i++)
            {
                references[i] = Required(ref reader, table);
            }

            var terms = new string[reader.Count()];
            var counts = new int[terms.Length];
            for (var i = 0; i < terms.Length; i++)
            {
                terms[i] = Required(ref reader, table);
                counts[i] = reader.Int();
            }

            files[f] = new FileAnalysis(file, blob, new FileSymbols(path, language, definitions, references), new TermBag(terms, counts));
        }

        return new RepositoryAnalysis(treeKey, files);
    }

    private static string? Optional(ref SpanReader reader, string[] table)
    {
        var index = reader.Int();
        return index == 0 ? null : (uint)(index - 1) < (uint)table.Length ? table[index - 1] : throw new InvalidDataException("The cached analysis refers to a string it does not have.");
    }

    private static string Required(ref SpanReader reader, string[] table) =>
        Optional(ref reader, table) ?? throw new InvalidDataException("A required string is missing from the cached analysis.");

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote (7-bit encoded integers, length-prefixed UTF-8), bounds-checked, without a stream.</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _position;

        public byte Byte() => _position < _data.Length ? _data[_position++] : throw Truncated();

        public int Int()
        {
            var value = Long();
            return value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new InvalidDataException("The cached analysis has an out-of-range number.");
        }

        public long Long()
        {
            long value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = Byte();
                value |= (long)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("The cached analysis has a malformed number.");
        }

        /// <summary>A count, checked against the input's size so a corrupt entry cannot ask for gigabytes.</summary>
        public int Count()
        {
            var count = Int();
            return count >= 0 && count <= _data.Length ? count : throw new InvalidDataException("The cached analysis has an impossible count.");
        }

        public string String()
        {
            var length = Count();
            if (length > _data.Length - _position)
            {
                throw Truncated();
            }

            var value = System.Text.Encoding.UTF8.GetString(_data.Slice(_position, length));
            _position += length;
            return value;
        }

        private static InvalidDataException Truncated() => new("The cached analysis is truncated.");
    }

    private static T Enum<T>(byte value)
        where T : struct, Enum =>
        System.Enum.IsDefined(typeof(T), (int)value) ? (T)(object)(int)value : throw new InvalidDataException($"The cached analysis has an unknown {typeof(T).Name} {value}.");
}
