using System.Text;
using System.Text.RegularExpressions;

namespace CodegenBot.Core.Configuration;

/// <summary>Prints the effective configuration as YAML, each value followed by where it came from; secrets masked.</summary>
public static partial class ConfigurationPrinter
{
    /// <summary>The text shown in place of a secret.</summary>
    public const string Mask = "****";

    /// <summary>Lists longer than this print one item per line.</summary>
    private const int FlowListWidth = 72;

    /// <summary>Renders the tree; <paramref name="showSources"/> adds a <c># source</c> comment per value.</summary>
    public static string Print(ConfigMap tree, bool showSources = true)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var builder = new StringBuilder();
        Write(builder, tree, 0, showSources);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, ConfigMap map, int depth, bool showSources)
    {
        var indent = new string(' ', depth * 2);
        foreach (var (key, value) in map.Entries)
        {
            switch (value)
            {
                case ConfigMap { Entries.Count: > 0 } child:
                    builder.Append(indent).Append(key).Append(':').AppendLine();
                    Write(builder, child, depth + 1, showSources);
                    break;
                case ConfigMap:
                    AppendLeaf(builder, indent, key, "{}", value.Source, showSources);
                    break;
                case ConfigList list:
                    var items = list.Items.Select(i => i is ConfigScalar s ? Quote(MaskIfSecret(key, s.Value)) : "…").ToList();
                    if (items.Sum(i => i.Length + 2) <= FlowListWidth)
                    {
                        AppendLeaf(builder, indent, key, $"[{string.Join(", ", items)}]", value.Source, showSources);
                        break;
                    }

                    builder.Append(indent).Append(key).Append(':');
                    if (showSources)
                    {
                        builder.Append("  # ").Append(value.Source);
                    }

                    builder.AppendLine();
                    items.ForEach(item => builder.Append(indent).Append("  - ").Append(item).AppendLine());
                    break;
                case ConfigScalar scalar:
                    AppendLeaf(builder, indent, key, Quote(MaskIfSecret(key, scalar.Value)), value.Source, showSources);
                    break;
            }
        }
    }

    private static void AppendLeaf(StringBuilder builder, string indent, string key, string value, ConfigSource source, bool showSources)
    {
        builder.Append(indent).Append(key).Append(": ").Append(value);
        if (showSources)
        {
            builder.Append("  # ").Append(source);
        }

        builder.AppendLine();
    }

    /// <summary>
    /// Masks values of secret-looking keys (token, secret, password, credential; but not <c>*_env</c>, which name a
    /// variable) and the user-info part of URLs.
    /// </summary>
    internal static string MaskIfSecret(string key, string value)
    {
        if (value.Length > 0 && SecretKey().IsMatch(key) && !key.EndsWith("_env", StringComparison.Ordinal))
        {
            return Mask;
        }

        return UrlUserInfo().Replace(value, $"$1{Mask}@");
    }

    private static string Quote(string value) =>
        value.Length == 0 || value.IndexOfAny([':', '#', '[', ']', '{', '}', ',', '*', '&', '!', '|', '>', '\'', '"', '%', '@', '`']) >= 0 || value != value.Trim()
            ? $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\""
            : value;

    [GeneratedRegex("(^|_)(token|secret|password|passwd|credentials?|api_key|apikey|private_key)$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"(\w+://)[^/@\s]+@")]
    private static partial Regex UrlUserInfo();
}
