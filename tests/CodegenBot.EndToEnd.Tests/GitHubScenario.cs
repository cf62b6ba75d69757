using System.Text.Json.Nodes;
using CodegenBot.Cli;
using CodegenBot.Testing;
using CodegenBot.Testing.FakeGitHub;

namespace CodegenBot.EndToEnd.Tests;

/// <summary>
/// One repository on a fake GitHub: a bare remote on disk (what GitHub stores), the runner's checkout of it
/// (origin = the bare remote), the fake REST server over the same bare repository, and a fake model server.
/// Runs the real <c>codegen action</c> with the environment a runner gives a Docker action: in-process, or the published
/// executable when the test run names one (<see cref="PublishedCli"/>).
/// </summary>
internal sealed class GitHubScenario : IAsyncDisposable
{
    public const string Original = "namespace Demo;\n\npublic sealed class Calculator\n{\n    public int Add(int a, int b) => a + b;\n}\n";

    private readonly string _root;
    private int _runs;

    private GitHubScenario(string root, RemoteRepository remote, FakeGitHubServer github, FakeModelServer model)
    {
        _root = root;
        Remote = remote;
        GitHub = github;
        Model = model;
    }

    public FakeGitHubServer GitHub { get; }

    public RemoteRepository Remote { get; }

    public FakeModelServer Model { get; }

    public string BarePath => Remote.BarePath;

    public string Workspace => Path.Combine(_root, "workspace");

    /// <summary>The SQLite store the runs write (as the reusable workflow's state cache keeps it).</summary>
    public string StatePath => Path.Combine(_root, "state", "codegen.db");

    /// <summary>Opens the store the runs wrote, to check what they recorded.</summary>
    public async Task<Core.Storage.ICodegenStore> OpenStoreAsync() =>
        (await new Storage.CodegenStoreFactory(new ListLogger<Storage.CodegenStoreFactory>(), TimeProvider.System)
            .OpenAsync(new Core.Configuration.StorageOptions { SqlitePath = StatePath }, new Dictionary<string, string?>(), TestContext.Current.CancellationToken))!;


    /// <summary>Step outputs of the last run (<c>$GITHUB_OUTPUT</c>).</summary>
    public Dictionary<string, string> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The job summary of the last run.</summary>
    public string Summary { get; private set; } = "";

    public static async Task<GitHubScenario> StartAsync(params (string Path, string Content)[] extraFiles)
    {
        var root = Directory.CreateTempSubdirectory("codegen-e2e-").FullName;
        var remote = RemoteRepository.Create(root, new[] { ("src/Calculator.cs", Original), ("README.md", "# Demo\n") }.Concat(extraFiles));
        remote.Clone(Path.Combine(root, "workspace"));
        var model = await FakeModelServer.StartAsync(TestContext.Current.CancellationToken);
        var github = await FakeGitHubServer.StartAsync(GitHubPayloads.Owner, GitHubPayloads.Name, remote.BarePath);
        return new GitHubScenario(root, remote, github, model);
    }

    /// <summary>Runs <c>codegen action</c> for the event; returns the exit code and the captured output.</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunAsync(string eventName, JsonObject payload, params (string Name, string Value)[] extra)
    {
        var run = ++_runs;
        var eventPath = Path.Combine(_root, $"event-{run}.json");
        var outputPath = Path.Combine(_root, $"output-{run}.txt");
        var summaryPath = Path.Combine(_root, $"summary-{run}.md");
        await File.WriteAllTextAsync(eventPath, payload.ToJsonString(), TestContext.Current.CancellationToken);
        File.WriteAllText(outputPath, "");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = eventPath,
            ["GITHUB_REPOSITORY"] = $"{GitHubPayloads.Owner}/{GitHubPayloads.Name}",
            ["GITHUB_WORKSPACE"] = Workspace,
            ["GITHUB_API_URL"] = GitHub.ApiUrl,
            ["GITHUB_SERVER_URL"] = "https://github.com",
            ["GITHUB_RUN_ID"] = "4242",
            ["GITHUB_OUTPUT"] = outputPath,
            ["GITHUB_STEP_SUMMARY"] = summaryPath,
            ["INPUT_GITHUB_TOKEN"] = GitHub.Token,
            ["INPUT_MODEL_PROVIDER"] = "openai-compatible",
            ["INPUT_MODEL_ENDPOINT"] = Model.BaseUrl.ToString(),
            ["INPUT_MODEL"] = "test-model",
            ["INPUT_API_KEY"] = "sk-test-model-key-0123456789",
            ["CODEGEN_CONTEXT__CACHE_DIRECTORY"] = Path.Combine(_root, "cache"),
            ["CODEGEN_STORAGE__SQLITE_PATH"] = StatePath,
            ["CODEGEN_RETRY__API_ERROR__MAX_ATTEMPTS"] = "1",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        var (exitCode, output, error) = PublishedCli.Path is { } published
            ? await PublishedCli.RunAsync(published, Workspace, environment, ["action"], TestContext.Current.CancellationToken)
            : await RunInProcessAsync(environment);

        Outputs.Clear();
        var lines = File.ReadAllLines(outputPath);
        for (var i = 0; i + 2 < lines.Length; i += 3)
        {
            var (name, _) = (lines[i][..lines[i].IndexOf("<<", StringComparison.Ordinal)], 0);
            Outputs[name] = lines[i + 1];
        }

        Summary = File.Exists(summaryPath) ? File.ReadAllText(summaryPath) : "";
        return (exitCode, output, error);
    }

    private async Task<(int ExitCode, string Out, string Error)> RunInProcessAsync(Dictionary<string, string?> environment)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext { Out = output, Error = error, Environment = environment, CurrentDirectory = Workspace, Random = () => 0.5 };
        var exitCode = await CodegenCli.RunAsync(["action"], context, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    public string? RemoteTip(string branch) => Remote.Tip(branch);

    public string? RemoteFile(string branch, string path) => Remote.FileAt(branch, path);

    /// <summary>Commit subjects on a branch of the remote, newest first.</summary>
    public IReadOnlyList<string> RemoteLog(string branch) => Remote.Log(branch).Select(c => c.Subject).ToList();

    public string PushAsPerson(string branch, string path, string content) => Remote.PushAsPerson(_root, branch, path, content);

    /// <summary>The model's answer: add Subtract next to Add.</summary>
    public static string SubtractEdit(string newLine = "    public int Subtract(int a, int b) => a - b;\n") =>
        "I add Subtract next to Add.\n\nsrc/Calculator.cs\n```csharp\n<<<<<<< SEARCH\n    public int Add(int a, int b) => a + b;\n=======\n" +
        "    public int Add(int a, int b) => a + b;\n" + newLine + ">>>>>>> REPLACE\n```\n";

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Model.DisposeAsync();
        RemoteRepository.DeleteFolder(_root);
    }
}
