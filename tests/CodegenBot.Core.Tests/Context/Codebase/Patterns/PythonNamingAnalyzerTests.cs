using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class PythonNamingAnalyzerTests
{
    [Fact]
    public void Analyze_PythonDunderMethods_AreNotCounted()
    {
        const string Code = """
            class Order:
                def __init__(self):
                    pass

                def __repr__(self):
                    return "Order"

                def total(self):
                    pass

                async def fetch_lines(self):
                    pass

                def _helper(self):
                    pass

            class line_item:
                pass

            class Invoice:
                pass
            """;

        var patterns = PatternFixtures.Describe(new PythonNamingAnalyzer(), ("shop/order.py", Code));

        Assert.Equal(
        [
            "python functions snake_case | 3 of 3 functions (1 of 1 python files sampled) | 1",
            "python classes PascalCase | 2 of 3 classes (1 of 1 python files sampled) | 0.667",
        ], patterns);
    }
}
