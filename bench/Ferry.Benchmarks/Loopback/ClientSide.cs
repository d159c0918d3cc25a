using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

namespace Ferry.Benchmarks.Loopback;

/// <summary>The measured side: the real client with its own SocketsHttpHandler, doing everything per call
/// (validation, form, timestamp, HMAC, limiter, send, classification, parsing).</summary>
public sealed class ClientSide(Uri baseAddress) : ILoopbackSide
{
    private static readonly UniversalTransferRequest Request = new(UniversalTransferType.MainUmFuture, "USDT", 1m);

    private readonly BinanceClient _client = new(
        new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac),
        BenchClientOptions.Create(baseAddress));

    public string Name => "client";

    public void PrepareBlock()
    {
    }

    public async Task RunBlockAsync(int calls, CancellationToken cancellationToken)
    {
        for (var i = 0; i < calls; i++)
        {
            var outcome = await _client.Wallet.UniversalTransferAsync(Request, cancellationToken).ConfigureAwait(false);
            if (outcome is not Done<UniversalTransferResult>)
            {
                throw new InvalidOperationException($"A client transfer did not succeed: {outcome.Describe()}");
            }
        }
    }

    public void Dispose() => _client.Dispose();
}
