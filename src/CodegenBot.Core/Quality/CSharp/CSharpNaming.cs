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
                case TypeParameterSyntax tp when !(tp.Identifier.ValueText == "T" || (tp.Identifier.ValueText[0] == 'T' && IsPascal(tp.Identifier.ValueText[1..])) || IsPascal(tp.Identifier.ValueText)):
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
