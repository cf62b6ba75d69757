using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class TomlLiteTests
{
    [Fact]
    public void Parse_TablesArraysAndInlineTables_ReadsEveryEntry()
    {
        const string Text = """"
            title = "demo" # comment
            [tool.poetry.dependencies]
            python = "^3.11"
            httpx = { version = "^0.27", extras = ["http2"] }
            [target.'cfg(unix)'.dependencies]
            "quoted.key" = 'literal \n'
            [project]
            dependencies = [
              "a>=1",  # first
              "b",
            ]
            notes = """
            multi
            line"""
            count = 3
            [[bin]]
            path = "x.rs"
            """";

        var entries = TomlLite.Parse(Text);

        Assert.Equal(
            ["|title", "tool.poetry.dependencies|python", "tool.poetry.dependencies|httpx", "target.cfg(unix).dependencies|quoted.key", "project|dependencies", "project|notes", "project|count", "bin|path"],
            entries.Select(e => $"{e.Table}|{e.Key}"));
        Assert.Equal("^0.27", entries[2].Value.FieldString("version"));
        Assert.Equal(["http2"], entries[2].Value.Fields["extras"].Items.Select(i => i.String));
        Assert.Equal("literal \\n", entries[3].Value.String);
        Assert.Equal(["a>=1", "b"], entries[4].Value.Items.Select(i => i.String));
        Assert.Equal("multi\nline", entries[5].Value.String?.TrimStart('\n'));
        Assert.Equal(TomlKind.Other, entries[6].Value.Kind);
        Assert.Equal("3", entries[6].Value.Text);
    }

    [Theory]
    [InlineData("[project\nname = \"x\"")]
    [InlineData("deps = [\"a\"")]
    [InlineData("name = \"unterminated\n")]
    [InlineData("just words\n")]
    [InlineData("a = \"x\" trailing\n")]
    public void Parse_Malformed_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => TomlLite.Parse(text));
    }
}
