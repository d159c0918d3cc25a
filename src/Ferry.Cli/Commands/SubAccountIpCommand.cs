using Ferry.Binance.Models.SubAccount;
using System.CommandLine;
using Ferry.Binance.Models;
using Ferry.Binance.SubAccount;
using Ferry.Cli.Output;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;

namespace Ferry.Cli.Commands;

/// <summary>The IP-restriction verbs: ip show, ip add, ip remove. The sub-account key is masked in every output.</summary>
internal static class SubAccountIpCommand
{
    public static Command Create(CliEnvironment env)
    {
        var ip = new Command("ip", "Trusted IPs of a sub-account API key (a restricted key is refused from any other address).");
        ip.Subcommands.Add(Show(env));
        ip.Subcommands.Add(Change(env, add: true));
        ip.Subcommands.Add(Change(env, add: false));
        return ip;
    }

    private static Command Show(CliEnvironment env)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var key = new Argument<string>("APIKEY") { Description = "The sub-account's API key." };
        var command = common.Add(new Command("show", "Show a sub-account key's IP restriction.") { email, key });
        command.SetAction((parse, ct) => ShowAsync(env,
            new SubAccountIpShowOptions(parse.GetValue(email), parse.GetValue(key) ?? "", parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> ShowAsync(CliEnvironment env, SubAccountIpShowOptions options, CancellationToken ct)
    {
        var query = new SubAccountApiKeyQuery(CommandInput.Email(options.Email), options.ApiKey);
        if (query.Validate() is { } problem) throw CliException.BadInput(problem);
        var printer = new Printer(env, options.Json);
        return SapiQuery.SubAccounts(env, printer, options.Account).RunAsync(c => Masked(c.SubAccountManagement.GetIpRestrictionAsync(query, ct)),
            BinanceJsonContext.Default.SubAccountIpRestriction, r => IpTable(printer, r), ct);
    }

    private static Command Change(CliEnvironment env, bool add)
    {
        var common = JsonAccountOptions.New();
        var email = new Argument<string>("EMAIL") { Description = "The sub-account." };
        var key = new Argument<string>("APIKEY") { Description = "The sub-account's API key." };
        var ips = new Argument<string[]>("IP") { Description = "Static IPv4/IPv6 addresses (several allowed; commas also separate).", Arity = add ? ArgumentArity.ZeroOrMore : ArgumentArity.OneOrMore };
        var unrestricted = new Option<bool>("--unrestricted") { Description = "Lift the restriction (status 1) instead of restricting the key to its list." };
        var confirm = new Option<bool>("--confirm") { Description = "Consent to the change on mainnet without the CONFIRM prompt." };
        var command = common.Add(add
            ? new Command("add", "Restrict a sub-account key to trusted IPs, adding these addresses.") { email, key, ips, unrestricted, confirm }
            : new Command("remove", "Remove addresses from a sub-account key's trusted IPs.") { email, key, ips, confirm });
        command.SetAction((parse, ct) => ChangeAsync(env, new SubAccountIpChangeOptions(add, parse.GetValue(email), parse.GetValue(key) ?? "",
            parse.GetValue(ips) ?? [], add && parse.GetValue(unrestricted), parse.GetValue(confirm), parse.GetValue(common.Json), parse.GetValue(common.Account)), ct));
        return command;
    }

    private static Task<int> ChangeAsync(CliEnvironment env, SubAccountIpChangeOptions options, CancellationToken ct)
    {
        var list = options.Ips.SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        var mail = CommandInput.Email(options.Email);
        var apiKey = options.ApiKey;
        var printer = new Printer(env, options.Json);
        var query = SapiQuery.SubAccounts(env, printer, options.Account);
        if (options.Add)
        {
            var request = new SubAccountIpRestrictionRequest(mail, apiKey, !options.Unrestricted) { IpAddresses = list };
            if (request.Validate() is { } problem) throw CliException.BadInput(problem);
            if (request.Restricted && list.Count == 0) throw CliException.BadInput("Name at least one IP address to restrict the key to, or pass --unrestricted.");
            return query.ChangeAsync(c => Masked(c.SubAccountManagement.SetIpRestrictionAsync(request, ct)),
                BinanceJsonContext.Default.SubAccountIpRestriction, r => IpTable(printer, r),
                new MainnetChange($"change the IP restriction of key {Masking.ApiKey(apiKey)} of {mail}", options.Confirm), ct);
        }
        var delete = new SubAccountIpDeleteRequest(mail, apiKey, list);
        if (delete.Validate() is { } deleteProblem) throw CliException.BadInput(deleteProblem);
        return query.ChangeAsync(c => Masked(c.SubAccountManagement.DeleteIpListAsync(delete, ct)),
            BinanceJsonContext.Default.SubAccountIpRestriction, r => IpTable(printer, r),
            new MainnetChange($"remove trusted IPs of key {Masking.ApiKey(apiKey)} of {mail}", options.Confirm), ct);
    }

    private static async Task<Outcome<SubAccountIpRestriction>> Masked(Task<Outcome<SubAccountIpRestriction>> call) =>
        (await call).Map(r => r with { ApiKey = Masking.ApiKey(r.ApiKey) });

    private static void IpTable(Printer printer, SubAccountIpRestriction r)
    {
        printer.Line($"Key {r.ApiKey}: {(r.Restricted ? "restricted to the trusted IPs below" : "not restricted (any IP)")}.");
        var table = Printer.NewTable("Trusted IP");
        foreach (var ip in r.IpList) Printer.AddRow(table, ip);
        printer.Table(table);
    }
}
