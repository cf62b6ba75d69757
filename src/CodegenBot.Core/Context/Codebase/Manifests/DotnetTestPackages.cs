namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>Recognises .NET test frameworks from package names.</summary>
internal static class DotnetTestPackages
{
    /// <summary>Package name prefixes and the framework they mean, first match wins.</summary>
    private static readonly (string Prefix, string Framework)[] Frameworks =
    [
        ("xunit", "xunit"), ("nunit", "nunit"), ("mstest", "mstest"), ("Microsoft.VisualStudio.TestPlatform.TestFramework", "mstest"), ("tunit", "tunit"),
    ];

    /// <summary>The test framework the packages mean, or null.</summary>
    public static string? Framework(IEnumerable<string> packages) =>
        packages.Select(p => Frameworks.FirstOrDefault(f => p.StartsWith(f.Prefix, StringComparison.OrdinalIgnoreCase)).Framework)
            .FirstOrDefault(f => f is not null);

    /// <summary>Whether a package is only used by tests: a framework, its adapters, the VSTest SDK or coverlet.</summary>
    public static bool IsTestPackage(string package) =>
        Framework([package]) is not null || package.Equals("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("coverlet", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the packages make a test project (a framework, or the VSTest SDK).</summary>
    public static bool IsTestProject(IReadOnlyCollection<string> packages, bool isTestProjectProperty) =>
        isTestProjectProperty || Framework(packages) is not null
        || packages.Contains("Microsoft.NET.Test.Sdk", StringComparer.OrdinalIgnoreCase);
}
