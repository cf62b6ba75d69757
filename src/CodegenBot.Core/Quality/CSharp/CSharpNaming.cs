using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// The .NET naming guidelines as the runtime's own .editorconfig applies them: types, members and enum values
/// PascalCase; interfaces I-prefixed; parameters and locals camelCase; private fields <c>_camelCase</c>,
/// <c>camelCase</c> or <c>s_</c>/<c>t_</c>-prefixed; constants and static readonly fields PascalCase (constants
/// may also be UPPER_CASE); type parameters T-prefixed. Test methods may separate words with underscores
/// (<c>Parse_Empty_Throws</c>).
/// </summary>
internal static class CSharpNaming
{
    /// <summary>Violations of a repository's .editorconfig naming rules (used instead of the defaults when it has any).</summary>
    public static IEnumerable<(SyntaxToken Token, string Kind, string Convention, string Suggestion, FindingSeverity Severity)> Violations(SyntaxNode root, EditorConfigNaming rules)
    {
        foreach (var (token, symbol) in Declarations(root))
        {
            if (rules.Check(symbol) is { } violation)
            {
                yield return (token, symbol.Kind.Replace('_', ' '), violation.Expected, rules.Suggest(symbol), violation.Severity);
            }
        }
    }

    /// <summary>Every named declaration with the kind, accessibility and modifiers .editorconfig rules match on.</summary>
    internal static IEnumerable<(SyntaxToken Token, NamedSymbol Symbol)> Declarations(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes())
        {
            var declared = node switch
            {
                ClassDeclarationSyntax c => (c.Identifier, "class", (MemberDeclarationSyntax?)c),
                RecordDeclarationSyntax r => (r.Identifier, r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "struct" : "class", r),
                StructDeclarationSyntax s => (s.Identifier, "struct", s),
                InterfaceDeclarationSyntax i => (i.Identifier, "interface", i),
                EnumDeclarationSyntax e => (e.Identifier, "enum", e),
                DelegateDeclarationSyntax d => (d.Identifier, "delegate", d),
                MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null && !m.Modifiers.Any(SyntaxKind.OverrideKeyword) => (m.Identifier, "method", m),
                PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null && !p.Modifiers.Any(SyntaxKind.OverrideKeyword) => (p.Identifier, "property", p),
                EventDeclarationSyntax e => (e.Identifier, "event", e),
                _ => (default(SyntaxToken), "", null),
            };
            if (declared.Item3 is { } member && declared.Item1.ValueText.Length > 0)
            {
                yield return (declared.Item1, new NamedSymbol(declared.Item1.ValueText, declared.Item2, Accessibility(member), Modifiers(member.Modifiers)));
                continue;
            }

            switch (node)
            {
                case VariableDeclaratorSyntax v when v.Identifier.ValueText.Length == 0:
                    break;
                case VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } v:
                    yield return (v.Identifier, new NamedSymbol(v.Identifier.ValueText, "field", Accessibility(field), Modifiers(field.Modifiers)));
                    break;
                case VariableDeclaratorSyntax { Parent.Parent: EventFieldDeclarationSyntax eventField } v:
                    yield return (v.Identifier, new NamedSymbol(v.Identifier.ValueText, "event", Accessibility(eventField), Modifiers(eventField.Modifiers)));
                    break;
                case VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax local } v:
                    yield return (v.Identifier, new NamedSymbol(v.Identifier.ValueText, "local", "local", Modifiers(local.Modifiers)));
                    break;
                case LocalFunctionStatementSyntax f:
                    yield return (f.Identifier, new NamedSymbol(f.Identifier.ValueText, "local_function", "local", Modifiers(f.Modifiers)));
                    break;
                case ParameterSyntax p when p.Parent is ParameterListSyntax && p.Parent.Parent is not RecordDeclarationSyntax && p.Identifier.ValueText.Length > 0:
                    yield return (p.Identifier, new NamedSymbol(p.Identifier.ValueText, "parameter", "local", new HashSet<string>()));
                    break;
                case TypeParameterSyntax t when t.Identifier.ValueText.Length > 0:
                    yield return (t.Identifier, new NamedSymbol(t.Identifier.ValueText, "type_parameter", "local", new HashSet<string>()));
                    break;
            }
        }
    }

    private static string Accessibility(MemberDeclarationSyntax member)
    {
        var m = member.Modifiers;
        return (m.Any(SyntaxKind.PublicKeyword), m.Any(SyntaxKind.InternalKeyword), m.Any(SyntaxKind.ProtectedKeyword), m.Any(SyntaxKind.PrivateKeyword)) switch
        {
            (true, _, _, _) => "public",
            (_, true, true, _) => "protected_internal",
            (_, _, true, true) => "private_protected",
            (_, true, _, _) => "internal",
            (_, _, true, _) => "protected",
            (_, _, _, true) => "private",
            _ when member.Parent is InterfaceDeclarationSyntax => "public",
            _ when member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && member.Parent is not TypeDeclarationSyntax => "internal",
            _ => "private",
        };
    }

    private static HashSet<string> Modifiers(SyntaxTokenList modifiers) => modifiers
        .Select(t => t.Kind() switch
        {
            SyntaxKind.AbstractKeyword => "abstract",
            SyntaxKind.AsyncKeyword => "async",
            SyntaxKind.ConstKeyword => "const",
            SyntaxKind.ReadOnlyKeyword => "readonly",
            SyntaxKind.StaticKeyword => "static",
            _ => "",
        })
        .Where(m => m.Length > 0)
        .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<(SyntaxToken Token, string Kind, string Convention, string Suggestion)> Violations(SyntaxNode root, bool isTest)
    {
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case InterfaceDeclarationSyntax i when !(i.Identifier.ValueText.Length > 1 && i.Identifier.ValueText[0] == 'I' && char.IsUpper(i.Identifier.ValueText[1])):
                    yield return (i.Identifier, "interface", "IPascalCase", "I" + Pascal(i.Identifier.ValueText));
                    break;
                case BaseTypeDeclarationSyntax t when t is not InterfaceDeclarationSyntax && !IsPascal(t.Identifier.ValueText):
                    yield return (t.Identifier, "type", "PascalCase", Pascal(t.Identifier.ValueText));
                    break;
                case DelegateDeclarationSyntax d when !IsPascal(d.Identifier.ValueText):
                    yield return (d.Identifier, "delegate", "PascalCase", Pascal(d.Identifier.ValueText));
                    break;
                case MethodDeclarationSyntax m when m.ExplicitInterfaceSpecifier is null && !m.Modifiers.Any(SyntaxKind.OverrideKeyword) && !IsPascal(m.Identifier.ValueText, allowUnderscores: isTest):
                    yield return (m.Identifier, "method", "PascalCase", Pascal(m.Identifier.ValueText));
                    break;
                case LocalFunctionStatementSyntax l when !IsPascal(l.Identifier.ValueText, allowUnderscores: isTest):
                    yield return (l.Identifier, "local function", "PascalCase", Pascal(l.Identifier.ValueText));
                    break;
                case PropertyDeclarationSyntax p when p.ExplicitInterfaceSpecifier is null && !p.Modifiers.Any(SyntaxKind.OverrideKeyword) && !IsPascal(p.Identifier.ValueText):
                    yield return (p.Identifier, "property", "PascalCase", Pascal(p.Identifier.ValueText));
                    break;
                case EventDeclarationSyntax e when !IsPascal(e.Identifier.ValueText):
                    yield return (e.Identifier, "event", "PascalCase", Pascal(e.Identifier.ValueText));
                    break;
                case EnumMemberDeclarationSyntax v when !IsPascal(v.Identifier.ValueText) && !IsUpper(v.Identifier.ValueText):
                    yield return (v.Identifier, "enum value", "PascalCase", Pascal(v.Identifier.ValueText));
                    break;
                case ParameterSyntax p when p.Parent is ParameterListSyntax or BracketedParameterListSyntax && p.Parent.Parent is not RecordDeclarationSyntax && !IsCamel(p.Identifier.ValueText):
                    yield return (p.Identifier, "parameter", "camelCase", Camel(p.Identifier.ValueText));
                    break;
                case TypeParameterSyntax tp when tp.Identifier.ValueText.Length > 0 && !(tp.Identifier.ValueText == "T" || (tp.Identifier.ValueText[0] == 'T' && IsPascal(tp.Identifier.ValueText[1..])) || IsPascal(tp.Identifier.ValueText)):
                    yield return (tp.Identifier, "type parameter", "TPascalCase", "T" + Pascal(tp.Identifier.ValueText));
                    break;
                case VariableDeclaratorSyntax v when v.Parent?.Parent is LocalDeclarationStatementSyntax local && !local.IsConst && !IsCamel(v.Identifier.ValueText):
                    yield return (v.Identifier, "local", "camelCase", Camel(v.Identifier.ValueText));
                    break;
                case VariableDeclaratorSyntax v when v.Parent?.Parent is FieldDeclarationSyntax field && FieldViolation(field, v.Identifier.ValueText) is { } violation:
                    yield return (v.Identifier, violation.Kind, violation.Convention, violation.Suggestion);
                    break;
            }
        }
    }

    private static (string Kind, string Convention, string Suggestion)? FieldViolation(FieldDeclarationSyntax field, string name)
    {
        var modifiers = field.Modifiers;
        var isConst = modifiers.Any(SyntaxKind.ConstKeyword);
        var isStaticReadonly = modifiers.Any(SyntaxKind.StaticKeyword) && modifiers.Any(SyntaxKind.ReadOnlyKeyword);
        var exposed = modifiers.Any(SyntaxKind.PublicKeyword) || modifiers.Any(SyntaxKind.ProtectedKeyword) || modifiers.Any(SyntaxKind.InternalKeyword);
        if (isConst)
        {
            return IsPascal(name) || IsUpper(name) || (!exposed && IsPrivateField(name)) ? null : ("constant", "PascalCase", Pascal(name));
        }

        if (exposed && !modifiers.Any(SyntaxKind.PrivateKeyword))
        {
            return IsPascal(name) || (isStaticReadonly && IsUpper(name)) ? null : ("non-private field", "PascalCase", Pascal(name));
        }

        return IsPrivateField(name) || (isStaticReadonly && IsPascal(name)) ? null : ("private field", "_camelCase", "_" + Camel(name));
    }

    private static bool IsPrivateField(string name)
    {
        var body = name.StartsWith("s_", StringComparison.Ordinal) || name.StartsWith("t_", StringComparison.Ordinal) || name.StartsWith("m_", StringComparison.Ordinal)
            ? name[2..]
            : name.TrimStart('_');
        return body.Length > 0 && IsCamel(body);
    }

    internal static bool IsPascal(string name, bool allowUnderscores = false)
    {
        name = name.TrimStart('@');
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return false;
        }

        return allowUnderscores
            ? name.Split('_').All(part => part.Length == 0 || char.IsUpper(part[0]) || char.IsDigit(part[0]))
            : !name.Contains('_', StringComparison.Ordinal);
    }

    internal static bool IsCamel(string name)
    {
        name = name.TrimStart('@');
        return name.Length == 0 || name.All(c => c == '_') || (char.IsLower(name[0]) && !name.Contains('_', StringComparison.Ordinal));
    }

    private static bool IsUpper(string name) => name.Length > 1 && name.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '_') && name.Any(char.IsLetter);

    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '@')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            if (char.IsUpper(c) && word.Length > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    internal static string Pascal(string name) => string.Concat(Words(name).Select(w => char.ToUpperInvariant(w[0]) + (w.All(char.IsUpper) && w.Length > 2 ? w[1..].ToLowerInvariant() : w[1..])));

    internal static string Camel(string name)
    {
        var pascal = Pascal(name);
        return pascal.Length == 0 ? name : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }
}
