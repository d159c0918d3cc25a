using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry sub create</c>: a virtual sub-account.</summary>
internal static class SubAccountCreateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var name = new Argument<string>("NAME") { Description = "Letters and digits Binance turns into a virtual e-mail (NAME_virtual@...)." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the change on mainnet without the CONFIRM prompt." };
        var command = common.Add(new Command("create", "Create a virtual sub-account.") { name, confirm });
        command.SetAction((parse, ct) => RunAsync(env,
            new SubAccountCreateOptions(parse.GetValue(name) ?? "", parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> RunAsync(CliEnvironment env, SubAccountCreateOptions options, CancellationToken ct)
    {
        var request = new CreateVirtualSubAccountRequest(options.Name);
        if (request.Validate() is { } problem) throw CliException.BadInput(problem);
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).ChangeAsync(
            c => c.SubAccountManagement.CreateVirtualSubAccountAsync(request, ct),
            BinanceJsonContext.Default.VirtualSubAccountResult,
            r => printer.Line($"Created virtual sub-account {r.Email}."),
            new MainnetChange($"create a virtual sub-account from '{request.SubAccountString}'", options.Confirm), ct);
    }
}
