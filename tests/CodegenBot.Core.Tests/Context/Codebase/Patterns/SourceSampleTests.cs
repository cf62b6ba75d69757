using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class SourceSampleTests
{
    [Fact]
    public void Take_ThousandFiles_ReadsEveryThirdInOrdinalOrder()
    {
        var files = Enumerable.Range(0, 1000).Select(i => $"src/F{i:0000}.cs").Reverse().Append("README.md").ToList();
        var reads = new List<string>();
        var repository = new RepositorySnapshot(files, p => { reads.Add(p); return "class A { }\n"; });

        var sample = SourceSample.Take(repository);

        Assert.Equal(334, sample.Files.Count);
        Assert.Equal(["src/F0000.cs", "src/F0003.cs", "src/F0006.cs"], sample.Files.Take(3).Select(f => f.Path));
        Assert.Equal(sample.Files.Select(f => f.Path), reads);
        Assert.Equal("334 of 1000 csharp files sampled", sample.Note("csharp"));
        Assert.Equal("0 of 0 go files sampled", sample.Note("go"));
    }

    [Fact]
    public void Take_UnreadableFile_IsLeftOutOfTheSample()
    {
        var repository = new RepositorySnapshot(["a.py", "b.py"], p => p == "a.py" ? "x = 1\n" : null);

        var sample = SourceSample.Take(repository);

        Assert.Equal(["a.py"], sample.Files.Select(f => f.Path));
        Assert.Equal("1 of 2 python files sampled", sample.Note("python"));
    }
}
