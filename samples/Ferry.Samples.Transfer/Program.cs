using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;

await using var exchange = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
var key = new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac);
using var binance = new BinanceClient(key, new BinanceClientOptions { BaseAddress = exchange.BaseAddress });

var outcome = await binance.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 10m));
Console.WriteLine(outcome switch
{
    Done<UniversalTransferResult> done => $"Moved 10 USDT from spot to USDⓈ-M futures; transfer id {done.Value.TranId}.",
    _ => $"Not moved: {outcome.Describe()}",  // Rejected, NotSent or Unknown: never resent blindly
});
