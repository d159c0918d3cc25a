namespace Ferry.Cli.Output.Json;

/// <summary>One wallet's balance of one asset; the symbol names an isolated margin pair (null otherwise); the amount is a decimal string.</summary>
internal sealed record BalanceDocument(string Owner, string Wallet, string? Symbol, string Asset, string Amount);
