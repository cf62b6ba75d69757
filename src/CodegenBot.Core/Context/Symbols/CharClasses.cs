using System.Runtime.CompilerServices;

namespace CodegenBot.Core.Context.Symbols;

/// <summary>
/// The character tests of the loops that read every character of a cold index (the C# skeleton scan, the term
/// counter, the identifier tokenizer), with the ASCII cases written out here.
/// </summary>
/// <remarks>
/// The framework's <c>char.IsAsciiLetter</c> and friends are just as short, but precompiled (ReadyToRun) code of this
/// assembly cannot inline methods of the framework's assemblies, so each test was a call: a fifth of the C# scan's
/// time and a third of the term counter's in a cold run. These are marked for inlining (without it, the precompiler
/// left one of them a call). Non-ASCII characters go to the framework's Unicode tests, so the answers are the
/// framework's for every character.
/// </remarks>
internal static class CharClasses
{
    /// <summary>An ASCII letter (<c>char.IsAsciiLetter</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>An ASCII digit (<c>char.IsAsciiDigit</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= '9' - '0';

    /// <summary>An ASCII letter or an underscore: what starts a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiWordStart(char c) => IsAsciiLetter(c) || c == '_';

    /// <summary>An ASCII letter, digit or underscore: what continues a word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiWordPart(char c) => IsAsciiLetter(c) || IsAsciiDigit(c) || c == '_';

    /// <summary><c>char.IsLetter(c) || c == '_'</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordStart(char c) => c < 128 ? IsAsciiWordStart(c) : char.IsLetter(c);

    /// <summary><c>char.IsLetterOrDigit(c) || c == '_'</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordPart(char c) => c < 128 ? IsAsciiWordPart(c) : char.IsLetterOrDigit(c);

    /// <summary><c>char.IsWhiteSpace</c>: in ASCII, the space and tab to carriage return.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(char c) => c < 128 ? c == ' ' || (uint)(c - '\t') <= '\r' - '\t' : char.IsWhiteSpace(c);
}
