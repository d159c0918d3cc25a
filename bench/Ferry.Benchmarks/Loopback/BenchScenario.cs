using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Ferry.Simulator.Binance;

namespace Ferry.Benchmarks.Loopback;

/// <summary>The simulator set-up of a loopback run: the demo HMAC key with a balance no run can spend, and no throttling.</summary>
public static class BenchScenario
{
    /// <summary>The demo master and key, with a trillion USDT in spot so every MAIN_UMFUTURE transfer of 1 USDT succeeds.</summary>
    public static ScenarioDocument Create() => ScenarioDocument.Parse($$"""
        {
          "description": "Ferry loopback benchmark: one master, the demo HMAC key, a trillion USDT in spot.",
          "binance": {
            "master": "master@example.com",
            "apiKeys": [
              {
                "owner": "master@example.com",
                "apiKey": "{{ScenarioDocument.DemoApiKey}}",
                "secret": "{{ScenarioDocument.DemoSecret}}",
                "permissions": [ "enableReading", "permitsUniversalTransfer" ]
              }
            ],
            "balances": [
              { "owner": "master@example.com", "wallet": "SPOT", "asset": "USDT", "amount": "1000000000000" }
            ]
          }
        }
        """);

    /// <summary>
    /// Window budgets far above a run's use (POST asset/transfer costs UID 300 a call, so a 2000-call run on both
    /// sides uses about 1.2 million) while staying far from int overflow.
    /// </summary>
    public static SimRateLimits RateLimits() => new()
    {
        IpWeightPerWindow = 1_000_000_000,
        UidWeightPerWindow = 1_000_000_000,
        ApiIpWeightPerWindow = 1_000_000_000,
    };
}
