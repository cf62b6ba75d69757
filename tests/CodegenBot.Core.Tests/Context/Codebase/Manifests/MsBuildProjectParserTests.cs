using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class MsBuildProjectParserTests
{
    [Fact]
    public void Parse_CentralManagement_TakesTheNearestPackagesPropsAndVersionOverride()
    {
        const string Project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Polly.Core" />
                <PackageReference Include="Serilog" VersionOverride="4.1.0" />
                <PackageReference Include="Unknown.Package" />
                <PackageReference Include="Roslynator.Analyzers" PrivateAssets="All" />
              </ItemGroup>
            </Project>
            """;
        var repository = CodebaseFixtures.Snapshot(
            ("Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"Polly.Core\" Version=\"1.0.0\" /></ItemGroup></Project>"),
            ("src/Directory.Packages.props", "<Project><ItemGroup><PackageVersion Include=\"Polly.Core\" Version=\"8.9.1\" /><PackageVersion Include=\"Roslynator.Analyzers\" Version=\"4.12.0\" /><GlobalPackageReference Include=\"Nerdbank.GitVersioning\" Version=\"3.6.0\" /></ItemGroup></Project>"),
            ("src/App/App.csproj", Project));

        var dependencies = new MsBuildProjectParser().Parse("src/App/App.csproj", Project, repository);

        Assert.Equal(
        [
            new Dependency("nuget", "Polly.Core", "8.9.1", "src/App/App.csproj", false),
            new Dependency("nuget", "Serilog", "4.1.0", "src/App/App.csproj", false),
            new Dependency("nuget", "Unknown.Package", null, "src/App/App.csproj", false),
            new Dependency("nuget", "Roslynator.Analyzers", "4.12.0", "src/App/App.csproj", true),
        ], dependencies);
    }

    [Fact]
    public void Parse_PackagesProps_ListsGlobalReferencesAsDevelopment()
    {
        const string Props = "<Project><ItemGroup><PackageVersion Include=\"A\" Version=\"1\" /><GlobalPackageReference Include=\"Nerdbank.GitVersioning\" Version=\"3.6.0\" /></ItemGroup></Project>";

        var dependencies = new MsBuildProjectParser().Parse("Directory.Packages.props", Props, CodebaseFixtures.Snapshot(("Directory.Packages.props", Props)));

        Assert.Equal([new Dependency("nuget", "Nerdbank.GitVersioning", "3.6.0", "Directory.Packages.props", true)], dependencies);
    }

    [Fact]
    public void Parse_TestProjectWithVersionElements_MarksEveryPackageDevelopment()
    {
        const string Project = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><IsTestProject>true</IsTestProject><FluentVersion>6.12.0</FluentVersion></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NUnit"><Version>4.1.0</Version></PackageReference>
                <PackageReference Include="FluentAssertions" Version="$(FluentVersion)" />
              </ItemGroup>
            </Project>
            """;

        var dependencies = new MsBuildProjectParser().Parse("T/T.csproj", Project, CodebaseFixtures.Snapshot(("T/T.csproj", Project)));

        Assert.Equal([new Dependency("nuget", "NUnit", "4.1.0", "T/T.csproj", true), new Dependency("nuget", "FluentAssertions", "6.12.0", "T/T.csproj", true)], dependencies);
    }
}
