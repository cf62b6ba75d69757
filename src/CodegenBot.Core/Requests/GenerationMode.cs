namespace CodegenBot.Core.Requests;

/// <summary>What kind of change is asked for; each mode has its own prompt template and success criteria.</summary>
public enum GenerationMode
{
    /// <summary>New functionality.</summary>
    Feature,

    /// <summary>A defect to find and fix, with a test that reproduces it.</summary>
    Bugfix,

    /// <summary>Better structure, same behaviour.</summary>
    Refactor,

    /// <summary>New or better tests.</summary>
    Test,

    /// <summary>Documentation only.</summary>
    Docs,

    /// <summary>Faster or leaner code, with the reason it is.</summary>
    Optimize,
}
