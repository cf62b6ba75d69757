using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CodegenBot.Core.Configuration;

/// <summary>Reads one YAML configuration text into a <see cref="ConfigMap"/> that remembers file, line and column.</summary>
internal static class YamlConfigReader
{
    public static ConfigMap Read(string text, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new ConfigurationException(
                $"{origin}:{ex.Start.Line}:{ex.Start.Column}: the YAML cannot be read ({FirstSentence(ex)}); fix the syntax at that line.", ex);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigMap(new ConfigSource(origin, 1, 1), []);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode)
        {
            throw new ConfigurationException(
                $"{origin}:{root.Start.Line}:{root.Start.Column}: the file must be a mapping of sections (model:, context:, ...), not a {Describe(root)}.");
        }

        return (ConfigMap)Convert(root, origin);
    }

    private static ConfigNode Convert(YamlNode node, string origin)
    {
        var source = new ConfigSource(origin, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode map:
                var entries = new List<KeyValuePair<string, ConfigNode>>(map.Children.Count);
                foreach (var (key, value) in map.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new ConfigurationException(
                            $"{origin}:{key.Start.Line}:{key.Start.Column}: a key must be a plain word, not a {Describe(key)}.");
                    }

                    entries.Add(new(name, Convert(value, origin)));
                }

                return new ConfigMap(source, entries);
            case YamlSequenceNode sequence:
                return new ConfigList(source, sequence.Children.Select(c => Convert(c, origin)).ToList());
            case YamlScalarNode scalar:
                return new ConfigScalar(source, scalar.Value ?? "");
            default:
                throw new ConfigurationException($"{source}: YAML aliases and tags are not supported in configuration; write the value out.");
        }
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        YamlMappingNode => "mapping",
        _ => "single value",
    };

    private static string FirstSentence(YamlException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        var closing = message.IndexOf("):", StringComparison.Ordinal);
        return (closing >= 0 ? message[(closing + 2)..] : message).Trim().TrimEnd('.');
    }
}
