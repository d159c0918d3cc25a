namespace Ferry.Cli.Output.Json;

/// <summary>A wallet whose balance could not be read: whose, which, how the read ended, and why.</summary>
internal sealed record UnreadWalletDocument(string Owner, string Wallet, string Outcome, string Message);
