using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class AsyncStyleAnalyzerTests
{
    [Fact]
    public void Analyze_BlockingWaits_CountsEveryForm()
    {
        const string Code = """
            internal sealed class Sync
            {
                public Task<int> Load() => Task.FromResult(1);

                public async Task SaveAsync()
                {
                    await Task.Yield();
                }

                public async ValueTask<int> CountAsync()
                {
                    var a = Load().Result;
                    Load().Wait();
                    var b = Load().GetAwaiter().GetResult();
                    return a + b + SomeResult(1);
                }

                private int SomeResult(int x) => x;
            }
            """;

        var patterns = PatternFixtures.Describe(new AsyncStyleAnalyzer(), ("Sync.cs", Code));

        Assert.Equal(
        [
            "csharp Task-returning methods async | 2 of 3 Task-returning methods (1 of 1 csharp files sampled) | 0.667",
            "csharp Task-returning methods end in Async | 2 of 3 non-test Task-returning methods (1 of 1 csharp files sampled) | 0.667",
            "csharp await rather than blocking waits | 1 awaits, 3 blocking waits (.Result/.Wait()/.GetResult()) (1 of 1 csharp files sampled) | 0.25",
        ], patterns);
    }

    [Fact]
    public void Analyze_JavaScriptPromiseChains_ReportsTheAwaitShare()
    {
        const string Code = "fetch(a).then(r => r.json()).then(show);\nload().then(done);\nconst x = await get();\n";

        var patterns = PatternFixtures.Describe(new AsyncStyleAnalyzer(), ("app.js", Code));

        Assert.Equal(["javascript async/await rather than .then() | 1 awaits, 3 .then( calls (1 of 1 javascript files sampled) | 0.25"], patterns);
    }
}
