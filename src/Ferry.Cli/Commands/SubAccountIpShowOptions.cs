namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub ip show EMAIL APIKEY</c>.</summary>
internal sealed record SubAccountIpShowOptions(string? Email, string ApiKey, bool Json, string? Account);
