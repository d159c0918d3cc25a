using System.Text.Json;

namespace Ferry.Cli.Tests;

/// <summary>
/// <c>ferry approvals list|approve|deny</c>, <c>ferry audit export</c> and the policy's preview in <c>--dry-run</c>, on the
/// embedded simulator: a move a rule says needs approval is refused naming its request (exit 4, nothing journaled or
/// sent); someone else approves it; the same transfer run again runs once; the requester's own approval is exit 4; the
/// audit log exports every decision as JSON Lines or CSV.
/// </summary>
public sealed class ApprovalsCliTests : IDisposable
{
    private readonly CliRun _cli = new();

    public ApprovalsCliTests()
    {
        File.WriteAllText(Path.Combine(_cli.Home, "policy.yaml"), """
            default: allow
            rules:
              - name: big-usdt
                match: { asset: USDT }
                limit: { per-move: 20 }
                action: require-approval
                approval: { expires: 4h }
              - name: cap
                match: { asset: USDT }
                limit:
                  rolling: { period: 24h, max: 100 }
                action: block
            """);
        _cli.Environment["USER"] = "alice";
    }

    public void Dispose() => _cli.Dispose();

    private Task<CliRun.Result> As(string user, params string[] args)
    {
        _cli.Environment["USER"] = user;
        return _cli.RunAsync(args);
    }

    private async Task<JsonElement> JournalAsync() =>
        JsonDocument.Parse((await _cli.RunAsync("journal", "list", "--json")).Out).RootElement.GetProperty("entries");

    [Fact]
    public async Task A_waiting_move_is_approved_by_someone_else_and_the_same_transfer_then_runs_once()
    {
        var first = await As("alice", "transfer", "50", "USDT", "--from", "spot", "--to", "funding");
        Assert.Equal(4, first.ExitCode);
        Assert.Contains("Rule 'big-usdt' says this move needs approval: 50 USDT in one move is more than its 20 per move; it waits as approval A", first.Error, StringComparison.Ordinal);
        Assert.Equal(0, (await JournalAsync()).GetArrayLength());

        var list = await As("bob", "approvals", "list", "--json");
        Assert.True(list.ExitCode == 0, list.All);
        var request = Assert.Single(JsonDocument.Parse(list.Out).RootElement.GetProperty("approvals").EnumerateArray());
        var id = request.GetProperty("id").GetString()!;
        Assert.Contains(id, first.Error, StringComparison.Ordinal);
        Assert.Equal(("waiting", "person:alice", "50", "big-usdt", 1), (request.GetProperty("state").GetString(), request.GetProperty("requester").GetString(),
            request.GetProperty("amount").GetString(), request.GetProperty("rule").GetString(), request.GetProperty("required").GetInt32()));

        var own = await As("alice", "approvals", "approve", id);
        Assert.Equal(4, own.ExitCode);
        Assert.Equal($"ferry: alice asked for the move of approval {id}, so someone else must approve it (four eyes); nothing was written.", own.Error.Trim());

        var preview = await As("alice", "transfer", "50", "USDT", "--from", "spot", "--to", "funding", "--dry-run", "--json");
        Assert.True(preview.ExitCode == 0, preview.All);
        var policy = JsonDocument.Parse(preview.Out).RootElement.GetProperty("policy");
        Assert.Equal(("require-approval", "big-usdt", id, "waiting"), (policy.GetProperty("action").GetString(), policy.GetProperty("rule").GetString(),
            policy.GetProperty("approvalId").GetString(), policy.GetProperty("approvalState").GetString()));

        var approve = await As("bob", "approvals", "approve", id);
        Assert.True(approve.ExitCode == 0, approve.All);
        Assert.Contains($"Approved {id} (1 of 1): 50 USDT from spot to funding", approve.Out, StringComparison.Ordinal);
        var replay = await As("carol", "approvals", "approve", id);
        Assert.Equal(4, replay.ExitCode);

        var run = await As("alice", "transfer", "50", "USDT", "--from", "spot", "--to", "funding", "--json");
        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(1, (await JournalAsync()).GetArrayLength());
        var used = JsonDocument.Parse((await As("bob", "approvals", "list", "--all", "--json")).Out).RootElement.GetProperty("approvals")[0];
        Assert.Equal("executed", used.GetProperty("state").GetString());

        // Run once: the same transfer again is a new request, and nothing more is sent.
        Assert.Equal(4, (await As("alice", "transfer", "50", "USDT", "--from", "spot", "--to", "funding")).ExitCode);
        Assert.Equal(1, (await JournalAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_denial_is_recorded_with_its_reason_and_an_unknown_id_is_bad_input()
    {
        await As("alice", "transfer", "30", "USDT", "--from", "spot", "--to", "funding");
        var id = JsonDocument.Parse((await As("bob", "approvals", "list", "--json")).Out).RootElement.GetProperty("approvals")[0].GetProperty("id").GetString()!;
        var deny = await As("bob", "approvals", "deny", id, "--reason", "not before the audit, \"really\"", "--json");
        Assert.True(deny.ExitCode == 0, deny.All);
        var doc = JsonDocument.Parse(deny.Out).RootElement.GetProperty("approval");
        Assert.Equal("denied", doc.GetProperty("state").GetString());
        Assert.Equal("not before the audit, \"really\"", doc.GetProperty("votes")[0].GetProperty("reason").GetString());
        Assert.Equal(4, (await As("carol", "approvals", "approve", id)).ExitCode);
        var unknown = await As("bob", "approvals", "approve", "Anosuchid00");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Equal(0, (await JournalAsync()).GetArrayLength());
    }

    [Fact]
    public async Task The_audit_log_exports_every_decision_as_json_lines_and_as_quoted_csv()
    {
        Assert.Equal(0, (await As("alice", "transfer", "10", "USDT", "--from", "spot", "--to", "funding")).ExitCode);
        await As("alice", "transfer", "30", "USDT", "--from", "spot", "--to", "funding");
        var id = JsonDocument.Parse((await As("bob", "approvals", "list", "--json")).Out).RootElement.GetProperty("approvals")[0].GetProperty("id").GetString()!;
        await As("bob", "approvals", "deny", id, "--reason", "wrong, \"again\"");

        var jsonl = await _cli.RunAsync("audit", "export", "--since", "24h");
        Assert.True(jsonl.ExitCode == 0, jsonl.All);
        var rows = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["allowed", "waiting", "denied"], rows.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["person:alice", "person:alice", "bob"], rows.Select(r => r.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, rows[0].GetProperty("rule").ValueKind);
        Assert.Equal("big-usdt", rows[1].GetProperty("rule").GetString());
        Assert.Equal("30", rows[2].GetProperty("amount").GetString());

        var file = Path.Combine(_cli.Home, "audit.csv");
        var csv = await _cli.RunAsync("audit", "export", "--since", "2000-01-01", "--format", "csv", "--out", file);
        Assert.True(csv.ExitCode == 0, csv.All);
        var lines = (await File.ReadAllTextAsync(file)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seq,at,kind,actor,rule,approvalId,entryId,requester,account,venue,from,to,asset,amount,payloadHash,message", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.True(lines[3].EndsWith("\"bob denied approval " + id + " (wrong, \"\"again\"\"): 30 USDT from spot to funding (account embedded-sim on binance) will not run under it.\"", StringComparison.Ordinal), lines[3]);

        var again = await _cli.RunAsync("audit", "export", "--since", "24h", "--out", file);
        Assert.Equal(2, again.ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("audit", "export", "--since", "yesterday")).ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("audit", "export", "--since", "24h", "--format", "xml")).ExitCode);
    }
}
