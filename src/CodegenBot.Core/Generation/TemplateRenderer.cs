using System.Collections.Concurrent;
using Fluid;

namespace CodegenBot.Core.Generation;

/// <summary>
/// Renders Liquid templates (Fluid) from <c>templates/</c>. A repository may override any template by putting a
/// file with the same relative path under <c>.github/codegen/templates/</c>. Models are dictionaries and lists,
/// so templates see exactly the names the code gives them, in snake_case.
/// </summary>
internal sealed class TemplateRenderer(string? repositoryRoot)
{
    /// <summary>Where a repository keeps its template overrides, relative to its root.</summary>
    public const string OverrideFolder = ".github/codegen/templates";

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Shipped = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = new();

    /// <summary>Renders <paramref name="name"/> (such as <c>prompts/system.liquid</c>) with the model.</summary>
    public string Render(string name, IReadOnlyDictionary<string, object?> model)
    {
        var (template, origin) = Load(name);
        var context = new TemplateContext(Options);
        foreach (var (key, value) in model)
        {
            context.SetValue(key, value);
        }

        try
        {
            return template.Render(context, NullEncoder.Default);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or Parlot.ParseException)
        {
            throw new UserErrorException($"{origin}: the template failed to render ({ex.Message}); fix the template or remove the override.", ex);
        }
    }

    private (IFluidTemplate Template, string Origin) Load(string name)
    {
        if (repositoryRoot is not null)
        {
            var overridePath = Path.Combine(repositoryRoot, OverrideFolder, name);
            if (File.Exists(overridePath))
            {
                var origin = $"{OverrideFolder}/{name}";
                return (Parse(File.ReadAllText(overridePath), origin), origin);
            }
        }

        var resource = $"templates/{name}";
        return (Shipped.GetOrAdd(resource, r => Parse(ShippedResources.Read(r), r)), resource);
    }

    private static IFluidTemplate Parse(string source, string origin) =>
        Parser.TryParse(source, out var template, out var error)
            ? template
            : throw new UserErrorException($"{origin}: the template cannot be parsed ({error}); fix the Liquid syntax at that position.");
}
