namespace CodegenBot.Testing.FakeGitHub;

/// <summary>A user of the fake GitHub.</summary>
public sealed record FakeUser(string Login, long Id, string Type, string Role);

/// <summary>An issue (or the issue side of a pull request).</summary>
public sealed class FakeIssue
{
    public required int Number { get; init; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string Author { get; init; }

    public string State { get; set; } = "open";

    public List<string> Labels { get; } = [];

    public List<string> Reactions { get; } = [];

    public bool IsPullRequest { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An issue or pull request comment.</summary>
public sealed class FakeComment
{
    public required long Id { get; init; }

    public required int IssueNumber { get; init; }

    public required string Author { get; init; }

    public required string AuthorType { get; init; }

    public required string Body { get; set; }

    public List<string> Reactions { get; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A pull request.</summary>
public sealed class FakePullRequest
{
    public required int Number { get; init; }

    public required string Head { get; init; }

    public required string Base { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string Author { get; init; }

    public bool Draft { get; init; }

    public bool FromFork { get; init; }

    public string State { get; set; } = "open";

    public List<string> RequestedReviewers { get; } = [];

    public List<string> RequestedTeams { get; } = [];
}

/// <summary>A review comment on a line of a pull request's diff.</summary>
public sealed record FakeReviewComment(long Id, int PullRequest, string Author, string Path, int Line, string Body, DateTimeOffset CreatedAt);

/// <summary>A review of a pull request.</summary>
public sealed record FakeReview(long Id, int PullRequest, string Author, string State, string Body, DateTimeOffset SubmittedAt);

/// <summary>A check run.</summary>
public sealed class FakeCheckRun
{
    public required long Id { get; init; }

    public required string Name { get; set; }

    public required string HeadSha { get; init; }

    public string Status { get; set; } = "queued";

    public string? Conclusion { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }
}

/// <summary>One request the server received.</summary>
public sealed record RecordedGitHubRequest(string Method, string Path, string Query, string Body, IReadOnlyDictionary<string, string> Headers, int Status);
