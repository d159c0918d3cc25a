namespace Ferry.Cli.Output.Json;

/// <summary>One rule's rolling limit as a planned move would find it: used before the move, and left (exact decimals).</summary>
internal sealed record PolicyBudgetDocument(string Rule, string Limit, string Max, string Used, string Left, string Unit);
