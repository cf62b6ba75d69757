using CodegenBot.Core.Context.Symbols;

namespace CodegenBot.Core.Tests.Context.Symbols;

public sealed class CharClassesTests
{
    [Fact]
    public void EveryTest_AnswersAsTheFrameworkDoes_ForEveryCharacter()
    {
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            Assert.Equal(char.IsAsciiLetter(c), CharClasses.IsAsciiLetter(c));
            Assert.Equal(char.IsAsciiDigit(c), CharClasses.IsAsciiDigit(c));
            Assert.Equal(char.IsAsciiLetter(c) || c == '_', CharClasses.IsAsciiWordStart(c));
            Assert.Equal(char.IsAsciiLetterOrDigit(c) || c == '_', CharClasses.IsAsciiWordPart(c));
            Assert.Equal(char.IsLetter(c) || c == '_', CharClasses.IsWordStart(c));
            Assert.Equal(char.IsLetterOrDigit(c) || c == '_', CharClasses.IsWordPart(c));
            Assert.Equal(char.IsWhiteSpace(c), CharClasses.IsWhiteSpace(c));
        }
    }
}
