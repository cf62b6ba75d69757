using System.Globalization;
using System.Text;

namespace CodegenBot.Core.Context.Codebase.Manifests;

/// <summary>
/// A small TOML reader for manifests (pyproject.toml, Cargo.toml): table headers, <c>key = value</c> with strings,
/// arrays over several lines and inline tables. Anything it cannot read throws <see cref="FormatException"/>.
/// </summary>
internal sealed class TomlLite
{
    private readonly string _text;
    private int _position;

    private TomlLite(string text) => _text = text.Replace("\r\n", "\n", StringComparison.Ordinal);

    public static IReadOnlyList<TomlEntry> Parse(string text) => new TomlLite(text).ReadAll();

    private char Current => _position < _text.Length ? _text[_position] : '\0';

    private bool AtEnd => _position >= _text.Length;

    private List<TomlEntry> ReadAll()
    {
        var entries = new List<TomlEntry>();
        var table = "";
        while (true)
        {
            SkipBlank(newlines: true);
            if (AtEnd)
            {
                return entries;
            }

            if (Current == '[')
            {
                var doubled = _position + 1 < _text.Length && _text[_position + 1] == '[';
                _position += doubled ? 2 : 1;
                table = ReadKey(doubled ? "]]" : "]");
                _position += doubled ? 2 : 1;
            }
            else
            {
                var key = ReadKey("=");
                _position++;
                SkipBlank(newlines: false);
                entries.Add(new TomlEntry(table, key, ReadValue()));
            }

            SkipBlank(newlines: false);
            if (!AtEnd && Current != '\n')
            {
                throw Error("end of line");
            }
        }
    }

    /// <summary>A bare, quoted or dotted key up to <paramref name="end"/> on the same line, dots joining unquoted parts.</summary>
    private string ReadKey(string end)
    {
        var parts = new List<string>();
        var part = new StringBuilder();
        while (!_text.AsSpan(_position).StartsWith(end, StringComparison.Ordinal))
        {
            if (AtEnd || Current == '\n')
            {
                throw Error($"'{end}'");
            }

            if (Current is '"' or '\'')
            {
                part.Append(ReadString());
                continue;
            }

            if (Current == '.')
            {
                parts.Add(part.ToString().Trim());
                part.Clear();
            }
            else
            {
                part.Append(Current);
            }

            _position++;
        }

        parts.Add(part.ToString().Trim());
        if (parts.Any(p => p.Length == 0))
        {
            throw Error("a key");
        }

        return string.Join('.', parts);
    }

    private TomlValue ReadValue()
    {
        switch (Current)
        {
            case '"' or '\'':
                return TomlValue.Scalar(TomlKind.String, ReadString());
            case '[':
                _position++;
                var items = new List<TomlValue>();
                ReadSequence(']', () => items.Add(ReadValue()));
                return new TomlValue(TomlKind.Array, "", items, new Dictionary<string, TomlValue>());
            case '{':
                _position++;
                var fields = new Dictionary<string, TomlValue>(StringComparer.Ordinal);
                ReadSequence('}', () =>
                {
                    var key = ReadKey("=");
                    _position++;
                    SkipBlank(newlines: false);
                    fields[key] = ReadValue();
                });
                return new TomlValue(TomlKind.Table, "", [], fields);
            default:
                var start = _position;
                while (!AtEnd && Current is not (',' or ']' or '}' or '#' or '\n'))
                {
                    _position++;
                }

                var raw = _text[start.._position].Trim();
                return raw.Length == 0 ? throw Error("a value") : TomlValue.Scalar(TomlKind.Other, raw);
        }
    }

    /// <summary>Items separated by commas up to <paramref name="close"/>; newlines and comments allowed between them.</summary>
    private void ReadSequence(char close, Action readItem)
    {
        while (true)
        {
            SkipBlank(newlines: true);
            if (AtEnd)
            {
                throw Error($"'{close}'");
            }

            if (Current == close)
            {
                _position++;
                return;
            }

            readItem();
            SkipBlank(newlines: true);
            if (Current == ',')
            {
                _position++;
            }
            else if (Current != close)
            {
                throw Error($"',' or '{close}'");
            }
        }
    }

    /// <summary>A basic (escapes), literal, or multi-line string; the position ends after its closing quote.</summary>
    private string ReadString()
    {
        var quote = Current;
        var triple = _text.AsSpan(_position).StartsWith(new string(quote, 3), StringComparison.Ordinal);
        var delimiter = new string(quote, triple ? 3 : 1);
        _position += delimiter.Length;
        var value = new StringBuilder();
        while (!_text.AsSpan(_position).StartsWith(delimiter, StringComparison.Ordinal))
        {
            if (AtEnd || (!triple && Current == '\n'))
            {
                throw Error("a closing quote");
            }

            if (quote == '"' && Current == '\\' && _position + 1 < _text.Length)
            {
                value.Append(Escape(_text[_position + 1]));
                _position += 2;
                continue;
            }

            value.Append(Current);
            _position++;
        }

        _position += delimiter.Length;
        return value.ToString();
    }

    private static string Escape(char c) => c switch
    {
        'n' => "\n",
        't' => "\t",
        _ => c.ToString(),
    };

    private void SkipBlank(bool newlines)
    {
        while (!AtEnd)
        {
            if (Current == '#')
            {
                while (!AtEnd && Current != '\n')
                {
                    _position++;
                }
            }
            else if (Current is ' ' or '\t' or '\r' || (newlines && Current == '\n'))
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private FormatException Error(string expected)
    {
        var line = _text.AsSpan(0, Math.Min(_position, _text.Length)).Count('\n') + 1;
        return new FormatException(string.Create(CultureInfo.InvariantCulture, $"TOML: expected {expected} at line {line}."));
    }
}
