using CodegenBot.Core.Context;
using CodegenBot.Core.Context.Symbols;
using CodegenBot.Core.Quality.Rules;

namespace CodegenBot.Core;

/// <summary>
/// Starts, on the thread pool, the one-time work every run of the engine pays before its first result: the
/// tokenizer's vocabulary, the C# parser's first parse, and the shipped quality rules. A command calls it as it
/// starts, so this work runs on an idle core while the command loads its configuration and services, instead of
/// on the cores the index needs. Each part is done once per process whoever asks first (the others wait for it);
/// a failure here is left for the real use to report.
/// </summary>
internal static class EngineWarmUp
{
    /// <summary>A small source that takes the C# extractor through its declaration kinds once.</summary>
    internal const string CSharpSample = """
        namespace Sample;

        /// <summary>A sample.</summary>
        public sealed class Sample<T>(int value) : IDisposable where T : class
        {
            private readonly int _value = value;

            public int Value => _value;

            public string Name { get; init; } = "";

            public event EventHandler? Changed;

            public async Task<int> RunAsync(T item, CancellationToken cancellationToken)
            {
                await Task.Yield();
                return item is null ? 0 : _value;
            }

            public void Dispose() => Changed?.Invoke(this, EventArgs.Empty);
        }

        public enum Kind { One, Two }

        public record Point(int X, int Y);

        public interface IThing { void Do(); }

        public struct Pair { public int A; }

        public delegate void Handler(object sender);
        """;

    /// <summary>
    /// Starts the warm-up (<paramref name="rules"/> when the command will assess code) and returns it; a command does
    /// not wait for it.
    /// </summary>
    public static Task Start(bool rules) => Task.WhenAll(
        TokenCounter.Default.WarmUpAsync(),
        Task.Run(() => CSharpSymbolExtractor.Extract("Sample.cs", CSharpSample, CancellationToken.None)),
        rules ? Task.Run(() => RuleCatalog.PatternRules) : Task.CompletedTask);
}
