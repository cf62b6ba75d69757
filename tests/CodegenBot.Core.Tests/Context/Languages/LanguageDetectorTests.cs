using CodegenBot.Core.Context.Languages;

namespace CodegenBot.Core.Tests.Context.Languages;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("src/A.cs", "", "csharp")]
    [InlineData("web/app.TSX", "", "typescript")]
    [InlineData("build/Dockerfile", "", "dockerfile")]
    [InlineData("Gemfile", "", "ruby")]
    [InlineData("scripts/deploy", "#!/usr/bin/env python3", "python")]
    [InlineData("scripts/run", "#!/bin/bash -e", "shell")]
    [InlineData("tools/cli", "#!/usr/bin/env node", "javascript")]
    [InlineData("LICENSE", "MIT License", null)]
    public void Detect_ByExtensionNameOrShebang(string path, string firstLine, string? expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(path, firstLine));

    [Fact]
    public void IsSourceCode_ProgramsButNotData()
    {
        Assert.True(LanguageDetector.IsSourceCode("go"));
        Assert.False(LanguageDetector.IsSourceCode("yaml"));
        Assert.False(LanguageDetector.IsSourceCode(null));
    }
}
