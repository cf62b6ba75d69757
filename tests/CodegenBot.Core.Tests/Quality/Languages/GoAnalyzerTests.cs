using CodegenBot.Core.Quality.Languages;

namespace CodegenBot.Core.Tests.Quality.Languages;

public sealed class GoAnalyzerTests
{
    private const string Code = """
        package server

        // Server serves.
        type Server struct {
            addr string
        }

        type handler interface {
            ServeHTTP()
        }

        // Start starts the server.
        func (s *Server) Start(ctx context.Context, retries int) error {
            for i := 0; i < retries && ctx.Err() == nil; i++ {
                if err := s.listen(); err != nil || i > 3 {
                    return err
                }
            }
            switch s.addr {
            case "":
                return nil
            case "a", "b":
                go func() {
                    if s != nil {
                        s.stop()
                    }
                }()
            default:
            }
            return nil
        }

        func Parse_Addr(userID string) (host string, err error) {
            return userID, nil
        }

        func NewHTTPServer() *Server { return &Server{} }
        """;

    private static readonly GoAnalyzer Analyzer = new();

    [Fact]
    public async Task AnalyzeAsync_MethodWithReceiver_GocycloCountsFunctionLiteralsInside()
    {
        var analysis = await Analyzer.AnalyzeAsync("server.go", Code);

        Assert.Equal(["Server.Start", "Parse_Addr", "NewHTTPServer"], analysis.Functions.Select(f => f.Name));
        var start = analysis.Function("Server.Start");

        // 1 + for + && + if + || + case + case + if (inside the function literal)
        Assert.Equal((13, 18, 31, 2, 8), (start.Line, start.Column, start.EndLine, start.Parameters, start.CyclomaticComplexity));
        Assert.Equal(["Server", "handler"], analysis.Types.Select(t => t.Name));
    }

    [Fact]
    public async Task AnalyzeAsync_ExportedIdentifiers_DocCommentsDirectlyAbove()
    {
        var analysis = await Analyzer.AnalyzeAsync("server.go", Code);

        Assert.Equal([("Server", true), ("Server.Start", true), ("Parse_Addr", false), ("NewHTTPServer", false)], analysis.PublicApi.Select(a => (a.Name, a.Documented)));
    }

    [Fact]
    public async Task AnalyzeAsync_Naming_MixedCapsWithInitialismsPass()
    {
        var analysis = await Analyzer.AnalyzeAsync("server.go", Code, AnalyzerTesting.Options(("exported", "PascalCase"), ("unexported", "camelCase")));

        var finding = Assert.Single(analysis.Findings);
        Assert.Equal((33, "rename 'Parse_Addr' to 'ParseAddr'"), (finding.Line, finding.FixHint));
        Assert.Contains("exported function name", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("package httpServer\n", 1)]
    [InlineData("package http_server\n", 1)]
    [InlineData("package server\n", 0)]
    [InlineData("package server_test\n", 0)]
    public async Task AnalyzeAsync_PackageName_IsLowercase(string content, int findings) =>
        Assert.Equal(findings, (await Analyzer.AnalyzeAsync("a.go", content, AnalyzerTesting.Options(("package", "lowercase")))).Findings.Count);

    [Theory]
    [InlineData("server_test.go", "package server\n", true)]
    [InlineData("util.go", "package util\n\nimport \"testing\"\n", true)]
    [InlineData("util.go", "package util\n", false)]
    public async Task AnalyzeAsync_TestConventions_SetsIsTest(string path, string content, bool expected) =>
        Assert.Equal(expected, (await Analyzer.AnalyzeAsync(path, content)).IsTest);
}
