namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub ip add|remove EMAIL APIKEY IP...</c>: add (or remove) these addresses; --unrestricted only with add.</summary>
internal sealed record SubAccountIpChangeOptions(bool Add, string? Email, string ApiKey, string[] Ips, bool Unrestricted, bool Confirm, bool Json, string? Account);
