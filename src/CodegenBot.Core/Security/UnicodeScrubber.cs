using System.Globalization;
using System.Text;

namespace CodegenBot.Core.Security;

/// <summary>
/// The character level of <see cref="UntrustedText"/>: invisible, bidirectional, tag and control characters are
/// removed or made visible, never silently kept. One pass, linear in the text's length, over code blocks too (a
/// bidi override inside a code block is exactly the Trojan Source attack).
/// </summary>
internal static class UnicodeScrubber
{
    private const int BlackFlag = 0x1F3F4;
    private const int TagCancel = 0xE007F;

    /// <summary>Scrubs <paramref name="text"/>. <paramref name="inline"/> keeps it to one line and makes every removed character visible.</summary>
    public static string Scrub(string text, bool inline, SanitizedCounter counter)
    {
        var output = new StringBuilder(text.Length);
        var previous = -1;
        var i = 0;
        while (i < text.Length)
        {
            var (cp, width) = CodePointAt(text, i);
            if (cp < 0)
            {
                // A lone surrogate: not a character at all.
                counter.Add(SanitizedKind.ControlCharacter);
                Marker(output, inline, text[i]);
                i++;
                continue;
            }

            if (IsTag(cp))
            {
                i = TagRun(text, i, previous, output, counter);
                previous = TagCancel;
                continue;
            }

            if (IsVariationSelector(cp))
            {
                var end = i;
                var run = 0;
                while (end < text.Length && CodePointAt(text, end) is var (next, w) && next >= 0 && IsVariationSelector(next))
                {
                    end += w;
                    run++;
                }

                if (run == 1)
                {
                    output.Append(text, i, end - i);
                    previous = cp;
                }
                else
                {
                    counter.Add(SanitizedKind.VariationSelectors);
                }

                i = end;
                continue;
            }

            var kind = Classify(text, i, cp, width, previous);
            switch (kind)
            {
                case null:
                    output.Append(text, i, width);
                    previous = cp;
                    break;
                case SanitizedKind.ControlCharacter when !inline && cp is '\r':
                    // CRLF and a lone CR become LF: not counted, the text is the same to a reader.
                    output.Append('\n');
                    width = i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    previous = '\n';
                    break;
                case SanitizedKind.ControlCharacter when !inline && cp is '\n' or '\t':
                    output.Append((char)cp);
                    previous = cp;
                    break;
                case SanitizedKind.ControlCharacter when !inline && cp is 0x2028 or 0x2029:
                    counter.Add(SanitizedKind.ControlCharacter);
                    output.Append('\n');
                    previous = '\n';
                    break;
                case SanitizedKind.Bidi:
                    counter.Add(SanitizedKind.Bidi);
                    Marker(output, inline: true, cp);
                    break;
                case SanitizedKind.ZeroWidth when cp == 0xFEFF && i == 0 && !inline:
                    // A byte order mark at the start is an encoding artefact, not hidden content.
                    break;
                default:
                    counter.Add(kind.Value);
                    Marker(output, inline, cp);
                    break;
            }

            i += width;
        }

        return output.ToString();
    }

    /// <summary>Which kind of change the character needs, or null to keep it.</summary>
    private static SanitizedKind? Classify(string text, int index, int cp, int width, int previous)
    {
        if (cp is '\n' or '\r' or '\t' or 0x2028 or 0x2029 || cp < 0x20 || cp is >= 0x7F and <= 0x9F)
        {
            return SanitizedKind.ControlCharacter;
        }

        if (cp is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 or 0x200E or 0x200F or 0x061C)
        {
            return SanitizedKind.Bidi;
        }

        if (cp == 0x200D)
        {
            // A zero-width joiner inside an emoji sequence (👩‍💻) is how the emoji is spelled.
            var next = index + width < text.Length ? CodePointAt(text, index + width).CodePoint : -1;
            return (IsEmoji(previous) || previous == 0xFE0F) && IsEmoji(next) ? null : SanitizedKind.ZeroWidth;
        }

        if (cp is 0x200B or 0x200C or 0x2060 or 0xFEFF or 0x180E or 0x115F or 0x1160 or 0x3164 or 0xFFA0)
        {
            return SanitizedKind.ZeroWidth;
        }

        return cp < 0x80 || CharUnicodeInfo.GetUnicodeCategory(cp) != UnicodeCategory.Format ? null : SanitizedKind.FormatCharacter;
    }

    /// <summary>Decodes a run of tag characters into <c>[hidden: ...]</c>; a flag's tag sequence (🏴 + tags + cancel) is kept.</summary>
    private static int TagRun(string text, int start, int previous, StringBuilder output, SanitizedCounter counter)
    {
        var decoded = new StringBuilder();
        var end = start;
        var last = -1;
        while (end < text.Length && CodePointAt(text, end) is var (cp, w) && cp >= 0 && IsTag(cp))
        {
            if (cp is >= 0xE0020 and <= 0xE007E)
            {
                decoded.Append((char)(cp - 0xE0000));
            }

            last = cp;
            end += w;
        }

        if (previous == BlackFlag && last == TagCancel && end - start <= 16)
        {
            output.Append(text, start, end - start);
            return end;
        }

        counter.Add(SanitizedKind.TagCharacters);
        if (decoded.Length > 0)
        {
            output.Append("[hidden: ").Append(decoded).Append(']');
        }

        return end;
    }

    private static void Marker(StringBuilder output, bool inline, int cp)
    {
        if (inline)
        {
            output.Append("[U+").Append(cp.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
        }
    }

    /// <summary>The code point at <paramref name="index"/> and its width in chars; -1 for a lone surrogate.</summary>
    private static (int CodePoint, int Width) CodePointAt(string text, int index)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return (char.ConvertToUtf32(c, text[index + 1]), 2);
        }

        return char.IsSurrogate(c) ? (-1, 1) : (c, 1);
    }

    private static bool IsTag(int cp) => cp is >= 0xE0000 and <= 0xE007F;

    private static bool IsVariationSelector(int cp) => cp is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    /// <summary>Pictographic code points and skin-tone modifiers, enough to recognise emoji ZWJ sequences.</summary>
    private static bool IsEmoji(int cp) => cp is >= 0x1F000 and <= 0x1FAFF or >= 0x2600 and <= 0x27BF or >= 0x2300 and <= 0x23FF or >= 0x2B00 and <= 0x2BFF;
}
