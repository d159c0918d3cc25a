namespace Ferry.Cli.Commands;

/// <summary>What <c>ferry accounts add</c> was given, as typed; what is missing is asked for in a terminal.</summary>
internal sealed record AccountAddOptions
{
    public string? Name { get; init; }
    public string? Environment { get; init; }
    public string? Signing { get; init; }
    public string? Venue { get; init; }
    public string? Email { get; init; }
    public string? Description { get; init; }
    public string? BaseAddress { get; init; }
    public string? KeyFile { get; init; }
    public string? PrivateKeyFile { get; init; }
    public bool FromEnv { get; init; }

    /// <summary>A master's sub-account e-mails.</summary>
    public string[]? SubAccounts { get; init; }

    /// <summary>For a sub-account's key: its master's e-mail.</summary>
    public string? MasterEmail { get; init; }

    public bool Json { get; init; }
}
