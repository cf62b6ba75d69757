using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodegenBot.Core.Quality.CSharp;

/// <summary>
/// Compilations of the C# projects in a work tree, built the way the assessor measures: the project's own sources
/// (every <c>.cs</c> under the folder of the nearest <c>.csproj</c>, minus bin/obj and nested projects) plus the
/// runtime's reference assemblies, without the project's NuGet packages. Each project is parsed once and reused
/// while its files are unchanged (checked once per assessment by <see cref="Refresh"/>); analysing a file swaps
/// its current text into a copy of the compilation. At most <see cref="MaxProjects"/> are kept.
/// </summary>
internal sealed partial class CSharpProjects
{
    /// <summary>Projects kept in memory at once.</summary>
    public const int MaxProjects = 4;

    /// <summary>The usings the .NET SDK adds when ImplicitUsings is enabled (Microsoft.NET.Sdk).</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", "node_modules" };

    private static readonly Lazy<List<MetadataReference>> References = new(LoadReferences);

    private readonly ConcurrentDictionary<string, Lazy<Project>> _projects = new(StringComparer.Ordinal);
    private readonly bool _usePackages;

    // The project folder of each source folder, looked up once per assessment (every file asks twice: cache key and analysis).
    private readonly ConcurrentDictionary<string, string?> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastUse = new(StringComparer.Ordinal);
    private long _clock;

    /// <summary>Creates the cache.</summary>
    /// <param name="usePackages">Whether to add the compile assets of the packages a restored project uses (its <c>obj/project.assets.json</c>).</param>
    public CSharpProjects(bool usePackages = true) => _usePackages = usePackages;

    /// <summary>Parse options used for every tree.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview, DocumentationMode.Parse);

    /// <summary>The runtime's reference assemblies (the SDK's targeting pack when installed, else the running runtime's).</summary>
    public static IReadOnlyList<MetadataReference> FrameworkReferences => References.Value;

    /// <summary>Whether <paramref name="folder"/> is <paramref name="root"/> or inside it (both full paths; a trailing separator on either is ignored).</summary>
    internal static bool Within(string folder, string root)
    {
        folder = Path.TrimEndingDirectorySeparator(folder);
        root = Path.TrimEndingDirectorySeparator(root);
        return folder.Equals(root, StringComparison.Ordinal) || folder.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>Drops every project under <paramref name="root"/> (a finished run's work tree).</summary>
    public void Forget(string root)
    {
        _folders.Clear();
        foreach (var folder in _projects.Keys.Where(f => Within(f, root)).ToList())
        {
            _projects.TryRemove(folder, out _);
            _lastUse.TryRemove(folder, out _);
        }
    }

    /// <summary>Whether a project under <paramref name="root"/> is resident.</summary>
    internal bool Holds(string root) => _projects.Keys.Any(f => Within(f, root));

    /// <summary>Drops projects under <paramref name="root"/> whose files changed since they were parsed.</summary>
    public void Refresh(string root)
    {
        _folders.Clear();
        foreach (var (folder, lazy) in _projects)
        {
            if (Within(folder, root) && lazy.IsValueCreated && lazy.Value.Stamp != Stamp(folder))
            {
                _projects.TryRemove(folder, out _);
            }
        }
    }

    /// <summary>
    /// A compilation holding the file's text, the tree to analyse in it, and whether the project's references are
    /// all known. When the text is what was parsed from disk the shared compilation and tree are returned, so every
    /// file of an unchanged project is bound in one compilation; otherwise the text, parsed with the project's
    /// preprocessor symbols, replaces it in a copy.
    /// </summary>
    public (CSharpCompilation Compilation, SyntaxTree Tree, bool SelfContained) For(string root, string relativePath, string content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(Path.Combine(root, relativePath));
        var folder = CachedProjectFolder(root, relativePath);
        if (folder is null)
        {
            var alone = CSharpSyntaxTree.ParseText(content, ParseOptions, full, cancellationToken: cancellationToken);
            return (Create([alone, ImplicitUsingsTree(true)]), alone, false);
        }

        _lastUse[folder] = Interlocked.Increment(ref _clock);
        var project = Get(folder);
        Evict();
        if (project is null)
        {
            var alone = CSharpSyntaxTree.ParseText(content, ParseOptions, full, cancellationToken: cancellationToken);
            return (Create([alone, ImplicitUsingsTree(true)]), alone, false);
        }

        var text = Microsoft.CodeAnalysis.Text.SourceText.From(content);
        if (project.Trees.TryGetValue(full, out var existing) && existing.GetText(cancellationToken).ContentEquals(text))
        {
            return (project.Compilation, existing, project.SelfContained);
        }

        var tree = CSharpSyntaxTree.ParseText(text, project.ParseOptions, full, cancellationToken);
        return existing is null
            ? (project.Compilation.AddSyntaxTrees(tree), tree, project.SelfContained)
            : (project.Compilation.ReplaceSyntaxTree(existing, tree), tree, project.SelfContained);
    }

    /// <summary>
    /// The preprocessor symbols the .NET SDK defines for a target framework (<c>net8.0</c> → NET, NETCOREAPP,
    /// NET8_0, NET5_0_OR_GREATER … NET8_0_OR_GREATER, NETCOREAPP1_0_OR_GREATER … NETCOREAPP3_1_OR_GREATER), plus
    /// TRACE and RELEASE as a Release build has them.
    /// </summary>
    internal static IReadOnlyList<string> FrameworkSymbols(string? targetFramework)
    {
        var symbols = new List<string> { "TRACE", "RELEASE" };
        var match = targetFramework is null ? null : ModernFramework().Match(targetFramework);
        var major = match is { Success: true } ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : Environment.Version.Major;
        var minor = match is { Success: true } ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        symbols.AddRange(["NET", "NETCOREAPP", $"NET{major}_{minor}"]);
        for (var version = 5; version <= major; version++)
        {
            symbols.Add($"NET{version}_0_OR_GREATER");
        }

        symbols.AddRange(["NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
            "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER"]);
        return symbols;
    }

    private static CSharpCompilation Create(IEnumerable<SyntaxTree> trees, IEnumerable<MetadataReference>? packages = null) => CSharpCompilation.Create(
        "Assessed",
        trees,
        FrameworkReferences.Concat(packages ?? []),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    private string? CachedProjectFolder(string root, string relativePath) =>
        _folders.GetOrAdd(
            Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, relativePath))) ?? root,
            _ => ProjectFolder(root, relativePath));

    private static string? ProjectFolder(string root, string relativePath)
    {
        var fullRoot = Path.GetFullPath(root);
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(Path.Combine(root, relativePath))); folder is not null && Within(folder, fullRoot); folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFiles(folder, "*.csproj").Any())
            {
                return folder;
            }
        }

        return null;
    }

    /// <summary>The project in <paramref name="folder"/>, or null when it cannot be read (it is tried again next time).</summary>
    private Project? Get(string folder)
    {
        try
        {
            return _projects.GetOrAdd(folder, f => new Lazy<Project>(() => Load(f))).Value;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or BadImageFormatException or ArgumentException)
        {
            // A project that cannot be read (a file vanished, an unreadable props file, a corrupt package) is not
            // remembered as broken: the file is analysed alone now and the project tried again next time.
            _projects.TryRemove(folder, out _);
            return null;
        }
    }

    /// <remarks>
    /// Projects this one references are not compiled in: tried, they crowded the <see cref="MaxProjects"/> resident
    /// compilations and were parsed again and again (efcore's cold assessment went from 2 to over 15 minutes).
    /// A project with project references is therefore not self-contained, and its semantic errors are not reported.
    /// </remarks>
    private Project Load(string folder)
    {
        var csproj = Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).First();
        var (implicitUsings, usings, selfContained, framework, defines, projectReferences) = ReadProject(csproj);
        var parseOptions = ParseOptions.WithPreprocessorSymbols(FrameworkSymbols(framework).Concat(defines).Distinct(StringComparer.Ordinal));
        var files = SourceFiles(folder);
        var trees = new SyntaxTree[files.Count];
        var texts = new string[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            string text;
            try
            {
                text = File.ReadAllText(files[i]);
            }
            catch (IOException)
            {
                text = "";
            }
            catch (UnauthorizedAccessException)
            {
                text = "";
            }

            texts[i] = text;
            trees[i] = CSharpSyntaxTree.ParseText(text, parseOptions, files[i]);
        });

        // A built project's own global usings are exact; otherwise they are rebuilt from the project files.
        var global = BuiltGlobalUsings(folder) is { } built
            ? CSharpSyntaxTree.ParseText(File.ReadAllText(built), parseOptions, built)
            : CSharpSyntaxTree.ParseText(
                string.Join('\n', (implicitUsings ? ImplicitUsings : []).Concat(usings).Distinct(StringComparer.Ordinal).Select(u => $"global using {u};")),
                parseOptions,
                Path.Combine(folder, "obj", "CodegenBot.GlobalUsings.g.cs"));
        var packages = _usePackages ? RestoredPackages.CompileAssemblies(folder) : [];
        var metadata = packages.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
        return new Project(
            Create(trees.Append(global), metadata),
            trees.ToDictionary(t => t.FilePath, StringComparer.Ordinal),
            (selfContained || packages.Count > 0) && projectReferences.Count == 0,
            Stamp(folder),
            parseOptions,
            ContentHash(folder, files, texts, _usePackages));
    }

    /// <summary>The newest <c>*.GlobalUsings.g.cs</c> the build wrote under the project's obj folder (or the artifacts layout's).</summary>
    private static string? BuiltGlobalUsings(string folder)
    {
        var name = Directory.EnumerateFiles(folder, "*.csproj").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).First();
        var candidates = new List<string> { Path.Combine(folder, "obj") };
        for (var above = Path.GetDirectoryName(folder); above is not null; above = Path.GetDirectoryName(above))
        {
            candidates.Add(Path.Combine(above, "artifacts", "obj", name!));
        }

        try
        {
            return candidates.Where(Directory.Exists)
                .SelectMany(c => Directory.EnumerateFiles(c, name + ".GlobalUsings.g.cs", SearchOption.AllDirectories))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static SyntaxTree ImplicitUsingsTree(bool enabled) => CSharpSyntaxTree.ParseText(
        enabled ? string.Join('\n', ImplicitUsings.Select(u => $"global using {u};")) : "", ParseOptions, "CodegenBot.GlobalUsings.g.cs");

    /// <summary>
    /// ImplicitUsings, Using items, and whether nothing but the framework is referenced, from the project file and
    /// the nearest Directory.Build.props. Package references with PrivateAssets="all" are analyzers and
    /// tools, not references.
    /// </summary>
    private static (bool ImplicitUsings, IReadOnlyList<string> Usings, bool SelfContained, string? Framework, IReadOnlyList<string> Defines, IReadOnlyList<string> ProjectReferences) ReadProject(string csproj)
    {
        // MSBuild imports the nearest Directory.Build.props and Directory.Build.targets at or above the project's folder.
        var files = new List<string> { csproj };
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            for (var folder = Path.GetDirectoryName(csproj); folder is not null; folder = Path.GetDirectoryName(folder))
            {
                var imported = Path.Combine(folder, name);
                if (File.Exists(imported))
                {
                    files.Add(imported);
                    break;
                }
            }
        }

        bool? implicitUsings = null;
        var usings = new List<string>();
        var frameworks = new List<string>();
        var defines = new List<string>();
        var projectReferences = new List<string>();
        var selfContained = true;
        foreach (var file in files)
        {
            try
            {
                var document = XDocument.Load(file);
                var elements = document.Descendants().ToList();
                implicitUsings ??= elements.Where(e => e.Name.LocalName == "ImplicitUsings").Select(e => e.Value.Trim() is "enable" or "true").Cast<bool?>().FirstOrDefault();
                frameworks.AddRange(elements.Where(e => e.Name.LocalName is "TargetFramework" or "TargetFrameworks").SelectMany(e => e.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
                defines.AddRange(elements.Where(e => e.Name.LocalName == "DefineConstants").SelectMany(e => e.Value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Where(d => NamespaceName().IsMatch(d) && !d.Contains('.', StringComparison.Ordinal)));
                usings.AddRange(elements.Where(e => e.Name.LocalName == "Using" && e.Attribute("Include") is not null && e.Attribute("Static") is null && e.Attribute("Alias") is null)
                    .Select(e => e.Attribute("Include")!.Value.Trim())
                    .Where(u => NamespaceName().IsMatch(u)));
                if (file == csproj)
                {
                    projectReferences.AddRange(elements.Where(e => e.Name.LocalName == "ProjectReference" && e.Attribute("Include") is not null)
                        .Select(e => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, e.Attribute("Include")!.Value.Replace('\\', '/'))))
                        .Where(File.Exists)
                        .Select(p => Path.GetDirectoryName(p)!));
                }

                selfContained &= !elements.Any(e => e.Name.LocalName is "Reference" or "FrameworkReference"
                    || (e.Name.LocalName == "ProjectReference" && file != csproj)
                    || (e.Name.LocalName == "PackageReference" && !string.Equals(e.Attribute("PrivateAssets")?.Value, "all", StringComparison.OrdinalIgnoreCase)));
                if (file == csproj)
                {
                    selfContained &= document.Root?.Attribute("Sdk")?.Value is "Microsoft.NET.Sdk" or null;
                }
            }
            catch (System.Xml.XmlException)
            {
                selfContained = false;
            }
            catch (IOException)
            {
                selfContained = false;
            }
        }

        // The newest modern .NET target: the assessor compiles against the running .NET's reference assemblies.
        var framework = frameworks.Where(f => ModernFramework().IsMatch(f))
            .OrderByDescending(f => Version.TryParse(ModernFramework().Match(f).Value[(f.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) ? 10 : 3)..], out var v) ? v : new Version(0, 0))
            .FirstOrDefault();
        return (implicitUsings ?? false, usings, selfContained, framework, defines, projectReferences.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The project's sources: every .cs under its folder but bin, obj and nested projects, in ordinal order.</summary>
    internal static List<string> SourceFiles(string folder)
    {
        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                files.AddRange(Directory.EnumerateFiles(current, "*.cs"));
                foreach (var sub in Directory.EnumerateDirectories(current))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(sub)) && !Directory.EnumerateFiles(sub, "*.csproj").Any()
                        && (File.GetAttributes(sub) & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>The files besides sources that shape the compilation: project file, nearest Directory.Build.props/targets, restore output, the build's global usings.</summary>
    private static IEnumerable<string> ConfigurationFiles(string folder)
    {
        foreach (var csproj in Directory.EnumerateFiles(folder, "*.csproj"))
        {
            yield return csproj;
        }

        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
        {
            for (var above = folder; above is not null; above = Path.GetDirectoryName(above))
            {
                var imported = Path.Combine(above, name);
                if (File.Exists(imported))
                {
                    yield return imported;
                    break;
                }
            }
        }

        yield return Path.Combine(folder, "obj", "project.assets.json");
        if (BuiltGlobalUsings(folder) is { } built)
        {
            yield return built;
        }
    }

    /// <summary>
    /// What a file's analysis depends on besides its own text, for the analysis cache key: the project's sources and
    /// build files by content and whether packages are used. "alone" outside a project.
    /// </summary>
    public string Fingerprint(string root, string relativePath)
    {
        var folder = CachedProjectFolder(root, relativePath);
        var project = folder is null ? null : Get(folder);
        return project is null ? "alone" : $"{project.ContentHash}/{project.SelfContained}";
    }

    private static string ContentHash(string folder, List<string> files, string[] texts, bool usePackages)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string value) => sha.AppendData(System.Text.Encoding.UTF8.GetBytes(value + "\0"));
        Add(usePackages ? "packages" : "framework");
        for (var i = 0; i < files.Count; i++)
        {
            Add(Path.GetRelativePath(folder, files[i]));
            Add(texts[i]);
        }

        foreach (var file in ConfigurationFiles(folder))
        {
            Add(Path.GetFileName(file));
            try
            {
                sha.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
            }
            catch (IOException)
            {
                Add("unreadable");
            }
            catch (UnauthorizedAccessException)
            {
                Add("unreadable");
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Files and their sizes and write times: changes when any source or build file of the project does.</summary>
    private static string Stamp(string folder)
    {
        var hash = new HashCode();
        foreach (var file in SourceFiles(folder).Concat(ConfigurationFiles(folder)))
        {
            var info = new FileInfo(file);
            hash.Add(file, StringComparer.Ordinal);
            hash.Add(info.Exists ? info.Length : -1);
            hash.Add(info.Exists ? info.LastWriteTimeUtc.Ticks : 0);
        }

        return hash.ToHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Evict()
    {
        while (_projects.Count > MaxProjects)
        {
            var oldest = _lastUse.Where(u => _projects.ContainsKey(u.Key)).OrderBy(u => u.Value).Select(u => u.Key).FirstOrDefault();
            if (oldest is null || !_projects.TryRemove(oldest, out _))
            {
                return;
            }

            _lastUse.TryRemove(oldest, out _);
        }
    }

    private static List<MetadataReference> LoadReferences()
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var version = new DirectoryInfo(runtime).Name;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var refFolder = Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs)
                .Select(d => (Folder: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null)
                .OrderByDescending(d => Path.GetFileName(d.Folder) == version)
                .ThenByDescending(d => d.Version)
                .Select(d => Directory.EnumerateDirectories(Path.Combine(d.Folder, "ref")).FirstOrDefault())
                .FirstOrDefault(f => f is not null)
            : null;
        var assemblies = refFolder is not null
            ? Directory.EnumerateFiles(refFolder, "*.dll")
            : ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return assemblies.Order(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex NamespaceName();

    private sealed record Project(
        CSharpCompilation Compilation,
        IReadOnlyDictionary<string, SyntaxTree> Trees,
        bool SelfContained,
        string Stamp,
        CSharpParseOptions ParseOptions,
        string ContentHash);

    [GeneratedRegex(@"^net(?:coreapp)?(\d+)\.(\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ModernFramework();
}
