namespace Ferry.Cli.Output.Json;

/// <summary>One non-zero balance of the demo's master; the amount is a decimal string.</summary>
internal sealed record DemoBalanceDocument(string Wallet, string? Symbol, string Asset, string Amount);
