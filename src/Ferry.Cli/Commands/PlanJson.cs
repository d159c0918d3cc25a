using System.Text.Json.Nodes;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;
using Ferry.Core.Outcomes;
using Ferry.Engine.Transfers;

namespace Ferry.Cli.Commands;

/// <summary>The JSON shapes shared by commands that plan and execute moves.</summary>
internal static class PlanJson
{
    public static JsonObject Target(SessionTarget target) => new()
    {
        ["account"] = target.AccountName,
        ["environment"] = target.Environment.ToString().ToLowerInvariant(),
        ["simulator"] = target.Environment == Ferry.Engine.Accounts.AccountEnvironment.Sim,
    };

    public static JsonObject Target(Ferry.Engine.Accounts.AccountDefinition account) => new()
    {
        ["account"] = account.Name,
        ["environment"] = account.Environment.ToString().ToLowerInvariant(),
        ["simulator"] = account.Environment == Ferry.Engine.Accounts.AccountEnvironment.Sim,
    };

    public static JsonObject Error(ExchangeError error) => new()
    {
        ["httpStatus"] = error.HttpStatus,
        ["code"] = error.Code,
        ["message"] = error.Message,
    };

    public static string OutcomeName(OutcomeKind kind) => Output.Json.OutcomeNames.Of(kind);
}
