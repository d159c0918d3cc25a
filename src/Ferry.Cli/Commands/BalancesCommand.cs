using System.CommandLine;
using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Money;

namespace Ferry.Cli.Commands;

/// <summary><c>ferry balances</c>: what each wallet holds.</summary>
internal static class BalancesCommand
{
    public static Command Create(CliEnvironment env)
    {
        var owner = new Option<string?>("--owner") { Description = "Only this account's wallets (an email), e.g. alice@example.com." };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();
        var subAccounts = new Option<bool>("--subaccounts") { Description = "Also every sub-account's spot, margin and futures wallets, read with the master's key (on the simulator every account is always shown)." };
        var venue = new Option<string?>("--venue") { Description = "binance (default) or htx: HTX spot, cross and isolated swap accounts (htx:spot, htx:swap, htx:swap:BTC-USDT)." };
        var command = new Command("balances", "Show wallet balances: every wallet of the account (and with --subaccounts its sub-accounts'), with totals per asset; on the simulator every account.") { owner, json, account, venue, subAccounts };
        command.SetAction((parse, ct) => HtxTarget.IsWanted(env, parse.GetValue(venue), parse.GetValue(account))
            ? parse.GetValue(owner) is not null
                ? throw CliException.BadInput("--owner applies to Binance balances; HTX balances are the account's own.")
                : HtxCommands.BalancesAsync(env, new Printer(env, parse.GetValue(json)), parse.GetValue(account), ct)
            : RunAsync(env, new Printer(env, parse.GetValue(json)), parse.GetValue(owner), parse.GetValue(account), parse.GetValue(subAccounts), ct));
        return command;
    }

    private static async Task<int> RunAsync(CliEnvironment env, Printer printer, string? owner, string? accountName, bool subAccounts, CancellationToken ct)
    {
        if (owner is not null && !EmailAddress.IsValid(owner))
            throw CliException.BadInput($"'{owner}' is not an email address; write it as name@domain.tld.");
        var target = SessionTarget.Resolve(env, accountName);
        if (target.Environment != Ferry.Engine.Accounts.AccountEnvironment.Sim)
            return await AccountBalancesCommand.RunAsync(env, printer, target, owner, subAccounts || owner is not null, ct);

        await using var session = await BinanceSession.OpenForReadingAsync(target, env, ct);
        var rows = await session.SimulatorAdmin().BalancesAsync(owner?.ToLowerInvariant(), ct);
        var ordered = rows.Where(r => r.Amount != 0)
            .OrderBy(r => r.Owner == target.Email ? 0 : 1).ThenBy(r => r.Owner, StringComparer.Ordinal)
            .ThenBy(r => r.Wallet, StringComparer.Ordinal).ThenBy(r => r.Symbol, StringComparer.Ordinal)
            .ThenBy(r => r.Asset, StringComparer.Ordinal).ToList();

        printer.Document(new BalancesDocument(TargetDocument.For(target.AccountName, target.Environment),
            [.. ordered.Select(r => new BalanceDocument(r.Owner, r.Wallet, r.Symbol, r.Asset, WireDecimal.Format(r.Amount)))]), CliJsonContext.Default.BalancesDocument);
        printer.Line(session.Banner);
        var table = Printer.NewTable("Owner", "Wallet", "Asset", "Amount");
        foreach (var row in ordered)
            Printer.AddRow(table, row.Owner, row.Symbol is null ? row.Wallet : $"{row.Wallet}:{row.Symbol}", row.Asset, WireDecimal.Format(row.Amount));
        printer.Table(table);
        if (ordered.Count == 0) printer.Line("No balances.");
        return ExitCodes.Ok;
    }
}
