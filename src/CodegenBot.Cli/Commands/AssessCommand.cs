using System.CommandLine;
using System.Globalization;
using CodegenBot.Core;
using CodegenBot.Core.Configuration;
using CodegenBot.Core.Generation;
using CodegenBot.Core.Quality;
using CodegenBot.Core.Quality.Output;
using CodegenBot.Core.Quality.Validation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CodegenBot.Cli.Commands;

/// <summary><c>codegen assess</c>: the quality assessment of files or of the changes since a revision, in four formats.</summary>
internal static class AssessCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Argument<string>("PATH") { Description = "A file or folder of a git checkout (default: the current directory).", DefaultValueFactory = _ => "." };
        var changedSince = new Option<string?>("--changed-since") { Description = "Assess only files changed since this revision (commit, branch or tag); findings the revision already had are listed apart and not scored." };
        var format = new Option<string>("--format") { Description = "table, json, markdown or sarif.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json", "markdown", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "Write the result to this file instead of stdout." };
        var validate = new Option<bool>("--validate") { Description = "Also run the repository's build, test and lint commands (quality.validation.commands, else detected)." };
        var config = new Option<string?>("--config") { Description = "A configuration file to use instead of the repository's .github/codegen.yml." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log debug details to stderr." };
        var command = new Command("assess", "Assess code quality in seven dimensions against the configured thresholds; exit code 1 when below.")
        {
            path, changedSince, format, output, validate, config, verbose,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(path)!));
            var root = AssessmentScope.FindRoot(target);
            var configFile = parse.GetValue(config) is { } configPath ? Path.GetFullPath(Path.Combine(context.CurrentDirectory, configPath)) : null;
            if (configFile is not null && !File.Exists(configFile))
            {
                throw new UserErrorException($"--config {configFile} does not exist; pass an existing YAML file.");
            }

            var configuration = ConfigurationLoader.Load(new ConfigurationInputs
            {
                RepositoryPath = root,
                ConfigFile = configFile,
                Environment = context.Environment,
            });
            var options = configuration.Options;
            var scope = AssessmentScope.Resolve(root, target, parse.GetValue(changedSince), options.Context);
            await using var services = CliServices.Build(context, options, parse.GetValue(verbose));
            var assessor = services.GetRequiredService<QualityAssessorFactory>().Create(options);
            var assessment = await WithProgressAsync(context, scope.Paths.Count, progress =>
                assessor.AssessAsync(scope.Root, scope.Paths, scope.BaseContent, progress, cancellationToken));

            ValidationRun? validation = null;
            if (parse.GetValue(validate))
            {
                var validator = new Validator(new CommandRunner(context.Time), options.Quality.Validation);
                var commands = validator.CommandsFor(root);
                if (commands.Count == 0)
                {
                    await context.Error.WriteLineAsync("No build, test or lint command was detected; set quality.validation.commands to run yours.");
                }

                validation = await validator.RunAsync(root, commands, cancellationToken);
            }

            var report = new QualityReport { Assessment = assessment, Validation = validation, BaseRef = scope.BaseRef };
            var text = parse.GetValue(format) switch
            {
                "json" => QualityJson.Render(report) + "\n",
                "markdown" => new QualityMarkdown(new TemplateRenderer(root)).Render(report, new QualityMarkdownOptions { BlobBaseUrl = BlobBaseUrl(context.Environment) }),
                "sarif" => QualitySarif.Render(report, SourceLines(root)) + "\n",
                _ => QualityTable.Render(report),
            };

            if (parse.GetValue(output) is { } outputPath)
            {
                var file = Path.GetFullPath(Path.Combine(context.CurrentDirectory, outputPath));
                await File.WriteAllTextAsync(file, text, cancellationToken);
                await context.Error.WriteLineAsync($"Written to {file}.");
            }
            else
            {
                await context.Out.WriteAsync(text);
            }

            if (scope.Paths.Count == 0)
            {
                await context.Error.WriteLineAsync(scope.BaseRef is null ? "No files to assess." : $"No file changed since {scope.BaseRef}.");
            }

            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{(report.Passed ? "Passed" : "Below the threshold")}: overall {assessment.Overall:0.#} (threshold {assessment.OverallThreshold:0.#}), {assessment.Findings.Count} finding(s), {assessment.AnalyzedFiles.Count} file(s) analysed{(report.ValidationPassed ? "" : "; validation failed")}."));
            return report.Passed ? ExitCodes.Success : ExitCodes.BelowThreshold;
        });

        return command;
    }

    /// <summary>
    /// Inside GitHub Actions, locations link to the checked-out commit
    /// (<c>$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA</c>); elsewhere they are plain text.
    /// </summary>
    private static string? BlobBaseUrl(IReadOnlyDictionary<string, string?> environment) =>
        environment.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } server
        && environment.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repository
        && environment.GetValueOrDefault("GITHUB_SHA") is { Length: > 0 } sha
            ? $"{server.TrimEnd('/')}/{repository}/blob/{sha}"
            : null;

    /// <summary>Lines of the work tree's files for SARIF fingerprints, each file read once.</summary>
    private static Func<string, int, string?> SourceLines(string root)
    {
        var files = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        return (path, line) =>
        {
            if (!files.TryGetValue(path, out var lines))
            {
                var text = Core.Context.RepositoryScanner.ReadText(root, path);
                files[path] = lines = text?.Split('\n');
            }

            return lines is not null && line >= 1 && line <= lines.Length ? lines[line - 1] : null;
        };
    }

    /// <summary>A progress bar on stderr when it is a terminal, cleared when done; nothing when output is redirected.</summary>
    private static Task<T> WithProgressAsync<T>(CliContext context, int total, Func<IProgress<int>?, Task<T>> work) =>
        TerminalProgress.RunAsync<int, T>(
            context,
            "Assessing files",
            (bar, done) => bar.Value = Math.Max(bar.Value, done),
            work,
            show: total > 0,
            maxValue: Math.Max(1, total));
}
