using System.Text;
using CodegenBot.Core.Context;

namespace CodegenBot.Core.Tests.Context;

/// <summary><see cref="FileContent"/> must read every file exactly as the framework's readers do.</summary>
public sealed class FileContentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("codegen-file-content-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, byte[]> Encoded => new()
    {
        { "empty", [] },
        { "ascii", Encoding.UTF8.GetBytes("class A { }\n") },
        { "utf-8 without a mark", Encoding.UTF8.GetBytes("naïve “quotes” 日本 😀\r\n") },
        { "utf-8 with a mark", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("é😀")] },
        { "utf-16 little endian", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("é😀 text")] },
        { "utf-16 big endian", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("é😀 text")] },
        { "utf-32 little endian", [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("é😀 text")] },
        { "utf-32 big endian", [0, 0, 0xFE, 0xFF, .. new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("é😀 text")] },
        { "invalid utf-8", [0x61, 0xC3, 0x28, 0xFF, 0xFE, 0x62, 0xE2, 0x82] },
        { "a sequence cut at the end", [0x61, 0xF0, 0x9F, 0x98] },
        { "only a utf-16 mark", [0xFF, 0xFE] },
        { "a utf-16 mark and one byte", [0xFF, 0xFE, 0x41] },
        { "a utf-16 mark and a zero", [0xFF, 0xFE, 0] },
        { "an odd utf-16 length", [0xFE, 0xFF, 0, 0x41, 0] },
        { "half a utf-8 mark", [0xEF, 0xBB] },
        { "a nul", [0x61, 0, 0x62] },
    };

    [Theory]
    [MemberData(nameof(Encoded))]
    public void ReadText_DecodesAsReadAllTextDoes(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);

        Assert.Equal(File.ReadAllText(path), FileContent.ReadText(path));
    }

    [Fact]
    public void ReadText_RandomBytes_DecodesAsReadAllTextDoes()
    {
        var random = new Random(20261202);
        var marks = new byte[][] { [], [0xEF, 0xBB, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE], [0xFF, 0xFE, 0, 0], [0, 0, 0xFE, 0xFF] };
        var path = Path.Combine(_folder, "random");
        for (var i = 0; i < 300; i++)
        {
            var body = new byte[random.Next(0, 3000)];
            random.NextBytes(body);
            File.WriteAllBytes(path, [.. marks[i % marks.Length], .. body]);

            Assert.Equal(File.ReadAllText(path), FileContent.ReadText(path));
            Assert.Equal(File.ReadAllText(path), FileContent.WithText(path, 0, static (text, _) => text.ToString()));
        }
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void WithText_GivesTheTextReadTextGives(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);

        Assert.Equal(FileContent.ReadText(path), FileContent.WithText(path, 0, static (text, _) => text.ToString()));
    }

    [Fact]
    public void WithText_FileOverThePooledSize_IsDecodedToo()
    {
        var path = Path.Combine(_folder, "large");
        var text = string.Concat(Enumerable.Repeat("line é ünïcode\n", 150_000));
        File.WriteAllText(path, text);

        Assert.Equal(text, FileContent.WithText(path, 0, static (span, _) => span.ToString()));
    }

    [Fact]
    public void TryWithText_MissingFile_IsFalse()
    {
        Assert.False(RepositoryScanner.TryWithText(_folder, "missing.cs", 0, static (text, _) => text.Length, out _));
        File.WriteAllText(Path.Combine(_folder, "present.cs"), "class A { }");
        Assert.True(RepositoryScanner.TryWithText(_folder, "present.cs", 0, static (text, _) => text.Length, out var length));
        Assert.Equal(11, length);
        Assert.Throws<IOException>(() => RepositoryScanner.TryWithText<int, int>(_folder, "present.cs", 0, static (_, _) => throw new IOException("from the callback"), out _));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(1_000_003)]
    public void WithBytes_GivesTheWholeFile(int length)
    {
        var path = Path.Combine(_folder, "bytes");
        var content = new byte[length];
        new Random(length).NextBytes(content);
        File.WriteAllBytes(path, content);

        var read = FileContent.WithBytes(path, 0, static (bytes, _) => bytes.ToArray());

        Assert.Equal(content, read);
    }

    [Fact]
    public void WithBytes_FileLongerThanItsReportedLength_IsReadToItsEnd()
    {
        // Linux reports a length of 0 for /proc files, so the read must grow its buffer to get them whole.
        const string path = "/proc/self/cmdline";
        Assert.SkipUnless(File.Exists(path), "needs Linux /proc");

        var read = FileContent.WithBytes(path, 0, static (bytes, _) => bytes.ToArray());

        Assert.Equal(0, new FileInfo(path).Length);
        Assert.True(read.Length > 16, "longer than the smallest pooled buffer");
        Assert.Equal(File.ReadAllBytes(path), read);
    }

    [Fact]
    public void ReadText_MissingFile_Throws() =>
        Assert.Throws<FileNotFoundException>(() => FileContent.ReadText(Path.Combine(_folder, "absent")));
}
