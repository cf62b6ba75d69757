using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;

namespace CodegenBot.GitHub.Tests.Events;

public sealed class SlashCommandTests
{
    [Theory]
    [InlineData("/codegen", CommandVerb.Generate, null, "")]
    [InlineData("/codegen retry", CommandVerb.Retry, null, "")]
    [InlineData("/codegen revise", CommandVerb.Revise, null, "")]
    [InlineData("/codegen assess", CommandVerb.Assess, null, "")]
    [InlineData("/codegen help", CommandVerb.Help, null, "")]
    [InlineData("/CODEGEN Retry", CommandVerb.Retry, null, "")]
    [InlineData("/codegen fix the null check in Parser", CommandVerb.Generate, GenerationMode.Bugfix, "the null check in Parser")]
    [InlineData("/codegen docs", CommandVerb.Generate, GenerationMode.Docs, "")]
    [InlineData("/codegen tests for the parser", CommandVerb.Generate, GenerationMode.Test, "for the parser")]
    [InlineData("/codegen add retry to the HTTP client", CommandVerb.Generate, null, "add retry to the HTTP client")]
    [InlineData("/codegen revise rename Foo to Bar", CommandVerb.Revise, null, "rename Foo to Bar")]
    public void Parse_Commands_ReadVerbModeAndInstructions(string body, CommandVerb verb, GenerationMode? mode, string instructions)
    {
        var command = SlashCommand.Parse(body);

        Assert.NotNull(command);
        Assert.Equal((verb, mode, instructions), (command.Verb, command.Mode, command.Instructions));
    }

    [Fact]
    public void Parse_InstructionsOnFollowingLines_AreKept()
    {
        var command = SlashCommand.Parse("\r\n/codegen bugfix\r\nThe parser drops the last token.\r\nSee #12.");

        Assert.Equal(CommandVerb.Generate, command!.Verb);
        Assert.Equal(GenerationMode.Bugfix, command.Mode);
        Assert.Equal("The parser drops the last token.\nSee #12.", command.Instructions);
    }

    [Theory]
    [InlineData("/codegenx retry")]
    [InlineData("> /codegen retry")]
    [InlineData("Please run /codegen retry")]
    [InlineData("thanks!\n/codegen retry")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_NotACommand_IsNull(string? body) => Assert.Null(SlashCommand.Parse(body));

    [Fact]
    public void Parse_ALoneUnknownWord_IsHelpNamingIt()
    {
        var command = SlashCommand.Parse("/codegen rety");

        Assert.Equal(CommandVerb.Help, command!.Verb);
        Assert.Equal("rety", command.Unknown);
    }

    [Fact]
    public void Parse_UnknownWordFollowedByASentence_IsGenerateWithTheWholeText()
    {
        var command = SlashCommand.Parse("/codegen make the parser faster\nIt is slow on big files.");

        Assert.Equal((CommandVerb.Generate, (GenerationMode?)null, "make the parser faster\nIt is slow on big files.", (string?)null), (command!.Verb, command.Mode, command.Instructions, command.Unknown));
    }

    [Fact]
    public void Parse_ModeWithInstructionsOnTheSameAndFollowingLines_JoinsThem()
    {
        var command = SlashCommand.Parse("/codegen refactor the Parser class\r\nKeep the public API.");

        Assert.Equal((GenerationMode.Refactor, "the Parser class\nKeep the public API."), (command!.Mode, command.Instructions));
    }

    [Theory]
    [InlineData("/codegen Docs", GenerationMode.Docs)]
    [InlineData("/codegen BUGFIX", GenerationMode.Bugfix)]
    [InlineData("/codegen optimise", GenerationMode.Optimize)]
    [InlineData("/codegen feature", GenerationMode.Feature)]
    public void Parse_ModeWordInAnyCase_IsThatMode(string body, GenerationMode mode) =>
        Assert.Equal(mode, SlashCommand.Parse(body)!.Mode);

    [Theory]
    [InlineData("fix", GenerationMode.Bugfix)]
    [InlineData(" tests ", GenerationMode.Test)]
    [InlineData("nonsense", null)]
    [InlineData(null, null)]
    public void ModeOf_Word_IsItsModeOrNull(string? word, GenerationMode? mode) => Assert.Equal(mode, SlashCommand.ModeOf(word));
}
