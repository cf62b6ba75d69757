using CodegenBot.Core.Context.Codebase;
using CodegenBot.Core.Context.Codebase.Manifests;

namespace CodegenBot.Core.Tests.Context.Codebase.Manifests;

public sealed class GemfileParserTests
{
    [Fact]
    public void Parse_GroupsBlocksAndOptions_MarksTestAndDevelopmentGems()
    {
        const string Text = """
            source "https://rubygems.org"
            ruby "3.3.0"

            gem "rails", "~> 7.1"
            gem "sidekiq", require: false
            gem "debug", platforms: %i[mri windows], groups: [:development, :test]

            group :test do
              gem "capybara"
              [1].each do |x|
              end
              gem "rspec", ">= 3.12"
            end

            group :production do
              gem "lograge"
            end
            """;

        var dependencies = new GemfileParser().Parse("Gemfile", Text, CodebaseFixtures.Snapshot());

        Assert.Equal(
        [
            new Dependency("rubygems", "rails", "~> 7.1", "Gemfile", false),
            new Dependency("rubygems", "sidekiq", null, "Gemfile", false),
            new Dependency("rubygems", "debug", null, "Gemfile", true),
            new Dependency("rubygems", "capybara", null, "Gemfile", true),
            new Dependency("rubygems", "rspec", ">= 3.12", "Gemfile", true),
            new Dependency("rubygems", "lograge", null, "Gemfile", false),
        ], dependencies);
    }
}
