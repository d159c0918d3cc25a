namespace Ferry.Cli.Output.Json;

/// <summary>What the user was asked to consent to, and that nothing was sent.</summary>
internal sealed record ConsentDocument(bool Required, string Summary, bool Sent);
