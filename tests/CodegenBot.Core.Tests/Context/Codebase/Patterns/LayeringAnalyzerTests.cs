using CodegenBot.Core.Context.Codebase.Patterns;

namespace CodegenBot.Core.Tests.Context.Codebase.Patterns;

public sealed class LayeringAnalyzerTests
{
    [Fact]
    public void Analyze_CleanArchitectureWithFeatureFolders_ReportsBoth()
    {
        var patterns = PatternFixtures.Describe(
            new LayeringAnalyzer(),
            ("src/Domain/Order.cs", ""),
            ("src/Application/Features/Orders/PlaceOrder.cs", ""),
            ("src/Application/Features/Carts/AddToCart.cs", ""),
            ("src/Infrastructure/Db.cs", ""),
            ("src/Api/Program.cs", ""),
            ("README.md", ""));

        Assert.Equal(
        [
            "clean architecture | folders Domain, Application, Infrastructure, Api (4 of 4 layers) | 1",
            "feature folders | src/Application/Features with 2 feature folders; 2 of 5 source files | 0.4",
        ], patterns);
    }

    [Fact]
    public void Analyze_MavenTestTree_MirrorsMainTree()
    {
        var patterns = PatternFixtures.Describe(
            new LayeringAnalyzer(),
            ("src/main/java/com/acme/orders/OrderService.java", ""),
            ("src/main/java/com/acme/util/Text.java", ""),
            ("src/test/java/com/acme/orders/OrderServiceTest.java", ""),
            ("src/test/java/com/acme/util/TextTest.java", ""),
            ("src/test/java/com/acme/orders/fixtures/Data.java", ""));

        Assert.Equal(["tests mirror sources | 2 of 3 test files sit in folders that mirror source folders | 0.667"], patterns);
    }

    [Fact]
    public void Analyze_FlatRepository_ReportsNoArchitecture()
    {
        Assert.Empty(PatternFixtures.Analyze(new LayeringAnalyzer(), ("main.go", ""), ("util.go", ""), ("tests/test_main.py", "")));
    }
}
