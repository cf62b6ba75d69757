using CodegenBot.Core.Quality.CSharp;

namespace CodegenBot.Core.Tests.Quality.CSharp;

public sealed class RestoredPackagesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("codegen-assets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void CompileAssemblies_RestoredProject_ReturnsTheNewestNetTargetsCompileAssets()
    {
        var packages = Path.Combine(_root, "packages") + "/";
        Dll(packages, "lib/lib/net8.0/Lib.dll");
        Dll(packages, "lib/lib/netstandard2.0/Lib.dll");
        Assets($$"""
            {
              "targets": {
                "netstandard2.0": { "Lib/1.0.0": { "type": "package", "compile": { "lib/netstandard2.0/Lib.dll": {} } } },
                "net8.0": {
                  "Lib/1.0.0": { "type": "package", "compile": { "lib/net8.0/Lib.dll": {} } },
                  "Empty/1.0.0": { "type": "package", "compile": { "lib/net8.0/_._": {} } },
                  "Sibling/1.0.0": { "type": "project", "compile": { "bin/placeholder/Sibling.dll": {} } }
                },
                "net8.0/linux-x64": { "Lib/1.0.0": { "type": "package", "compile": { "runtimes/x.dll": {} } } }
              },
              "libraries": { "Lib/1.0.0": { "path": "lib" }, "Empty/1.0.0": { "path": "empty" }, "Sibling/1.0.0": { "path": "../Sibling/Sibling.csproj" } },
              "packageFolders": { "{{packages}}": {} }
            }
            """);

        Assert.Equal([Path.Combine(_root, "packages", "lib", "lib", "net8.0", "Lib.dll")], RestoredPackages.CompileAssemblies(Path.Combine(_root, "app")));
    }

    [Fact]
    public void CompileAssemblies_PathLeavingThePackageFolders_IsIgnored()
    {
        var packages = Path.Combine(_root, "packages") + "/";
        Dll(_root, "outside/Evil.dll");
        Assets($$"""
            {
              "targets": { "net8.0": { "Evil/1.0.0": { "type": "package", "compile": { "../outside/Evil.dll": {} } } } },
              "libraries": { "Evil/1.0.0": { "path": "evil" } },
              "packageFolders": { "{{packages}}": {} }
            }
            """);

        Assert.Empty(RestoredPackages.CompileAssemblies(Path.Combine(_root, "app")));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{}")]
    [InlineData("{\"targets\": [], \"libraries\": {}, \"packageFolders\": {}}")]
    public void CompileAssemblies_MalformedAssetsFile_IsNoPackagesNotAnError(string content)
    {
        Assets(content);

        Assert.Empty(RestoredPackages.CompileAssemblies(Path.Combine(_root, "app")));
    }

    [Fact]
    public void CompileAssemblies_UnrestoredProject_IsNoPackages() => Assert.Empty(RestoredPackages.CompileAssemblies(_root));

    private void Assets(string json)
    {
        Directory.CreateDirectory(Path.Combine(_root, "app", "obj"));
        File.WriteAllText(Path.Combine(_root, "app", "obj", "project.assets.json"), json);
    }

    private static void Dll(string folder, string relative)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, [0x4D, 0x5A]);
    }
}
