using System.Diagnostics.CodeAnalysis;

namespace Ferry.Engine.Addresses;

/// <summary>
/// Names one wallet: <c>[venue:][email/]wallet[:market]</c>, e.g. <c>spot</c>, <c>isolated:BTCUSDT</c>,
/// <c>alice@example.com/coinm</c>, <c>htx:swap:BTC-USDT</c>. No email means the account whose key is used.
/// </summary>
public sealed record WalletAddress(Venue Venue, string? Email, WalletKind Wallet, string? Market)
{
    /// <summary>The names a person types for each wallet, in the order help text lists them.</summary>
    public static IReadOnlyList<string> BinanceWalletNames { get; } =
        ["spot", "margin", "isolated", "usdm", "coinm", "funding", "options", "portfolio"];

    /// <summary>Parses an address or throws <see cref="FormatException"/> with one sentence naming the problem.</summary>
    public static WalletAddress Parse(string text) =>
        TryParse(text, out var address, out var error) ? address : throw new FormatException(error);

    /// <summary>Parses an address; on failure <paramref name="error"/> is one sentence naming the problem.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out WalletAddress? address, [NotNullWhen(false)] out string? error)
    {
        address = null;
        var raw = text?.Trim() ?? "";
        if (raw.Length == 0)
        {
            error = "The wallet address is empty; write e.g. 'spot', 'usdm' or 'isolated:BTCUSDT'.";
            return false;
        }

        var rest = raw;
        var venue = Venue.Binance;
        if (TryStripPrefix(ref rest, "binance:")) venue = Venue.Binance;
        else if (TryStripPrefix(ref rest, "htx:")) venue = Venue.Htx;

        string? email = null;
        var slash = rest.IndexOf('/');
        if (slash >= 0)
        {
            email = rest[..slash].ToLowerInvariant();
            rest = rest[(slash + 1)..];
            if (!EmailAddress.IsValid(email))
            {
                error = $"'{raw}' has a malformed email '{email}'; write it as name@domain.tld.";
                return false;
            }
        }

        var colon = rest.IndexOf(':');
        var walletName = (colon >= 0 ? rest[..colon] : rest).ToLowerInvariant();
        var market = colon >= 0 ? rest[(colon + 1)..] : null;

        return venue == Venue.Binance
            ? TryBinance(raw, email, walletName, market, out address, out error)
            : TryHtx(raw, email, walletName, market, out address, out error);
    }

    private static bool TryBinance(string raw, string? email, string walletName, string? market,
        out WalletAddress? address, out string? error)
    {
        address = null;
        WalletKind? kind = walletName switch
        {
            "spot" => WalletKind.Spot,
            "margin" => WalletKind.Margin,
            "isolated" => WalletKind.Isolated,
            "usdm" => WalletKind.UsdM,
            "coinm" => WalletKind.CoinM,
            "funding" => WalletKind.Funding,
            "options" => WalletKind.Options,
            "portfolio" => WalletKind.Portfolio,
            _ => null,
        };
        if (kind is null)
        {
            error = $"'{raw}' names an unknown Binance wallet '{walletName}'; use one of: {string.Join(", ", BinanceWalletNames)}.";
            return false;
        }
        if (kind == WalletKind.Isolated)
        {
            if (string.IsNullOrEmpty(market))
            {
                error = $"'{raw}' needs the isolated margin symbol, e.g. 'isolated:BTCUSDT'.";
                return false;
            }
            market = market.ToUpperInvariant();
            if (!market.All(char.IsAsciiLetterOrDigit))
            {
                error = $"'{raw}' has a malformed symbol '{market}'; a symbol is letters and digits, e.g. BTCUSDT.";
                return false;
            }
        }
        else if (market is not null)
        {
            error = $"'{raw}' gives a market, but only isolated margin wallets take one.";
            return false;
        }
        address = new WalletAddress(Venue.Binance, email, kind.Value, market);
        error = null;
        return true;
    }

    private static bool TryHtx(string raw, string? email, string walletName, string? market,
        out WalletAddress? address, out string? error)
    {
        address = null;
        if (email is not null)
        {
            error = $"'{raw}' names an email, but HTX addresses name only the account's own wallets.";
            return false;
        }
        switch (walletName)
        {
            case "spot" when market is null:
                address = new WalletAddress(Venue.Htx, null, WalletKind.HtxSpot, null);
                break;
            case "spot":
                error = $"'{raw}' gives a market, but the HTX spot wallet takes none.";
                return false;
            case "swap":
                var contract = market?.ToUpperInvariant();
                if (contract is not null && !IsHtxContract(contract))
                {
                    error = $"'{raw}' has a malformed contract '{contract}'; write it like 'BTC-USDT'.";
                    return false;
                }
                address = new WalletAddress(Venue.Htx, null, WalletKind.HtxSwap, contract);
                break;
            default:
                error = $"'{raw}' names an unknown HTX wallet '{walletName}'; use 'htx:spot', 'htx:swap' or 'htx:swap:BTC-USDT'.";
                return false;
        }
        error = null;
        return true;
    }

    private static bool IsHtxContract(string text)
    {
        var dash = text.IndexOf('-');
        return dash > 0 && dash < text.Length - 1 && text.Count(c => c == '-') == 1
            && text.Where(c => c != '-').All(char.IsAsciiLetterOrDigit);
    }

    private static bool TryStripPrefix(ref string text, string prefix)
    {
        if (!text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        text = text[prefix.Length..];
        return true;
    }

    /// <summary>The address written back in its canonical form.</summary>
    public override string ToString()
    {
        var venue = Venue == Venue.Htx ? "htx:" : "";
        var email = Email is null ? "" : Email + "/";
        var wallet = Wallet switch
        {
            WalletKind.HtxSpot => "spot",
            WalletKind.HtxSwap => "swap",
            WalletKind.UsdM => "usdm",
            WalletKind.CoinM => "coinm",
            _ => Wallet.ToString().ToLowerInvariant(),
        };
        return Market is null ? $"{venue}{email}{wallet}" : $"{venue}{email}{wallet}:{Market}";
    }
}
