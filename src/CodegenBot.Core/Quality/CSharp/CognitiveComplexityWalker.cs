using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// Cognitive complexity of one function per SonarSource's specification (G. Ann Campbell, "Cognitive Complexity",
/// 2017-2023): +1 for each break in linear flow (if, else if, else, ternary, switch, loops, catch, goto, each
/// sequence of like logical operators, direct recursion) plus the current nesting level for the structures that
/// nest (if, ternary, switch, loops, catch); nested functions (lambdas, local functions) raise the nesting level.
/// Also measures the deepest nesting of control structures.
/// </summary>
internal sealed class CognitiveComplexityWalker : CSharpSyntaxWalker
{
    private readonly string _name;
    private readonly SemanticModel? _model;
    private readonly ISymbol? _self;
    private int _nesting;
    private int _controlNesting;

    private CognitiveComplexityWalker(string name, SemanticModel? model, ISymbol? self) => (_name, _model, _self) = (name, model, self);

    /// <summary>The total.</summary>
    public int Complexity { get; private set; }

    /// <summary>The deepest nesting of if/switch/loop/catch structures.</summary>
    public int MaxNesting { get; private set; }

    /// <summary>Measures a function body (block or expression); with a semantic model, recursion is a call that binds to <paramref name="self"/>, else a call by the same name.</summary>
    public static (int Complexity, int MaxNesting) Measure(SyntaxNode body, string name, SemanticModel? model = null, ISymbol? self = null)
    {
        var walker = new CognitiveComplexityWalker(name, model, self);
        walker.Visit(body);
        return (walker.Complexity, walker.MaxNesting);
    }

    public override void VisitIfStatement(IfStatementSyntax node)
    {
        var isElseIf = node.Parent is ElseClauseSyntax;
        Complexity += isElseIf ? 1 : 1 + _nesting;
        Visit(node.Condition);
        Nested(node.Statement, controlLevel: true);
        if (node.Else is { } elseClause)
        {
            if (elseClause.Statement is IfStatementSyntax)
            {
                Visit(elseClause.Statement);
            }
            else
            {
                Complexity++;
                Nested(elseClause.Statement, controlLevel: true);
            }
        }
    }

    public override void VisitConditionalExpression(ConditionalExpressionSyntax node)
    {
        Complexity += 1 + _nesting;
        Visit(node.Condition);
        _nesting++;
        Visit(node.WhenTrue);
        Visit(node.WhenFalse);
        _nesting--;
    }

    public override void VisitSwitchStatement(SwitchStatementSyntax node)
    {
        Complexity += 1 + _nesting;
        Visit(node.Expression);
        foreach (var section in node.Sections)
        {
            Nested(section, controlLevel: true);
        }
    }

    public override void VisitSwitchExpression(SwitchExpressionSyntax node)
    {
        Complexity += 1 + _nesting;
        Visit(node.GoverningExpression);
        foreach (var arm in node.Arms)
        {
            Nested(arm, controlLevel: true);
        }
    }

    public override void VisitForStatement(ForStatementSyntax node) => Loop(node.Statement, [.. node.Initializers, node.Condition, .. node.Incrementors]);

    public override void VisitForEachStatement(ForEachStatementSyntax node) => Loop(node.Statement, [node.Expression]);

    public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) => Loop(node.Statement, [node.Expression]);

    public override void VisitWhileStatement(WhileStatementSyntax node) => Loop(node.Statement, [node.Condition]);

    public override void VisitDoStatement(DoStatementSyntax node) => Loop(node.Statement, [node.Condition]);

    public override void VisitCatchClause(CatchClauseSyntax node)
    {
        Complexity += 1 + _nesting;
        if (node.Filter is not null)
        {
            Visit(node.Filter);
        }

        Nested(node.Block, controlLevel: true);
    }

    public override void VisitGotoStatement(GotoStatementSyntax node)
    {
        Complexity++;
        base.VisitGotoStatement(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.Kind() is SyntaxKind.LogicalAndExpression or SyntaxKind.LogicalOrExpression
            && !(node.Left is BinaryExpressionSyntax left && left.Kind() == node.Kind()))
        {
            Complexity++;
        }

        base.VisitBinaryExpression(node);
    }

    public override void VisitBinaryPattern(BinaryPatternSyntax node)
    {
        if (node.Kind() is SyntaxKind.AndPattern or SyntaxKind.OrPattern
            && !(node.Left is BinaryPatternSyntax left && left.Kind() == node.Kind()))
        {
            Complexity++;
        }

        base.VisitBinaryPattern(node);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var called = node.Expression switch
        {
            IdentifierNameSyntax id => id.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            MemberAccessExpressionSyntax { Name: var name } => name.Identifier.ValueText,
            _ => null,
        };

        // Only a call by the same name can be recursion; binding it (when a model is at hand) tells an overload from itself.
        if (called == _name && (_model is null || _self is null
            ? node.Expression is not MemberAccessExpressionSyntax { Expression: not ThisExpressionSyntax }
            : _model.GetSymbolInfo(node).Symbol is IMethodSymbol target && SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, _self.OriginalDefinition)))
        {
            Complexity++;
        }

        base.VisitInvocationExpression(node);
    }

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) => NestedFunction(node);

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) => NestedFunction(node);

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) => NestedFunction(node);

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) => NestedFunction(node);

    private void Loop(StatementSyntax body, IEnumerable<SyntaxNode?> heads)
    {
        Complexity += 1 + _nesting;
        foreach (var head in heads)
        {
            if (head is not null)
            {
                Visit(head);
            }
        }

        Nested(body, controlLevel: true);
    }

    private void Nested(SyntaxNode node, bool controlLevel)
    {
        _nesting++;
        if (controlLevel)
        {
            _controlNesting++;
            MaxNesting = Math.Max(MaxNesting, _controlNesting);
        }

        Visit(node);
        if (controlLevel)
        {
            _controlNesting--;
        }

        _nesting--;
    }

    private void NestedFunction(SyntaxNode node)
    {
        _nesting++;
        foreach (var child in node.ChildNodes())
        {
            Visit(child);
        }

        _nesting--;
    }
}
