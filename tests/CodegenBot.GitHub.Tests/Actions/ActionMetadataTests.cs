using CodegenBot.GitHub.Actions;
using CodegenBot.Testing;
using YamlDotNet.RepresentationModel;

namespace CodegenBot.GitHub.Tests.Actions;

/// <summary>action.yml and the code that reads its inputs and writes its outputs must not drift apart.</summary>
public sealed class ActionMetadataTests
{
    [Theory]
    [InlineData("action.yml")]
    [InlineData("action/assess/action.yml")]
    public void Metadata_DeclaresOnlyInputsTheRunnerReads_AndOutputsItWrites(string file)
    {
        var root = Load(file);

        var inputs = Keys(root, "inputs");
        var outputs = Keys(root, "outputs");

        Assert.Empty(inputs.Except(ActionEnvironment.InputNames));
        Assert.Empty(outputs.Except(ActionEnvironment.OutputNames));
        Assert.Equal("docker", ((YamlScalarNode)((YamlMappingNode)root["runs"])["using"]).Value);
    }

    [Fact]
    public void MainAction_DeclaresEveryInputButTheAssessOne_AndEveryOutput()
    {
        var root = Load("action.yml");

        Assert.Equal(ActionEnvironment.InputNames.Where(n => n != "fail_below_threshold").Order(), Keys(root, "inputs").Order());
        Assert.Equal(ActionEnvironment.OutputNames.Order(), Keys(root, "outputs").Order());
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, file));
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static List<string> Keys(YamlMappingNode root, string section) =>
        root.Children.TryGetValue(new YamlScalarNode(section), out var node) && node is YamlMappingNode map
            ? map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToList()
            : [];
}
