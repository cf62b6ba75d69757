using CodegenBot.Core.Configuration;
using CodegenBot.Core.Context;
using CodegenBot.Testing;

namespace CodegenBot.Core.Tests.Context;

public sealed class ContextBuilderTests
{
    [Fact]
    public void Build_IgnoredAndBuildOutputFiles_AreNeitherReadNorListed()
    {
        using var repo = TempGitRepository.WithFiles(
            (".gitignore", "secrets.txt\n"),
            ("src/App.cs", "class App { }\n"),
            ("src/bin/Debug/App.dll.cs", "// build output that was committed by mistake\n"));
        repo.WriteFile("secrets.txt", "password=hunter2\n");

        var context = Build(repo, "Change App");

        var seen = context.Files.Select(f => f.Path).Concat(context.ListedPaths).ToList();
        Assert.Contains("src/App.cs", seen);
        Assert.DoesNotContain("secrets.txt", seen);
        Assert.DoesNotContain("src/bin/Debug/App.dll.cs", seen);
    }

    [Fact]
    public void Build_FileNamedInTheTask_IsIncludedInFullWithTheReason()
    {
        using var repo = TempGitRepository.WithFiles(("src/Calculator.cs", "class Calculator { }\n"), ("src/Other.cs", "class Other { }\n"));

        var context = Build(repo, "Add a Subtract method to `Calculator.cs`.");

        var file = context.Files[0];
        Assert.Equal(("src/Calculator.cs", "class Calculator { }\n", "named in the task"), (file.Path, file.Content, file.Reason));
    }

    [Fact]
    public void Build_PathSharingWordsWithTheTask_IsRankedAboveOthers()
    {
        using var repo = TempGitRepository.WithFiles(
            ("src/RetryPolicy.cs", "class RetryPolicy { }\n"),
            ("src/Unrelated.cs", "class Unrelated { }\n"));

        var context = Build(repo, "The retry policy should back off exponentially");

        Assert.Equal("src/RetryPolicy.cs", Assert.Single(context.Files).Path);
        Assert.Equal("path shares 2 word(s) with the task", context.Files[0].Reason);
        Assert.Contains("src/Unrelated.cs", context.ListedPaths);
    }

    [Fact]
    public void Build_BinaryFile_IsListedButNeverRead()
    {
        using var repo = TempGitRepository.WithFiles(("image.png.cs", "x\0y"), ("a.cs", "class A { }\n"));

        var context = Build(repo, "Look at image.png.cs");

        Assert.DoesNotContain(context.Files, f => f.Path == "image.png.cs");
        Assert.Contains("image.png.cs", context.ListedPaths);
    }

    [Fact]
    public void Build_TeamInstructionFiles_AreIncluded()
    {
        using var repo = TempGitRepository.WithFiles(("AGENTS.md", "Use xunit.\n"), ("CONTRIBUTING.md", "Small PRs.\n"), ("a.cs", "class A { }\n"));

        var context = Build(repo, "anything");

        Assert.Equal(["AGENTS.md", "CONTRIBUTING.md"], context.TeamInstructions.Select(t => t.Path));
        Assert.Equal("Use xunit.\n", context.TeamInstructions[0].Content);
    }

    [Fact]
    public void Build_SmallBudget_StaysWithinItAndCountsWhatWasLeftOut()
    {
        var files = Enumerable.Range(0, 300)
            .Select(i => ($"src/module{i:000}/Service{i:000}.cs", $"class Service{i:000} {{ /* {new string('x', 200)} */ }}\n"))
            .ToArray();
        using var repo = TempGitRepository.WithFiles(files);

        var context = Build(repo, "Fix Service007 in src/module007/Service007.cs", budget: 1500);

        Assert.True(context.TokenCount <= 1500, $"{context.TokenCount} tokens used of 1500");
        Assert.Equal("src/module007/Service007.cs", context.Files[0].Path);
        Assert.True(context.OmittedFileCount > 0);
        Assert.Equal(300, context.Files.Count + context.ListedPaths.Count + context.OmittedFileCount);
    }

    [Fact]
    public void Build_SameRepositoryAndTask_GivesIdenticalContext()
    {
        using var repo = TempGitRepository.WithFiles(("b/Retry.cs", "class B { }\n"), ("a/Retry.cs", "class A { }\n"), ("c.cs", "class C { }\n"));

        var first = Build(repo, "retry");
        var second = Build(repo, "retry");

        Assert.Equal(first.Files.Select(f => f.Path), second.Files.Select(f => f.Path));
        Assert.Equal(["a/Retry.cs", "b/Retry.cs"], first.Files.Select(f => f.Path));
        Assert.Equal(first.ListedPaths, second.ListedPaths);
    }

    [Fact]
    public void Build_TaskNamesAPathThatDoesNotExist_ReportsIt()
    {
        using var repo = TempGitRepository.WithFiles(("a.cs", "class A { }\n"));

        var context = Build(repo, "Create src/Feature/NewThing.cs");

        Assert.Equal(["src/Feature/NewThing.cs"], context.MentionedButMissing);
    }

    private static GatheredContext Build(TempGitRepository repo, string task, int budget = 24_000) =>
        new ContextBuilder(new ContextOptions { TokenBudget = budget }, TokenCounter.Default).Build(repo.Path, task);
}
