using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub deposit-address</c>: a sub-account's deposit address for a coin.</summary>
internal static class SubAccountDepositAddressCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var coin = new Argument<string>("COIN") { Description = "The coin, e.g. USDT." };
        var network = new Option<string?>("--network") { Description = "The network, e.g. ETH, BSC, TRX (default: Binance's default for the coin)." };
        var command = common.Add(new Command("deposit-address", "A sub-account's deposit address for a coin.") { email, coin, network });
        command.SetAction((parse, ct) => RunAsync(env, new SubAccountDepositAddressOptions(parse.GetValue(email), parse.GetValue(coin),
            parse.GetValue(network), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountDepositAddressOptions options, CancellationToken ct)
    {
        var query = new SubAccountDepositAddressQuery(CommandInput.Email(options.Email), CommandInput.Code(options.Coin, "COIN", "a coin"))
        {
            Network = options.Network is { } n ? CommandInput.Code(n, "--network", "a coin") : null,
        };
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(c => c.SubAccountManagement.GetDepositAddressAsync(query, ct),
            BinanceJsonContext.Default.SubAccountDepositAddress, r =>
            {
                printer.Line($"{r.Coin} deposit address of {query.Email}{(query.Network is null ? "" : $" on {query.Network}")}: {r.Address}");
                if (r.Tag.Length > 0) printer.Line($"Tag/memo: {r.Tag}");
                if (r.Url.Length > 0) printer.Line(r.Url);
            }, ct);
    }
}
