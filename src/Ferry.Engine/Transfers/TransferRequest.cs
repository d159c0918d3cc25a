using Ferry.Engine.Addresses;

namespace Ferry.Engine.Transfers;

/// <summary>A move as a person states it: this much of this asset from one wallet to another.</summary>
public sealed record TransferRequest(decimal Amount, string Asset, WalletAddress From, WalletAddress To);
