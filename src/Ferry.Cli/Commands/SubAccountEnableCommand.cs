using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub enable-futures</c> and <c>enable-options</c>: switch a product on for a sub-account.</summary>
internal static class SubAccountEnableCommand
{
    public static Command Create(CliEnvironment env, string verb, string description, bool futures)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the change on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command(verb, description) { email, confirm });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountEnableOptions(futures, parse.GetValue(email), parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountEnableOptions options, CancellationToken ct)
    {
        var request = new SubAccountEmailRequest(CommandInput.Email(options.Email));
        var printer = new Printer(env, options.Json);
        var query = SapiQuery.SubAccounts(env, printer, options.Account);
        var change = new MainnetChange($"enable {(options.Futures ? "futures" : "options")} for {request.Email}", options.Confirm);
        return options.Futures
            ? query.ChangeAsync(c => c.SubAccountManagement.EnableFuturesAsync(request, ct), BinanceJsonContext.Default.FuturesEnableResult,
                r => printer.Line($"Futures {(r.IsFuturesEnabled ? "enabled" : "NOT enabled")} for {r.Email}."), change, ct)
            : query.ChangeAsync(c => c.SubAccountManagement.EnableOptionsAsync(request, ct), BinanceJsonContext.Default.OptionsEnableResult,
                r => printer.Line($"Options {(r.IsEOptionsEnabled ? "enabled" : "NOT enabled")} for {r.Email}."), change, ct);
    }
}
