using System.ComponentModel.DataAnnotations;

namespace CodegenBot.Core.Configuration;

/// <summary>Branches and commits made by the bot.</summary>
public sealed record GitOptions
{
    /// <summary>Prefix of every branch the bot creates.</summary>
    [RegularExpression("^[A-Za-z0-9._/-]+/$", ErrorMessage = "must be a branch-name prefix ending in '/', such as codegen/")]
    public string BranchPrefix { get; init; } = "codegen/";

    /// <summary>Commit author name.</summary>
    [Required]
    public string AuthorName { get; init; } = "codegen-bot";

    /// <summary>Commit author e-mail.</summary>
    [Required]
    public string AuthorEmail { get; init; } = "codegen-bot@users.noreply.github.com";
}
