using Ferry.Server.Security;
using Ferry.Simulator.Faults;

namespace Ferry.Server.Tests;

/// <summary>
/// The leak scan: every endpoint, on its success and error paths (bad input, wrong token, an unknown outcome, a mainnet
/// refusal), with known credentials configured for every account; no response (headers and body) and no log line may
/// hold a whole key, a secret or a token.
/// </summary>
public sealed class LeakScanTests
{
    [Fact]
    public async Task No_answer_or_log_line_holds_a_key_a_secret_or_a_token()
    {
        string token = "";
        await using var api = await ApiHarness.StartAsync(a => token = a.Tokens.Add("ci", ApiScope.Execute));
        var secrets = api.Secrets.Append(token).ToList();

        await api.GetAsync("/api/v1/accounts", token);
        await api.GetAsync("/api/v1/balances", token);
        await api.GetAsync("/api/v1/history", token);
        await api.GetAsync("/api/v1/history?account=htx", token);
        await api.GetAsync("/api/v1/history?account=live&days=99", token);
        await api.GetAsync("/openapi/v1.json", token);
        await api.GetAsync("/api/v1/accounts", "ferry_wrong");
        await api.GetAsync("/api/v1/accounts");
        var live = await api.PlanSpotToUsdmAsync("5", token, "live");
        await api.PostAsync($"/api/v1/plans/{live}/execute", null, token);
        await api.PostAsync("/api/v1/plans/transfer", """{"amount":"-1","asset":"USDT","from":"spot","to":"usdm"}""", token);
        await api.PostAsync("/api/v1/plans/transfer", """{"amount":"1","asset":"USDT","from":"spot","to":"alice@example.com/usdm","account":"live"}""", token);
        var planId = await api.PlanSpotToUsdmAsync("5", token);
        api.Host.Faults.Reset(FaultPlan.Parse("drop-after-commit@/sapi/v1/asset/transfer=1"), seed: 1);
        await api.PostAsync($"/api/v1/plans/{planId}/execute", null, token);
        api.Host.Faults.Reset(FaultPlan.Parse("error-after-commit@/sapi/v1/sub-account/universalTransfer=1"), seed: 1);
        var sweep = await ApiHarness.JsonAsync(await api.PostAsync("/api/v1/plans/sweep", """{"asset":"USDT","to":"spot"}""", token));
        await api.PostAsync($"/api/v1/plans/{sweep.GetProperty("planId").GetString()}/execute", null, token);
        api.Host.Faults.Reset(FaultPlan.None, seed: 0);
        await api.PostAsync("/api/v1/journal/reconcile", null, token);
        await api.GetAsync("/api/v1/journal", token);
        await api.GetAsync("/api/v1/journal/latest", token);
        await api.PostAsync("/api/v1/journal/latest/resume", null, token);
        await api.PostAsync("/api/v1/plans/rebalance", """{"plan":"USDT:\n  spot: 10\n  usdm: 10\n"}""", token);

        Assert.True(api.Seen.Count >= 20);
        Assert.NotEmpty(api.LogLines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(api.Seen, s => s.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(api.LogLines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}
