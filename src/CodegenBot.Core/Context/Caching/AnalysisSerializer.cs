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

    /// <summary>The most bytes a 7-bit encoded number takes (a <see cref="long"/>).</summary>
    private const int MaxNumberBytes = 10;

    /// <summary>
    /// The entry's bytes, exactly as a <see cref="BinaryWriter"/> over UTF-8 would write them: the structure goes into
    /// an <see cref="System.Buffers.ArrayBufferWriter{T}"/> while the string table is built, then the table and the structure are
    /// copied into an array of the exact size. About a million strings are looked up on a large repository, so
    /// nothing here goes through a stream.
    /// </summary>
    public static byte[] Serialize(RepositoryAnalysis analysis)
    {
        var definitions = 0;
        var items = 0;
        foreach (var file in analysis.Files)
        {
            definitions += file.Symbols.Definitions.Count;
            items += file.Symbols.References.Count + file.Terms.Terms.Count;
        }

        // Distinct strings are about a sixth of the strings written; body bytes about two per reference or term
        // and twelve per definition. Estimates only: both grow when they fall short.
        var distinct = (definitions * 2) + (items / 6) + analysis.Files.Count;
        var table = new Symbols.NameTable(distinct);
        var body = new System.Buffers.ArrayBufferWriter<byte>(Math.Max(64, (analysis.Files.Count * 32) + (definitions * 12) + (items * 2)));

        // As BinaryWriter's Write7BitEncodedInt (a negative value takes five bytes) and Write7BitEncodedInt64.
        void Int(int value) => body.Advance(Encode(body.GetSpan(MaxNumberBytes), (uint)value));
        void Long(long value) => body.Advance(Encode(body.GetSpan(MaxNumberBytes), (ulong)value));
        void Byte(byte value)
        {
            body.GetSpan(1)[0] = value;
            body.Advance(1);
        }

        void Str(string? value)
        {
            if (value is null)
            {
                Int(0);
                return;
            }

            var hash = Symbols.NameTable.Hash(value);
            var index = table.IndexOf(value, hash);
            Int((index < 0 ? table.Add(value, hash) : index) + 1);
        }

        Str(analysis.TreeKey);
        Int(analysis.Files.Count);
        foreach (var (file, blob, symbols, terms) in analysis.Files)
        {
            Str(file.Path);
            Long(file.Length);
            Byte((byte)file.Skip);
            Str(file.Language);
            Int(file.Lines);
            Byte(file.Tracked ? (byte)1 : (byte)0);
            Str(blob);
            Str(symbols.Language);
            Int(symbols.Definitions.Count);
            foreach (var d in symbols.Definitions)
            {
                Str(d.Name);
                Byte((byte)d.Kind);
                Int(d.Line);
                Int(d.EndLine);
                Str(d.Signature);
                Str(d.Container);
                Str(d.Summary);
            }

            Int(symbols.References.Count);
            foreach (var reference in symbols.References)
            {
                Str(reference);
            }

            Int(terms.Terms.Count);
            for (var i = 0; i < terms.Terms.Count; i++)
            {
                Str(terms.Terms[i]);
                Int(terms.Counts[i]);
            }
        }

        var lengths = new int[table.Count];
        var size = SizeOf(Format) + SizeOf((uint)table.Count) + body.WrittenCount;
        for (var i = 0; i < table.Count; i++)
        {
            lengths[i] = Encoding.UTF8.GetByteCount(table[i]);
            size += SizeOf((uint)lengths[i]) + lengths[i];
        }

        var output = new byte[size];
        var position = Encode(output, Format);
        position += Encode(output.AsSpan(position), (uint)table.Count);
        for (var i = 0; i < table.Count; i++)
        {
            position += Encode(output.AsSpan(position), (uint)lengths[i]);
            position += Encoding.UTF8.GetBytes(table[i], output.AsSpan(position));
        }

        body.WrittenSpan.CopyTo(output.AsSpan(position));
        return output;
    }

    /// <summary>Writes a 7-bit encoded number at the start of <paramref name="destination"/>; returns its length.</summary>
    private static int Encode(Span<byte> destination, ulong value)
    {
        var written = 0;
        while (value >= 0x80)
        {
            destination[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[written++] = (byte)value;
        return written;
    }

    private static int SizeOf(ulong value)
    {
        var size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }

        return size;
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
