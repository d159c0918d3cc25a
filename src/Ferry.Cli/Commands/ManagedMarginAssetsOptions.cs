namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed margin-assets EMAIL</c>: isolated margin with <see cref="Isolated"/>, else cross margin.</summary>
internal sealed record ManagedMarginAssetsOptions(string? Email, bool Isolated, bool Json, string? Account);
