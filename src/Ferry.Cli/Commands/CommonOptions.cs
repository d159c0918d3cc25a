using System.CommandLine;

namespace Ferry.Cli.Commands;

/// <summary>Options every command shares.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document instead of tables." };

    public static Option<string?> Account() => new("--account")
    {
        Description = "The configured account to use (default: 'main', the only account, or the built-in simulator when none is configured).",
    };

    /// <summary>On the root and every subcommand: the journal of every command that opens one.</summary>
    public static Option<string?> Journal() => new("--journal")
    {
        Description = "The journal to use: a postgres://user:password@host:port/database URL, a PostgreSQL connection string, or a journal file (default: FERRY_JOURNAL, else FERRY_HOME/journal.db).",
        Recursive = true,
    };

    /// <summary>On the root and every subcommand: debug lines (masked, never a key) on standard error.</summary>
    public static Option<bool> Verbose() => new("--verbose")
    {
        Description = "Log what Ferry does to standard error (requests, accounts, decisions; keys always masked). FERRY_LOG=info|debug also appends to FERRY_HOME/logs/ferry.log.",
        Recursive = true,
    };
}
