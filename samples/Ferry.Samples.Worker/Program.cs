using Ferry.Core.Credentials;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Extensions.DependencyInjection;
using Ferry.Samples.Worker;
using Ferry.Simulator;
using Ferry.Simulator.Scenario;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The simulator stands in for Binance; a real account is the same AccountDefinition with the exchange's address and a key
// read from a key file or a secret store.
await using var exchange = await SimulatorHost.StartAsync(new SimulatorOptions { Scenario = ScenarioDocument.Demo() });
var folder = Directory.CreateTempSubdirectory("ferry-worker-sample-").FullName;
try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.Services.AddFerry(ferry =>
    {
        ferry.Accounts.Add(new AccountDefinition("main", Venue.Binance, AccountEnvironment.Sim, exchange.BaseAddress,
            new ApiCredentials(ScenarioDocument.DemoApiKey, new SecretText(ScenarioDocument.DemoSecret), SigningKind.Hmac), "master@example.com"));
        ferry.JournalPath = Path.Combine(folder, "journal.db");
        ferry.Requester = "worker-sample";
    });
    builder.Services.Configure<ScheduleOptions>(builder.Configuration.GetSection("Schedule"));
    builder.Services.AddHostedService<ScheduledTransferService>();
    await builder.Build().RunAsync();
}
finally
{
    Directory.Delete(folder, recursive: true);
}
