using System.CommandLine;

namespace Ferry.Cli.Commands;

/// <summary>The --wallet option of <c>ferry sub assets</c> and <c>summary</c>: spot, margin, usdm or coinm.</summary>
internal static class SubAccountWallet
{
    private static readonly string[] Wallets = ["spot", "margin", "usdm", "coinm"];

    public static Option<string> Option() => new("--wallet")
    {
        Description = "spot (default), margin, usdm (USDⓈ-M futures) or coinm (COIN-M futures).",
        DefaultValueFactory = _ => "spot",
    };

    public static string Parse(string? wallet) =>
        Wallets.Contains(wallet?.ToLowerInvariant()) ? wallet!.ToLowerInvariant()
            : throw CliException.BadInput($"--wallet '{wallet}' is not one of spot, margin, usdm, coinm.");
}
