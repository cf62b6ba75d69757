using System.CommandLine;
using System.Text.Json;
using CodegenBot.Bench.Complexity;
using CodegenBot.Bench.Edits;
using CodegenBot.Bench.Retrieval;
using CodegenBot.Bench.Rules;
using CodegenBot.Core.Quality.Rules;

var mine = new Command("mine-tasks", "Print retrieval tasks mined from a repository's history as JSONL.");
var gitDirectory = new Option<string>("--git") { Description = "The repository (a clone or a bare git directory).", Required = true };
var repoName = new Option<string>("--repo") { Description = "owner/name recorded in each task.", Required = true };
var extensions = new Option<string[]>("--ext") { Description = "Source extensions, such as .cs (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
var count = new Option<int>("--count") { Description = "Tasks to mine, newest first.", DefaultValueFactory = _ => 15 };
mine.Options.Add(gitDirectory);
mine.Options.Add(repoName);
mine.Options.Add(extensions);
mine.Options.Add(count);
mine.SetAction(async (parse, cancellationToken) =>
{
    var tasks = await TaskMiner.MineAsync(parse.GetValue(gitDirectory)!, parse.GetValue(repoName)!, parse.GetValue(extensions)!.ToHashSet(StringComparer.OrdinalIgnoreCase), parse.GetValue(count), cancellationToken);
    foreach (var task in tasks)
    {
        Console.WriteLine(JsonSerializer.Serialize(task, BenchJsonContext.Default.RetrievalTask));
    }

    return 0;
});

var retrieval = new Command("retrieval", "Score the context engine against plain BM25 on a JSONL development set.");
var tasksFile = new Option<FileInfo>("--tasks") { Description = "The development set (JSONL).", Required = true };
var work = new Option<string>("--work") { Description = "Folder holding one clone per repository, named owner+name.", Required = true };
var cache = new Option<string>("--cache") { Description = "Context cache folder for the run.", Required = true };
var output = new Option<FileInfo?>("--out") { Description = "Per-task results (JSONL)." };
retrieval.Options.Add(tasksFile);
retrieval.Options.Add(work);
retrieval.Options.Add(cache);
retrieval.Options.Add(output);
retrieval.SetAction(async (parse, cancellationToken) =>
{
    var tasks = File.ReadLines(parse.GetValue(tasksFile)!.FullName)
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonSerializer.Deserialize(l, BenchJsonContext.Default.RetrievalTask)!)
        .ToList();
    var harness = new RetrievalHarness(Path.GetFullPath(parse.GetValue(work)!), Path.GetFullPath(parse.GetValue(cache)!), Console.Error);
    var results = await harness.RunAsync(tasks, cancellationToken);
    if (parse.GetValue(output) is { } file)
    {
        await File.WriteAllLinesAsync(file.FullName, results.Select(RetrievalHarness.ToJsonLine), cancellationToken);
    }

    Console.WriteLine(RetrievalHarness.Summarise(results));
    return 0;
});

var makeEdits = new Command("make-edits", "Print edit-application cases built from a repository's real files as JSONL.");
var editGit = new Option<string>("--git") { Description = "The repository (a clone or a bare git directory).", Required = true };
var editRepo = new Option<string>("--repo") { Description = "owner/name recorded in each case.", Required = true };
var editExtensions = new Option<string[]>("--ext") { Description = "Source extensions (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
var editCount = new Option<int>("--count") { Description = "Cases to build.", DefaultValueFactory = _ => 104 };
var seed = new Option<int>("--seed") { Description = "Random seed (the corpus is reproducible from it).", DefaultValueFactory = _ => 1 };
makeEdits.Options.Add(editGit);
makeEdits.Options.Add(editRepo);
makeEdits.Options.Add(editExtensions);
makeEdits.Options.Add(editCount);
makeEdits.Options.Add(seed);
makeEdits.SetAction(async (parse, cancellationToken) =>
{
    var cases = await EditCorpusBuilder.BuildAsync(parse.GetValue(editGit)!, parse.GetValue(editRepo)!, parse.GetValue(editExtensions)!.ToHashSet(StringComparer.OrdinalIgnoreCase), parse.GetValue(editCount), parse.GetValue(seed), cancellationToken);
    foreach (var item in cases)
    {
        Console.WriteLine(JsonSerializer.Serialize(item, EditJsonContext.Default.EditCase));
    }

    return 0;
});

var edits = new Command("edits", "Apply every case of an edit corpus with the production applier and score the results.");
var corpus = new Option<FileInfo>("--corpus") { Description = "The corpus (JSONL).", Required = true };
var mirrors = new Option<string>("--mirrors") { Description = "Folder of repositories named owner+name.", Required = true };
edits.Options.Add(corpus);
edits.Options.Add(mirrors);
edits.SetAction(async (parse, cancellationToken) =>
{
    var cases = File.ReadLines(parse.GetValue(corpus)!.FullName)
        .Where(l => l.Trim().Length > 0)
        .Select(l => JsonSerializer.Deserialize(l, EditJsonContext.Default.EditCase)!)
        .ToList();
    var results = await new EditHarness(Path.GetFullPath(parse.GetValue(mirrors)!)).RunAsync(cases, cancellationToken);
    foreach (var (item, outcome, problem, _) in results.Where(r => r.Outcome is EditOutcome.Wrong or EditOutcome.Refused))
    {
        Console.Error.WriteLine($"{outcome}: {item.Repo} {item.Path} ({item.Drift}) {problem}");
    }

    Console.WriteLine(EditHarness.Summarise(results));
    return results.Any(r => r.Outcome == EditOutcome.Wrong) ? 1 : 0;
});

var overhead = new Command("overhead", "Pipeline overhead per attempt, without the model's latency, against the fake model server.");
var runs = new Option<int>("--runs") { Description = "Measured runs (after one warm-up).", DefaultValueFactory = _ => 50 };
var files = new Option<int>("--files") { Description = "Generated C# files in the repository.", DefaultValueFactory = _ => 300 };
overhead.Options.Add(runs);
overhead.Options.Add(files);
overhead.SetAction(async (parse, cancellationToken) =>
{
    Console.WriteLine(await CodegenBot.Bench.Overhead.OverheadBenchmark.RunAsync(parse.GetValue(runs), parse.GetValue(files), cancellationToken));
    return 0;
});

var metrics = new Command("metrics-agreement", "Compare the assessor's C# metrics with Visual Studio's computed over the project's full compilation.");
var metricsRoot = new Option<string>("--root") { Description = "The repository root.", Required = true };
var metricsProject = new Option<string>("--project") { Description = "The project's folder (holding its .csproj).", Required = true };
var metricsReferences = new Option<FileInfo>("--references") { Description = "File listing the build's reference assemblies, one path per line.", Required = true };
var metricsGenerated = new Option<string[]>("--generated") { Description = "Files the build generated (global usings, generator output).", AllowMultipleArgumentsPerToken = true };
metrics.Options.Add(metricsRoot);
metrics.Options.Add(metricsProject);
metrics.Options.Add(metricsReferences);
metrics.Options.Add(metricsGenerated);
var metricsDefines = new Option<string>("--defines") { Description = "The build's DefineConstants (semicolon-separated).", DefaultValueFactory = _ => "" };
metrics.Options.Add(metricsDefines);
metrics.SetAction(async (parse, cancellationToken) =>
{
    var referencePaths = File.ReadLines(parse.GetValue(metricsReferences)!.FullName).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
    Console.WriteLine(await CodegenBot.Bench.Metrics.MetricsAgreement.RunAsync(parse.GetValue(metricsRoot)!, parse.GetValue(metricsProject)!, referencePaths, parse.GetValue(metricsGenerated) ?? [], parse.GetValue(metricsDefines)!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), cancellationToken));
    return 0;
});

var rules = new Command("rules", "Precision and recall of the security and performance rules on a labelled corpus.");
var rulesCorpus = new Option<string>("--corpus") { Description = "The corpus folder (files with expect: markers).", Required = true };
rules.Options.Add(rulesCorpus);
rules.SetAction(parse =>
{
    var result = RuleCorpus.Evaluate(Path.GetFullPath(parse.GetValue(rulesCorpus)!), RuleCatalog.All());
    Console.WriteLine(result.Report());
    return 0;
});

var rulesScan = new Command("rules-scan", "Run the security and performance rules over real source trees: findings per rule and a sample.");
var scanRoots = new Option<string[]>("--root") { Description = "Source trees (repeatable).", Required = true, AllowMultipleArgumentsPerToken = true };
var scanSample = new Option<int>("--sample") { Description = "Findings to print per tree, evenly spaced.", DefaultValueFactory = _ => 10 };
rulesScan.Options.Add(scanRoots);
rulesScan.Options.Add(scanSample);
rulesScan.SetAction(parse =>
{
    foreach (var scanRoot in parse.GetValue(scanRoots)!)
    {
        Console.WriteLine(RuleScan.Summarise(scanRoot, RuleScan.Scan(Path.GetFullPath(scanRoot)), parse.GetValue(scanSample)));
    }

    return 0;
});

var complexity = new Command("complexity", "Agreement of our cyclomatic complexity with radon, ESLint or checkstyle on one project.");
var complexityRoot = new Option<string>("--root") { Description = "The checked-out project the reference tool ran on.", Required = true };
var complexityLanguage = new Option<string>("--language") { Description = "python, javascript, typescript, java or go.", Required = true };
var complexityTool = new Option<string>("--tool") { Description = "radon, eslint or checkstyle.", Required = true };
var complexityReport = new Option<FileInfo>("--report") { Description = "The tool's report (radon cc -j, eslint --format json, checkstyle XML).", Required = true };
var complexityLabel = new Option<string>("--label") { Description = "Project name printed with the figures.", DefaultValueFactory = _ => "project" };
var complexityWindow = new Option<int>("--window") { Description = "Lines below the reported line our name line may be (annotations, decorators).", DefaultValueFactory = _ => 0 };
var complexityBefore = new Option<int>("--before") { Description = "Lines above the reported line our name line may be (ESLint reports an arrow function at its arrow).", DefaultValueFactory = _ => 0 };
var complexityTop = new Option<int>("--top") { Description = "Differences listed.", DefaultValueFactory = _ => 10 };
foreach (var option in new Option[] { complexityRoot, complexityLanguage, complexityTool, complexityReport, complexityLabel, complexityWindow, complexityBefore, complexityTop })
{
    complexity.Options.Add(option);
}

complexity.SetAction(async (parse, cancellationToken) =>
{
    var projectRoot = Path.GetFullPath(parse.GetValue(complexityRoot)!);
    var language = parse.GetValue(complexityLanguage)!;
    var reference = ReferenceReports.Read(parse.GetValue(complexityTool)!, parse.GetValue(complexityReport)!.FullName, projectRoot);
    var (pairs, oursOnly, elapsed) = await ComplexityAgreement.RunAsync(projectRoot, language, reference, parse.GetValue(complexityWindow), parse.GetValue(complexityBefore), cancellationToken);
    Console.Write(ComplexityAgreement.Summarise(parse.GetValue(complexityLabel)!, language, pairs, oursOnly, elapsed, projectRoot, parse.GetValue(complexityTop)));
    return 0;
});

var dump = new Command("complexity-dump", "Print our metrics of every function in one file (to explain a difference).");
var dumpFile = new Option<FileInfo>("--file") { Description = "The file.", Required = true };
var dumpLanguage = new Option<string>("--language") { Description = "python, javascript, typescript, java or go.", Required = true };
dump.Options.Add(dumpFile);
dump.Options.Add(dumpLanguage);
dump.SetAction(async (parse, cancellationToken) =>
{
    var file = parse.GetValue(dumpFile)!;
    var language = parse.GetValue(dumpLanguage)!;
    var content = await File.ReadAllTextAsync(file.FullName, cancellationToken);
    var source = new CodegenBot.Core.Quality.Analysis.SourceFile(file.Name, language, content);
    var analysis = language is "javascript" or "typescript"
        ? CodegenBot.Core.Quality.Languages.ScriptAnalysis.Analyze(source, new CodegenBot.Core.Configuration.LanguageOptions(), language, includeAnonymous: true)
        : await ComplexityAgreement.AnalyzerFor(language).AnalyzeAsync(source, new CodegenBot.Core.Configuration.LanguageOptions(), cancellationToken);
    foreach (var f in analysis.Functions)
    {
        Console.WriteLine(FormattableString.Invariant($"{f.Line}-{f.EndLine} {f.Name} cc={f.CyclomaticComplexity} cog={f.CognitiveComplexity} depth={f.MaxNestingDepth} params={f.Parameters} loc={f.CodeLines}"));
    }

    return 0;
});

var action = new Command("action-latency", "Time from event to pull request of the real `codegen action` against the fake GitHub, model time excluded.");
var codegenBinary = new Option<string>("--codegen") { Description = "The codegen executable (a publish output).", Required = true };
var actionRuns = new Option<int>("--runs") { Description = "Events to run, one new issue each.", DefaultValueFactory = _ => 10 };
action.Options.Add(codegenBinary);
action.Options.Add(actionRuns);
action.SetAction((parse, cancellationToken) =>
    CodegenBot.Bench.Action.ActionLatencyBenchmark.RunAsync(Path.GetFullPath(parse.GetValue(codegenBinary)!), parse.GetValue(actionRuns), Console.Out, cancellationToken));

var learning = new Command("learning-replay", "The learning experiment: the same tasks with learning off and on against a scripted model that repeats a repository-specific mistake unless the prompt carries the lesson.");
var learningTasks = new Option<int>("--tasks") { Description = "Tasks per arm (at most 10).", DefaultValueFactory = _ => 10 };
learning.Options.Add(learningTasks);
learning.SetAction((parse, cancellationToken) => CodegenBot.Bench.Learning.LearningReplayBenchmark.RunAsync(parse.GetValue(learningTasks), Console.Out, cancellationToken));

var resident = new Command("context-resident", "The context engine in a long-lived process: cold, warm and incremental runs on one engine with resident memory.");
var residentRepo = new Option<string>("--repo") { Description = "The checkout (a git work tree; 10 files are changed and restored).", Required = true };
var residentCache = new Option<string>("--cache") { Description = "Context cache folder (empty for a cold first run).", Required = true };
var residentTask = new Option<string>("--task") { Description = "The task text.", DefaultValueFactory = _ => "Fix the retry logic of the connection and add a test" };
var residentRuns = new Option<int>("--warm-runs") { Description = "Warm runs before and after the change (the median is reported).", DefaultValueFactory = _ => 5 };
foreach (var option in new Option[] { residentRepo, residentCache, residentTask, residentRuns })
{
    resident.Options.Add(option);
}

resident.SetAction((parse, cancellationToken) => CodegenBot.Bench.Context.ResidentContextBenchmark.RunAsync(
    Path.GetFullPath(parse.GetValue(residentRepo)!), Path.GetFullPath(parse.GetValue(residentCache)!), parse.GetValue(residentTask)!, parse.GetValue(residentRuns), Console.Out, cancellationToken));

var root = new RootCommand("CodegenBot benchmark harnesses (see bench/README.md).") { mine, retrieval, makeEdits, edits, overhead, metrics, rules, rulesScan, complexity, dump, action, learning, resident };
return await root.Parse(args).InvokeAsync();
