using System.CommandLine;
using Ferry.Binance.ManagedSubAccount;
using Ferry.Binance.Models;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry managed deposit-address</c>: a managed sub-account's deposit address for a coin.</summary>
internal static class ManagedDepositAddressCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The managed sub-account." };
        var coin = new Argument<string>("COIN") { Description = "The coin, e.g. USDT." };
        var network = new Option<string?>("--network") { Description = "The network, e.g. ETH, BSC, TRX (default: Binance's default for the coin)." };
        var command = common.Add(new Command("deposit-address", "A managed sub-account's deposit address for a coin.") { email, coin, network });
        command.SetAction((parse, ct) => RunAsync(env, new ManagedDepositAddressOptions(parse.GetValue(email), parse.GetValue(coin), parse.GetValue(network),
            parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, ManagedDepositAddressOptions options, CancellationToken ct)
    {
        var query = new ManagedSubAccountDepositAddressQuery(CommandInput.Email(options.Email), CommandInput.Code(options.Coin, "COIN", "an asset"))
        {
            Network = options.Network is { } n ? CommandInput.Code(n, "--network", "an asset") : null,
        };
        CommandInput.Check(query.Validate());
        var printer = new Printer(env, options.Json);
        return SapiQuery.ManagedSubAccounts(env, printer, options.Account).RunAsync(c => c.ManagedSubAccount.GetDepositAddressAsync(query, ct),
            BinanceJsonContext.Default.ManagedSubAccountDepositAddress, r =>
            {
                printer.Line($"{r.Coin} deposit address of {query.Email}{(query.Network is null ? "" : $" on {query.Network}")}: {r.Address}");
                if (r.Tag.Length > 0) printer.Line($"Tag/memo: {r.Tag}");
                if (r.Url.Length > 0) printer.Line(r.Url);
            }, ct);
    }
}
