using System.Globalization;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Requests;
using CodegenBot.GitHub.Events;

namespace CodegenBot.GitHub.Actions;

/// <summary>
/// What a run in GitHub Actions reads from its environment: the runner's <c>GITHUB_*</c> variables and the
/// action's inputs (<c>INPUT_*</c>, names with underscores because Docker actions do not pass hyphenated ones).
/// </summary>
public sealed record ActionEnvironment
{
    /// <summary>The environment variable that names the API key given as the <c>api_key</c> input.</summary>
    public const string ApiKeyVariable = "CODEGEN_API_KEY";

    /// <summary>The inputs <see cref="Read"/> understands; <c>action.yml</c> and <c>action/assess/action.yml</c> declare no others (a test holds them together).</summary>
    public static readonly IReadOnlyList<string> InputNames =
    [
        "github_token", "model_provider", "model", "api_key", "model_endpoint", "mode", "trigger_label", "quality_threshold",
        "max_attempts", "config_path", "dry_run", "draft", "issue_number", "task", "fail_below_threshold",
    ];

    /// <summary>The step outputs the runner sets.</summary>
    public static readonly IReadOnlyList<string> OutputNames = ["status", "pr-number", "pr-url", "quality-score", "tokens", "cost"];

    /// <summary>The event's name.</summary>
    public required string EventName { get; init; }

    /// <summary>The event payload's file.</summary>
    public required string EventPath { get; init; }

    /// <summary>The repository.</summary>
    public required GitHubRepository Repository { get; init; }

    /// <summary>The checkout.</summary>
    public required string Workspace { get; init; }

    /// <summary>The REST API's base URL.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>The web server's URL (links to files and runs).</summary>
    public required Uri ServerUrl { get; init; }

    /// <summary>The token for the API and for pushing.</summary>
    public required string Token { get; init; }

    /// <summary>The run's id, for the link in the tracking comment.</summary>
    public string? RunId { get; init; }

    /// <summary><c>$GITHUB_OUTPUT</c>.</summary>
    public string? OutputFile { get; init; }

    /// <summary><c>$GITHUB_STEP_SUMMARY</c>.</summary>
    public string? SummaryFile { get; init; }

    /// <summary>The API key given as an input, if any.</summary>
    public string? ApiKey { get; init; }

    /// <summary>The repository's configuration file, relative to the checkout.</summary>
    public string ConfigPath { get; init; } = ConfigurationLoader.RepositoryFile;

    /// <summary>Stop before pushing; report what would have been done.</summary>
    public bool DryRun { get; init; }

    /// <summary>The assess action: only quality reports.</summary>
    public bool AssessOnly { get; init; }

    /// <summary>Fail the assess action's step when a threshold is not met.</summary>
    public bool FailBelowThreshold { get; init; }

    /// <summary>Inputs that override configuration keys.</summary>
    public IReadOnlyList<ConfigOverride> Overrides { get; init; } = [];

    /// <summary>What the event mapping needs from the inputs.</summary>
    public required EventSettings Dispatch { get; init; }

    /// <summary>The link to the run.</summary>
    public string? RunUrl => RunId is null ? null : $"{ServerUrl.AbsoluteUri.TrimEnd('/')}/{Repository}/actions/runs/{RunId}";

    /// <summary>Reads the environment; a missing variable is a user error that says what to set.</summary>
    public static ActionEnvironment Read(IReadOnlyDictionary<string, string?> environment, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? Get(string name) => environment.GetValueOrDefault(name) is { Length: > 0 } value ? value.Trim() : null;
        string? Input(string name) => Get("INPUT_" + name.ToUpperInvariant());
        string Required(string name, string hint) => Get(name) ?? throw new UserErrorException($"{name} is not set; {hint}");
        bool Flag(string name) => Input(name) is { } value && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

        var token = Input("github_token") ?? Get("GITHUB_TOKEN")
            ?? throw new UserErrorException("No GitHub token: pass `github_token: ${{ secrets.GITHUB_TOKEN }}` to the action (it is the default) or set GITHUB_TOKEN.");
        var overrides = new List<ConfigOverride>();
        void Map(string input, params string[] keys)
        {
            if (Input(input) is { } value)
            {
                overrides.AddRange(keys.Select(k => new ConfigOverride(k, value, $"the {input} input")));
            }
        }

        Map("model_provider", "model.provider");
        Map("model", "model.name");
        Map("model_endpoint", "model.endpoint");
        Map("quality_threshold", "quality.overall_threshold");
        Map("max_attempts", "retry.quality_threshold.max_attempts", "retry.validation_failed.max_attempts");
        Map("trigger_label", "github.trigger_label");
        if (Flag("draft"))
        {
            overrides.Add(new ConfigOverride("github.draft", "true", "the draft input"));
        }

        var apiKey = Input("api_key");
        if (apiKey is not null && Input("model_provider") is null or "auto" && Input("model_endpoint") is null)
        {
            throw new UserErrorException("The api_key input is set but model_provider is not; say whose key it is with model_provider (openai, anthropic, azure-openai or openai-compatible).");
        }

        if (apiKey is not null)
        {
            overrides.Add(new ConfigOverride("model.api_key_env", ApiKeyVariable, "the api_key input"));
        }

        var mode = Input("mode");
        var issue = Input("issue_number");
        return new ActionEnvironment
        {
            EventName = Required("GITHUB_EVENT_NAME", "run the action inside a GitHub Actions workflow, or set it with GITHUB_EVENT_PATH to replay an event."),
            EventPath = Required("GITHUB_EVENT_PATH", "run the action inside a GitHub Actions workflow, or point it at a saved event payload."),
            Repository = ParseRepository(Required("GITHUB_REPOSITORY", "set it to owner/name.")),
            Workspace = Path.GetFullPath(Get("GITHUB_WORKSPACE") ?? currentDirectory),
            ApiUrl = new Uri(Get("GITHUB_API_URL") ?? "https://api.github.com"),
            ServerUrl = new Uri(Get("GITHUB_SERVER_URL") ?? "https://github.com"),
            Token = token,
            RunId = Get("GITHUB_RUN_ID"),
            OutputFile = Get("GITHUB_OUTPUT"),
            SummaryFile = Get("GITHUB_STEP_SUMMARY"),
            ApiKey = apiKey,
            ConfigPath = Input("config_path") ?? ConfigurationLoader.RepositoryFile,
            DryRun = Flag("dry_run"),
            AssessOnly = string.Equals(Get("CODEGEN_ACTION_COMMAND"), "assess", StringComparison.OrdinalIgnoreCase),
            FailBelowThreshold = Flag("fail_below_threshold"),
            Overrides = overrides,
            Dispatch = new EventSettings
            {
                DispatchIssue = issue is null ? null : int.TryParse(issue.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                    : throw new UserErrorException($"The issue_number input '{issue}' is not an issue number; give a number such as 42."),
                DispatchTask = Input("task"),
                DispatchMode = mode is null ? null : SlashCommand.ModeOf(mode)
                    ?? throw new UserErrorException($"The mode input '{mode}' is not a mode; use feature, bugfix, refactor, test, docs or optimize."),
            },
        };
    }

    /// <summary>The environment the engine sees: the caller's, plus the token (GitHub Models) and the API key input under their names.</summary>
    public IReadOnlyDictionary<string, string?> EngineEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        var copy = new Dictionary<string, string?>(environment, StringComparer.Ordinal) { ["GITHUB_TOKEN"] = Token };
        if (ApiKey is not null)
        {
            copy[ApiKeyVariable] = ApiKey;
        }

        return copy;
    }

    private static GitHubRepository ParseRepository(string value)
    {
        try
        {
            return GitHubRepository.Parse(value);
        }
        catch (FormatException ex)
        {
            throw new UserErrorException($"GITHUB_REPOSITORY is '{value}'; set it to owner/name.", ex);
        }
    }
}
