namespace CodegenBot.Core.Context.Codebase;

/// <summary>A convention measured from the code.</summary>
/// <param name="Category"><c>naming</c>, <c>formatting</c>, <c>async</c>, <c>di</c>, <c>errors</c> or <c>architecture</c>.</param>
/// <param name="Name">What was seen, such as <c>csharp private fields _camelCase</c>.</param>
/// <param name="Evidence">The counts behind it and the sample they come from, such as <c>412 of 430 fields (120 of 950 csharp files sampled)</c>.</param>
/// <param name="Share">Share (0..1, three decimals) of the measured cases that follow it; each pattern's evidence says what was counted.</param>
public sealed record CodePattern(string Category, string Name, string Evidence, double Share);
