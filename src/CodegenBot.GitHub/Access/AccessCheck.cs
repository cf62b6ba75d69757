using CodegenBot.Core.Configuration;
using CodegenBot.GitHub.Events;
using Octokit;

namespace CodegenBot.GitHub.Access;

/// <summary>Whether an actor may trigger the bot, and if not, the sentence that says why.</summary>
/// <param name="Allowed">Whether the run may go on.</param>
/// <param name="Silent">When refused: say nothing (bots, so two bots never talk to each other in a loop).</param>
/// <param name="Reason">When refused: one sentence for the refusal comment.</param>
public sealed record AccessDecision(bool Allowed, bool Silent, string? Reason)
{
    /// <summary>Allowed.</summary>
    public static readonly AccessDecision Allow = new(true, false, null);
}

/// <summary>
/// Who may trigger the bot (<c>security.*</c>): bots never; listed users; members of listed teams; anyone
/// whose repository role is in <c>allowed_permissions</c> (admin, maintain, write by default), read through
/// the API at the time of the event, never from the payload.
/// </summary>
internal sealed class AccessCheck(IGitHubClient client, GitHubRepository repository, SecurityOptions security)
{
    public async Task<AccessDecision> CheckAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.IsBot)
        {
            return new AccessDecision(false, true, $"{actor.Login} is a bot; the bot does not act on bots' comments");
        }

        if (security.AllowedUsers.Contains(actor.Login, StringComparer.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        var role = await RoleAsync(actor.Login, cancellationToken);
        if (security.AllowedPermissions.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            return AccessDecision.Allow;
        }

        foreach (var team in security.AllowedTeams)
        {
            if (await IsTeamMemberAsync(team, actor.Login, cancellationToken))
            {
                return AccessDecision.Allow;
            }
        }

        var allowed = string.Join(", ", security.AllowedPermissions);
        return new AccessDecision(false, false,
            $"@{actor.Login} has the '{role}' role on {repository}, and only people with {allowed} access{(security.AllowedTeams.Count > 0 ? " or in an allowed team" : "")} may trigger CodegenBot; a maintainer can run the command instead, or add you to `security.allowed_users` in `.github/codegen.yml`.");
    }

    /// <summary>The role (<c>role_name</c>: admin, maintain, write, triage, read) or, from older servers, the permission.</summary>
    private async Task<string> RoleAsync(string login, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.Repository.Collaborator.ReviewPermission(repository.Owner, repository.Name, login);
            cancellationToken.ThrowIfCancellationRequested();
            return response.RoleName is { Length: > 0 } role ? role : response.Permission ?? "none";
        }
        catch (NotFoundException)
        {
            return "none";
        }
    }

    private async Task<bool> IsTeamMemberAsync(string team, string login, CancellationToken cancellationToken)
    {
        var slash = team.IndexOf('/', StringComparison.Ordinal);
        var (org, slug) = slash > 0 ? (team[..slash], team[(slash + 1)..]) : (repository.Owner, team);
        try
        {
            // Octokit has this call by team id only; the org/slug form saves a lookup.
            var uri = new Uri($"orgs/{Uri.EscapeDataString(org)}/teams/{Uri.EscapeDataString(slug)}/memberships/{Uri.EscapeDataString(login)}", UriKind.Relative);
            var response = await client.Connection.Get<TeamMembershipDetails>(uri, new Dictionary<string, string>());
            cancellationToken.ThrowIfCancellationRequested();
            return response.Body.State.Value == MembershipState.Active;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}
