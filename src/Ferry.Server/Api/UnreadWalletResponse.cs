namespace Ferry.Server.Api;

/// <summary>A wallet whose balance could not be read, the outcome of the read (not-sent, rejected, unknown) and one sentence.</summary>
public sealed record UnreadWalletResponse(string Owner, string Wallet, string Outcome, string Message);
