using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class JavaNamingAnalyzerTests
{
    [Fact]
    public void Analyze_JavaMethodsAndTypes_CountsDeclarationsWithModifiers()
    {
        const string Code = """
            public class OrderService implements Service {
                private final Map<String, List<Order>> orders = new HashMap<>();

                public List<Order> findAll() { return List.of(); }
                protected static <T> T first(List<T> items) { return items.get(0); }
                private void Reset() { }
                void packagePrivate() { }
            }
            interface Service {}
            enum Status { OPEN }
            """;

        var patterns = PatternFixtures.Describe(new JavaNamingAnalyzer(), ("src/main/java/OrderService.java", Code));

        Assert.Equal(
        [
            "java methods camelCase | 2 of 3 methods (1 of 1 java files sampled) | 0.667",
            "java types PascalCase | 3 of 3 types (1 of 1 java files sampled) | 1",
        ], patterns);
    }
}
