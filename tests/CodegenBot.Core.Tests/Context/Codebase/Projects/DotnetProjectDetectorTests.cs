using CodegenBot.Core.Context.Codebase.Projects;

namespace CodegenBot.Core.Tests.Context.Codebase.Projects;

public sealed class DotnetProjectDetectorTests
{
    [Fact]
    public void Detect_TestFrameworkFromDirectoryBuildProps_MarksTheTestProject()
    {
        var projects = ProjectFixtures.Detect(
            new DotnetProjectDetector(),
            ("tests/Directory.Build.props", "<Project><ItemGroup Condition=\"'$(IsTestProject)' == 'true'\"><PackageReference Include=\"xunit.v3.mtp-off\" /></ItemGroup></Project>"),
            ("tests/App.Tests/App.Tests.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><IsTestProject>true</IsTestProject><OutputType>Exe</OutputType></PropertyGroup></Project>"),
            ("tests/App.Testing/App.Testing.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />"));

        Assert.Equal(
        [
            "tests/App.Testing | dotnet-library | App.Testing | False |  | ",
            "tests/App.Tests | dotnet-test | App.Tests | True | xunit | ",
        ], projects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Detect_ExeWithoutProgramCs_FindsTheStaticMain()
    {
        var projects = ProjectFixtures.Detect(
            new DotnetProjectDetector(),
            ("tool/Tool.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><OutputType>Exe</OutputType><AssemblyName>mytool</AssemblyName></PropertyGroup></Project>"),
            ("tool/Entry.cs", "static class Entry\n{\n    public static async Task<int> Main(string[] args) => 0;\n}\n"),
            ("tool/Other.cs", "class Other { }\n"),
            ("worker/Worker.csproj", "<Project Sdk=\"Microsoft.NET.Sdk.Worker\" />"),
            ("worker/Program.cs", "Host.CreateApplicationBuilder(args).Build().Run();\n"),
            ("broken/Broken.csproj", "<Project"));

        Assert.Equal(["tool | dotnet-exe | mytool | False |  | tool/Entry.cs", "worker | dotnet-worker | Worker | False |  | worker/Program.cs"], projects);
    }
}
