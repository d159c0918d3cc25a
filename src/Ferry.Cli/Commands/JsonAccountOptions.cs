using System.CommandLine;

namespace Ferry.Cli.Commands;

/// <summary>The options every sub-account and managed sub-account verb has: --json and --account.</summary>
internal sealed record JsonAccountOptions(Option<bool> Json, Option<string?> Account)
{
    public static JsonAccountOptions New() => new(CommonOptions.Json(), CommonOptions.Account());

    public Command Add(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Account);
        return command;
    }
}
