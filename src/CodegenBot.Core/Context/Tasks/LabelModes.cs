using CodegenBot.Core.Requests;

namespace CodegenBot.Core.Context.Tasks;

/// <summary>The generation mode issue labels ask for: <c>codegen:&lt;mode&gt;</c> first, then common label names.</summary>
internal static class LabelModes
{
    private static readonly Dictionary<string, GenerationMode> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bug"] = GenerationMode.Bugfix, ["defect"] = GenerationMode.Bugfix, ["regression"] = GenerationMode.Bugfix,
        ["enhancement"] = GenerationMode.Feature, ["feature"] = GenerationMode.Feature,
        ["refactor"] = GenerationMode.Refactor, ["refactoring"] = GenerationMode.Refactor, ["tech-debt"] = GenerationMode.Refactor,
        ["test"] = GenerationMode.Test, ["tests"] = GenerationMode.Test, ["testing"] = GenerationMode.Test,
        ["documentation"] = GenerationMode.Docs, ["docs"] = GenerationMode.Docs,
        ["performance"] = GenerationMode.Optimize, ["perf"] = GenerationMode.Optimize, ["optimization"] = GenerationMode.Optimize,
    };

    public static GenerationMode? From(IReadOnlyList<string> labels)
    {
        foreach (var label in labels)
        {
            if (label.StartsWith("codegen:", StringComparison.OrdinalIgnoreCase)
                && Enum.TryParse<GenerationMode>(label["codegen:".Length..], ignoreCase: true, out var explicitMode))
            {
                return explicitMode;
            }
        }

        return labels.Select(l => Common.TryGetValue(l, out var mode) ? mode : (GenerationMode?)null).FirstOrDefault(m => m is not null);
    }
}
