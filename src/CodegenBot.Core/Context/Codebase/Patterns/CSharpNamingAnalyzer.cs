namespace CodegenBot.Core.Context.Codebase.Patterns;

/// <summary>
/// C# naming: types, interfaces (<c>I</c> prefix), methods (test files apart), test methods, private instance fields
/// (<c>_camelCase</c>, <c>camelCase</c>, <c>m_</c>) and <c>var</c> locals.
/// </summary>
internal sealed class CSharpNamingAnalyzer : IPatternAnalyzer
{
    private const string Language = "csharp";

    public IEnumerable<CodePattern> Analyze(SourceSample sample)
    {
        var files = sample.Of(Language);
        var note = sample.Note(Language);
        var types = files.SelectMany(f => f.CSharpTypes).ToList();
        var interfaces = types.Where(t => t.Keyword == "interface").Select(t => t.Name).ToList();
        var methods = files.Where(f => !f.IsTest).SelectMany(f => f.CSharpMethods).Select(m => m.Name).ToList();
        var testMethods = files.Where(f => f.IsTest).SelectMany(f => f.CSharpMethods)
            .Where(m => m.Modifiers.Contains("public", StringComparison.Ordinal) && (m.ReturnType == "void" || CSharpSyntax.IsTaskType(m.ReturnType)))
            .Select(m => m.Name).ToList();
        var fields = files.SelectMany(f => f.CSharpPrivateInstanceFields).ToList();
        var locals = files.SelectMany(f => f.CSharpLocals).ToList();

        CodePattern?[] patterns =
        [
            NamingConventions.Dominant("csharp types", "types", types.Select(t => t.Name).ToList(), [NamingConventions.Pascal, NamingConventions.Camel], note),
            InterfacePrefix(interfaces, note),
            NamingConventions.Dominant("csharp methods", "methods", methods, [NamingConventions.Pascal, NamingConventions.Camel, NamingConventions.Snake], note),
            NamingConventions.Dominant("csharp test methods", "test methods", testMethods, [NamingConventions.Underscored, NamingConventions.Pascal, NamingConventions.Snake], note),
            NamingConventions.Dominant("csharp private fields", "fields", fields, [NamingConventions.UnderscoreCamel, NamingConventions.Camel, NamingConventions.MPrefix, NamingConventions.Pascal], note),
            NamingConventions.Dominant("csharp locals", "locals", locals, [NamingConventions.Camel, NamingConventions.Pascal, NamingConventions.Snake], note),
        ];
        return patterns.OfType<CodePattern>();
    }

    private static CodePattern? InterfacePrefix(List<string> interfaces, string note)
    {
        if (interfaces.Count < NamingConventions.MinNames)
        {
            return null;
        }

        var prefixed = interfaces.Count(i => i.Length > 1 && i[0] == 'I' && char.IsUpper(i[1]));
        return new CodePattern("naming", "csharp interfaces I-prefixed", NamingConventions.Evidence(prefixed, interfaces.Count, "interfaces", note), NamingConventions.Share(prefixed, interfaces.Count));
    }
}
