using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace CodegenBot.Core.Configuration;

/// <summary>
/// Binds a merged <see cref="ConfigMap"/> onto the options records, checking every key and value against the
/// records' shape and validation attributes. Problems are collected, each naming its source, key and the
/// allowed values, so one run reports every mistake in a file.
/// </summary>
internal sealed class OptionsBinder
{
    private readonly List<string> _problems = [];

    public static T Bind<T>(ConfigMap tree)
        where T : new()
    {
        var binder = new OptionsBinder();
        var result = (T)binder.BindObject(tree, typeof(T), "");
        if (binder._problems.Count > 0)
        {
            throw new ConfigurationException(binder._problems);
        }

        return result;
    }

    private object BindObject(ConfigMap map, Type type, string path)
    {
        var instance = Activator.CreateInstance(type)!;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .ToDictionary(p => ConfigNames.Key(p.Name), StringComparer.Ordinal);

        foreach (var (key, node) in map.Entries)
        {
            var keyPath = Join(path, key);
            if (!properties.TryGetValue(key, out var property))
            {
                ReportUnknownKey(node.Source, keyPath, path, key, properties.Keys);
                continue;
            }

            var value = BindValue(node, property.PropertyType, keyPath);
            if (value is null)
            {
                continue;
            }

            if (Validate(property, value, node.Source, keyPath))
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private object? BindValue(ConfigNode node, Type type, string path)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return BindList(node, type.GetGenericArguments()[0], path);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            return BindDictionary(node, type.GetGenericArguments()[1], path);
        }

        if (type.IsClass && type != typeof(string))
        {
            if (node is ConfigMap map)
            {
                return BindObject(map, type, path);
            }

            Report(node.Source, $"'{path}' is a section; write its keys ({string.Join(", ", KeysOf(type))}) indented under it");
            return null;
        }

        if (node is not ConfigScalar scalar)
        {
            Report(node.Source, $"'{path}' takes a single value ({Describe(type)}), not a {(node is ConfigList ? "list" : "section")}");
            return null;
        }

        return ParseScalar(scalar, type, path);
    }

    private object? BindList(ConfigNode node, Type itemType, string path)
    {
        // A single value where a list is expected is a one-item list; from the environment or the
        // command line, commas separate items (CODEGEN_CONTEXT__EXCLUDE="docs/**,samples/**").
        var items = node switch
        {
            ConfigList list => list.Items,
            ConfigScalar { Value: "" } => [],
            ConfigScalar scalar when scalar.Source.Line == 0 => scalar.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => (ConfigNode)new ConfigScalar(scalar.Source, v)).ToList(),
            ConfigScalar scalar => [scalar],
            _ => null,
        };
        if (items is null)
        {
            Report(node.Source, $"'{path}' must be a list such as [a, b]");
            return null;
        }

        var result = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        for (var i = 0; i < items.Count; i++)
        {
            var value = BindValue(items[i], itemType, $"{path}[{i}]");
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result;
    }

    private object? BindDictionary(ConfigNode node, Type valueType, string path)
    {
        if (node is not ConfigMap map)
        {
            Report(node.Source, $"'{path}' must be a section of named entries");
            return null;
        }

        var result = (System.Collections.IDictionary)Activator.CreateInstance(
            typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType), StringComparer.Ordinal)!;
        foreach (var (key, value) in map.Entries)
        {
            var bound = BindValue(value, valueType, Join(path, key));
            if (bound is not null)
            {
                result[key] = bound;
            }
        }

        return result;
    }

    private object? ParseScalar(ConfigScalar scalar, Type type, string path)
    {
        var text = scalar.Value.Trim();
        object? value = type switch
        {
            _ when type == typeof(string) => scalar.Value,
            _ when type == typeof(int) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null,
            _ when type == typeof(double) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
            _ when type == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            _ when type == typeof(TimeSpan) => Durations.TryParse(text, out var t) ? t : null,
            _ when type.IsEnum => ConfigNames.EnumValues(type).Zip(Enum.GetValues(type).Cast<object>())
                .FirstOrDefault(pair => string.Equals(pair.First, text, StringComparison.OrdinalIgnoreCase)).Second,
            _ => throw new NotSupportedException($"Options type {type} has no YAML binding; add one to {nameof(OptionsBinder)}."),
        };

        if (value is null)
        {
            Report(scalar.Source, $"'{path}' must be {Describe(type)}; it is '{scalar.Value}'");
        }

        return value;
    }

    private bool Validate(PropertyInfo property, object value, ConfigSource source, string path)
    {
        var context = new ValidationContext(value) { MemberName = property.Name, DisplayName = path };
        var valid = true;
        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            var result = attribute.GetValidationResult(value, context);
            if (result != ValidationResult.Success)
            {
                var detail = attribute switch
                {
                    RangeAttribute range => $"must be between {range.Minimum} and {range.Maximum}",
                    RequiredAttribute => "must not be empty",
                    _ => attribute.ErrorMessage ?? result?.ErrorMessage ?? "is not valid",
                };
                Report(source, $"'{path}' {detail}; it is '{Format(value)}'");
                valid = false;
            }
        }

        return valid;
    }

    private void ReportUnknownKey(ConfigSource source, string keyPath, string section, string key, IEnumerable<string> allowed)
    {
        var sorted = allowed.Order(StringComparer.Ordinal).ToList();
        var suggestion = sorted.Select(a => (Key: a, Distance: EditDistance(a, key)))
            .Where(a => a.Distance <= Math.Max(2, key.Length / 4)).OrderBy(a => a.Distance).Select(a => a.Key).FirstOrDefault();
        var where = section.Length == 0 ? "at the top level" : $"in '{section}'";
        Report(source, $"unknown key '{keyPath}'{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}; the keys allowed {where} are: {string.Join(", ", sorted)}");
    }

    private void Report(ConfigSource source, string message) => _problems.Add($"{source}: {message}.");

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "a whole number",
        _ when type == typeof(double) => "a number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "a duration such as 500ms, 30s, 5m, 2h or 1d",
        _ when type.IsEnum => $"one of {string.Join(", ", ConfigNames.EnumValues(type))}",
        _ => "a text value",
    };

    private static IEnumerable<string> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => ConfigNames.Key(p.Name));

    private static string Format(object value) => value switch
    {
        TimeSpan t => Durations.Format(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
