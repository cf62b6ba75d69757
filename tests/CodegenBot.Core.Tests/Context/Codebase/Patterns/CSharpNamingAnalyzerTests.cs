using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class CSharpNamingAnalyzerTests
{
    [Fact]
    public void Analyze_MPrefixedFields_ReportsTheDominantFieldConvention()
    {
        const string Code = """
            // class Commented
            namespace Legacy
            {
                public class Store : IStore
                {
                    private const int MaxItems = 10;
                    private static readonly object Gate = new();
                    private int m_count;
                    private string m_name = "store";
                    readonly List<int> m_items = new();
                    private Dictionary<string, int> _index;
                    private event EventHandler Changed;

                    public int Count => m_count;

                    public void add_item(int item)
                    {
                        var total = m_count + item;
                    }

                    protected virtual IEnumerable<int> Items() => m_items;

                    private static string Describe(int count) => "items";
                }

                public interface IStore { }
                internal interface Repository { }
                public interface IClock { }
            }
            """;

        var patterns = PatternFixtures.Describe(new CSharpNamingAnalyzer(), ("Legacy/Store.cs", Code));

        Assert.Equal(
        [
            "csharp types PascalCase | 4 of 4 types (1 of 1 csharp files sampled) | 1",
            "csharp interfaces I-prefixed | 2 of 3 interfaces (1 of 1 csharp files sampled) | 0.667",
            "csharp methods PascalCase | 2 of 3 methods (1 of 1 csharp files sampled) | 0.667",
            "csharp private fields m_camelCase | 3 of 4 fields (1 of 1 csharp files sampled) | 0.75",
        ], patterns);
    }
}
