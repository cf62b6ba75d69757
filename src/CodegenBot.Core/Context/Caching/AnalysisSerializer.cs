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
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (reader.Read7BitEncodedInt() != Format)
            {
                throw new InvalidDataException("The cached analysis has an unknown format.");
            }

            var table = new string[Count(reader, bytes.Length)];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = reader.ReadString();
            }

            string? Optional()
            {
                var index = reader.Read7BitEncodedInt();
                return index == 0 ? null : table[index - 1];
            }

            string Str() => Optional() ?? throw new InvalidDataException("A required string is missing from the cached analysis.");

            var treeKey = Str();
            var files = new FileAnalysis[Count(reader, bytes.Length)];
            for (var f = 0; f < files.Length; f++)
            {
                var path = Str();
                var file = new RepositoryFile(path, reader.Read7BitEncodedInt64(), Enum<SkipReason>(reader.ReadByte()), Optional(), reader.Read7BitEncodedInt(), reader.ReadBoolean());
                var blob = Str();
                var language = Str();
                var definitions = new SymbolDefinition[Count(reader, bytes.Length)];
                for (var i = 0; i < definitions.Length; i++)
                {
                    var name = Str();
                    var kind = Enum<SymbolKind>(reader.ReadByte());
                    definitions[i] = new SymbolDefinition(name, kind, path, reader.Read7BitEncodedInt(), reader.Read7BitEncodedInt(), Str(), Optional(), Optional());
                }

                var references = new string[Count(reader, bytes.Length)];
                for (var i = 0; i < references.Length; i++)
                {
                    references[i] = Str();
                }

                var terms = new string[Count(reader, bytes.Length)];
                var counts = new int[terms.Length];
                for (var i = 0; i < terms.Length; i++)
                {
                    terms[i] = Str();
                    counts[i] = reader.Read7BitEncodedInt();
                }

                files[f] = new FileAnalysis(file, blob, new FileSymbols(path, language, definitions, references), new TermBag(terms, counts));
            }

            return new RepositoryAnalysis(treeKey, files);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException("The cached analysis is truncated or malformed.", ex);
        }
    }

    /// <summary>A count, checked against the input's size so a corrupt entry cannot ask for gigabytes.</summary>
    private static int Count(BinaryReader reader, int inputLength)
    {
        var count = reader.Read7BitEncodedInt();
        return count >= 0 && count <= inputLength ? count : throw new InvalidDataException("The cached analysis has an impossible count.");
    }

    private static T Enum<T>(byte value)
        where T : struct, Enum =>
        System.Enum.IsDefined(typeof(T), (int)value) ? (T)(object)(int)value : throw new InvalidDataException($"The cached analysis has an unknown {typeof(T).Name} {value}.");
}
