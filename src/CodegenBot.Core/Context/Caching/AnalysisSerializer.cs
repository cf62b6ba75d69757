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

    /// <summary>
    /// The entry's bytes, exactly as a <see cref="BinaryWriter"/> over UTF-8 would write them: the structure goes into
    /// one growing buffer while the string table is built, then the table and the structure are copied into a buffer
    /// of the exact size. About a million strings are looked up on a large repository, so nothing here goes through a
    /// stream.
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
        var strings = new Dictionary<string, int>(distinct, StringComparer.Ordinal);
        var table = new List<string>(distinct);
        var body = new ByteWriter((analysis.Files.Count * 32) + (definitions * 12) + (items * 2));

        void Str(ref ByteWriter writer, string? value)
        {
            if (value is null)
            {
                writer.Int(0);
                return;
            }

            ref var index = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(strings, value, out var exists);
            if (!exists)
            {
                index = table.Count;
                table.Add(value);
            }

            writer.Int(index + 1);
        }

        Str(ref body, analysis.TreeKey);
        body.Int(analysis.Files.Count);
        foreach (var (file, blob, symbols, terms) in analysis.Files)
        {
            Str(ref body, file.Path);
            body.Long(file.Length);
            body.Byte((byte)file.Skip);
            Str(ref body, file.Language);
            body.Int(file.Lines);
            body.Byte(file.Tracked ? (byte)1 : (byte)0);
            Str(ref body, blob);
            Str(ref body, symbols.Language);
            body.Int(symbols.Definitions.Count);
            foreach (var d in symbols.Definitions)
            {
                Str(ref body, d.Name);
                body.Byte((byte)d.Kind);
                body.Int(d.Line);
                body.Int(d.EndLine);
                Str(ref body, d.Signature);
                Str(ref body, d.Container);
                Str(ref body, d.Summary);
            }

            body.Int(symbols.References.Count);
            foreach (var reference in symbols.References)
            {
                Str(ref body, reference);
            }

            body.Int(terms.Terms.Count);
            for (var i = 0; i < terms.Terms.Count; i++)
            {
                Str(ref body, terms.Terms[i]);
                body.Int(terms.Counts[i]);
            }
        }

        var size = ByteWriter.SizeOf((ulong)Format) + ByteWriter.SizeOf((ulong)table.Count) + body.Length;
        foreach (var value in table)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            size += ByteWriter.SizeOf((ulong)length) + length;
        }

        var output = new ByteWriter(new byte[size]);
        output.Int(Format);
        output.Int(table.Count);
        foreach (var value in table)
        {
            output.String(value);
        }

        output.Bytes(body.Written);
        return output.Buffer;
    }

    /// <summary>
    /// Writes what <see cref="BinaryWriter"/> writes (7-bit encoded integers, length-prefixed UTF-8) into an array,
    /// doubling it when full.
    /// </summary>
    private struct ByteWriter(byte[] buffer)
    {
        private int _position;

        public ByteWriter(int capacity)
            : this(new byte[Math.Max(64, capacity)])
        {
        }

        public byte[] Buffer { get; private set; } = buffer;

        public readonly int Length => _position;

        public readonly ReadOnlySpan<byte> Written => Buffer.AsSpan(0, _position);

        public static int SizeOf(ulong value)
        {
            var size = 1;
            while (value >= 0x80)
            {
                value >>= 7;
                size++;
            }

            return size;
        }

        public void Byte(byte value)
        {
            Ensure(1);
            Buffer[_position++] = value;
        }

        /// <summary>As <see cref="BinaryWriter.Write7BitEncodedInt"/>: a negative value takes five bytes.</summary>
        public void Int(int value) => Unsigned((uint)value);

        /// <summary>As <see cref="BinaryWriter.Write7BitEncodedInt64"/>.</summary>
        public void Long(long value) => Unsigned((ulong)value);

        public void String(string value)
        {
            var length = Encoding.UTF8.GetByteCount(value);
            Unsigned((ulong)length);
            Ensure(length);
            _position += Encoding.UTF8.GetBytes(value, Buffer.AsSpan(_position));
        }

        public void Bytes(ReadOnlySpan<byte> value)
        {
            Ensure(value.Length);
            value.CopyTo(Buffer.AsSpan(_position));
            _position += value.Length;
        }

        private void Unsigned(ulong value)
        {
            if (Buffer.Length - _position < 10)
            {
                Ensure(SizeOf(value));
            }

            var buffer = Buffer;
            while (value >= 0x80)
            {
                buffer[_position++] = (byte)(value | 0x80);
                value >>= 7;
            }

            buffer[_position++] = (byte)value;
        }

        private void Ensure(int count)
        {
            if (Buffer.Length - _position < count)
            {
                // Doubling stops at the largest array (as a MemoryStream's growth does), so a body past 1 GB neither
                // overflows the length nor copies itself on every write.
                var grown = new byte[Math.Max((int)Math.Min(2L * Buffer.Length, Array.MaxLength), _position + count)];
                Buffer.AsSpan(0, _position).CopyTo(grown);
                Buffer = grown;
            }
        }
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
