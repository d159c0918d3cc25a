namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry serve</c> was asked: where to listen, the default account, how long plans live, JSON or lines.</summary>
internal sealed record ServeOptions(string Urls, string? Account, string PlanTtl, bool Json);
