using System.Text;

namespace CodegenBot.Core.Configuration;

/// <summary>How C# names appear in YAML: properties as snake_case keys, enum values as kebab-case words.</summary>
internal static class ConfigNames
{
    public static string Key(string propertyName) => Split(propertyName, '_');

    public static string EnumValue(Enum value) => EnumValueName(value.ToString());

    public static string EnumValueName(string name) => Split(name, '-');

    public static IEnumerable<string> EnumValues(Type enumType) =>
        Enum.GetValues(enumType).Cast<Enum>().Select(EnumValue);

    private static string Split(string name, char separator)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                builder.Append(separator);
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
