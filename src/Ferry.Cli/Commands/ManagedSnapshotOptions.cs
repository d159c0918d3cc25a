namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed snapshot EMAIL</c>: the snapshot type (spot, margin, futures) and how many days.</summary>
internal sealed record ManagedSnapshotOptions(string? Email, string? Type, int? Limit, bool Json, string? Account);
