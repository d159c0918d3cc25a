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

    public static JsonObject Plan(WalletTransferPlan plan)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in plan.Parameters) parameters[name] = value;
        return new JsonObject
        {
            ["from"] = plan.From.ToString(),
            ["to"] = plan.To.ToString(),
            ["asset"] = plan.Asset,
            ["amount"] = WireDecimal.Format(plan.Amount),
            ["endpoint"] = plan.Endpoint,
            ["parameters"] = parameters,
        };
    }

    public static JsonObject Error(ExchangeError error) => new()
    {
        ["httpStatus"] = error.HttpStatus,
        ["code"] = error.Code,
        ["message"] = error.Message,
    };

    public static string OutcomeName(OutcomeKind kind) => Output.Json.OutcomeNames.Of(kind);
}
