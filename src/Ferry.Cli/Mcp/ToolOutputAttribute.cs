using System.Text.Json;

namespace Ferry.Cli.Mcp;

/// <summary>
/// A tool's output schema, declared beside the tool: the top-level fields of its structured content. Field names map to
/// the JSON-schema fragments in <see cref="Fields"/>, so one field means one thing in every tool.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ToolOutputAttribute(string description, params string[] fields) : Attribute
{
    public string Description { get; } = description;
    public string[] FieldNames { get; } = fields;

    private const string TargetSchema = """{"type":"object","description":"The account the call ran as (never a key).","properties":{"account":{"type":"string"},"environment":{"type":"string","enum":["mainnet","testnet","sim"]},"simulator":{"type":"boolean"}}}""";

    /// <summary>Every field a Ferry tool returns, with its schema.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["target"] = TargetSchema,
        ["outcome"] = """{"type":"string","enum":["done","rejected","unknown","not-sent"],"description":"How the exchange call ended."}""",
        ["result"] = """{"description":"The exchange's answer, in Binance's own field names (keys masked)."}""",
        ["message"] = """{"type":"string"}""",
        ["accounts"] = """{"type":"array","description":"Configured accounts: name, venue and environment only.","items":{"type":"object","properties":{"name":{"type":"string"},"venue":{"type":"string"},"environment":{"type":"string"}}}}""",
        ["balances"] = """{"type":"array","items":{"type":"object","description":"One wallet balance; amounts are decimal strings."}}""",
        ["transfers"] = """{"type":"array","items":{"type":"object","description":"One transfer as the exchange records it; amounts are decimal strings."}}""",
        ["source"] = """{"type":"string","description":"The endpoint the rows came from."}""",
        ["from"] = """{"description":"Start of the window (Unix ms)."}""",
        ["to"] = """{"description":"End of the window (Unix ms)."}""",
        ["entries"] = """{"type":"array","items":{"type":"object","description":"One journal entry: id, state, account, endpoint, move, ids."}}""",
        ["entry"] = """{"type":"object","description":"One journal entry with its events."}""",
        ["results"] = """{"type":"array","items":{"type":"object","properties":{"id":{"type":"string"},"state":{"type":"string"},"reason":{"type":"string"}}}}""",
        ["planId"] = """{"type":"string","description":"Pass to execute_plan; it expires and runs at most once."}""",
        ["kind"] = """{"type":"string","description":"The plan's kind: transfer, sweep or rebalance."}""",
        ["expiresAt"] = """{"type":"string","format":"date-time"}""",
        ["sent"] = """{"type":"boolean","description":"Whether anything was sent to an exchange."}""",
        ["needsConfirmation"] = """{"type":"boolean","description":"True when executing touches a MAINNET account: the user must type CONFIRM."}""",
        ["request"] = """{"type":"object","description":"The move as asked: amount, asset, from, to (a sweep: asset, to, from, wallet, min, keep; a rebalance: the targets per asset per wallet)."}""",
        ["legs"] = """{"type":"array","description":"The legs in the order they run; each is one endpoint call with one account's key.","items":{"type":"object"}}""",
        ["legsRun"] = """{"type":"integer"}""",
        ["legsTotal"] = """{"type":"integer"}""",
        ["routeId"] = """{"type":"string","description":"The route's journal id (R...): journal_resume continues a route that stopped halfway."}""",
        ["status"] = """{"type":"string","enum":["complete","stopped","unknown"],"description":"How the route ended."}""",
        ["holding"] = """{"type":"string","description":"The wallet that holds the money now (two, 'X or Y', when a leg's outcome is unknown)."}""",
        ["moves"] = """{"type":"array","description":"A sweep's or rebalance's moves: moveId, from, to, asset, amount; planned: legs (endpoint, account, environment, ipWeight, uidWeight); executed: outcome, journalIds, tranIds (message and error when not done).","items":{"type":"object"}}""",
        ["skipped"] = """{"type":"array","description":"Sources or wallets that get no move, and why.","items":{"type":"object","properties":{"from":{"type":"string"},"reason":{"type":"string"}}}}""",
        ["uidWeight"] = """{"type":"integer","description":"Total UID rate-limit weight of every leg."}""",
        ["ipWeight"] = """{"type":"integer","description":"Total IP rate-limit weight of every leg."}""",
        ["runId"] = """{"type":"string","description":"Groups a sweep or rebalance run's journal entries (intent runId:moveId)."}""",
        ["summary"] = """{"type":"object","description":"A sweep or rebalance run's counts: planned, skipped, done, rejected, unknown, notSent, uidWeight, ipWeight."}""",
        ["policy"] = """{"type":"object","description":"What the transfer policy would decide now (absent without a policy file): action (allow, block, require-approval), rule, message, budgets (rule, limit, max, used, left, unit), approvalId and approvalState of an open request for exactly this move. Nothing was written."}""",
        ["approvals"] = """{"type":"array","description":"Approval requests, newest first: id, state (waiting, approved, denied, executed, expired), requester, account, venue, from, to, asset, amount, rule, reason, required, approvers, votes (approver, answer, at, reason), createdAt, expiresAt (Unix ms), entryId, payloadHash.","items":{"type":"object"}}""",
        ["stoppedAt"] = """{"type":["integer","null"],"description":"The position of the leg the route stopped at."}""",
    };

    public JsonElement Schema() => McpJson.ObjectSchema(Description, FieldNames.Select(f => (f, Fields[f])).ToArray());
}
