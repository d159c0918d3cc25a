using System.Globalization;
using Ferry.Engine.Addresses;
using Ferry.Core.Money;
using Ferry.Engine.Transfers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ferry.Engine.Moves;

/// <summary>How a wallet's target is stated.</summary>
public enum TargetKind
{
    /// <summary>An exact amount of the asset.</summary>
    Amount,
    /// <summary>A percentage of the asset's total across the listed wallets.</summary>
    Share,
    /// <summary>Whatever the other targets leave (at most one per asset).</summary>
    Rest,
}

/// <summary>One wallet's target for one asset, with the line it was written on.</summary>
public sealed record WalletTarget(WalletAddress Wallet, TargetKind Kind, decimal Value, int Line);

/// <summary>The targets of one asset across its listed wallets.</summary>
public sealed record AssetTargets(string Asset, IReadOnlyList<WalletTarget> Wallets, int Line);

/// <summary>
/// A rebalance plan file (YAML), fully validated: every problem is one sentence naming the line and field. Shape:
/// <code>
/// version: 1            # optional; only 1 exists
/// assets:
///   USDT:
///     alice@example.com/spot: 500     # an amount
///     bob@example.com/spot: 25%       # a share of USDT's total across the wallets listed under USDT
///     bob@example.com/usdm: rest      # whatever is left (at most one per asset)
/// </code>
/// Wallets: a sub-account's spot, margin, usdm or coinm (the balances the master's key can read). Amounts: at most 8
/// decimals; shares: 0–100% with at most 6 decimals.
/// </summary>
public static class RebalanceFile
{
    /// <summary>Parses and validates <paramref name="yaml"/>; throws <see cref="TransferPlanningException"/> naming the line and field.</summary>
    public static IReadOnlyList<AssetTargets> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Bad(e.Start.Line, $"is not valid YAML ({FirstSentence(e.Message)})");
        }
        if (stream.Documents.Count != 1)
            throw new TransferPlanningException($"The rebalance file holds {stream.Documents.Count} YAML documents; write exactly one.");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Bad(Line(stream.Documents[0].RootNode), "is not a mapping; the file starts with 'assets:'");

        YamlMappingNode? assets = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Scalar(keyNode, "a top-level field name");
            switch (key)
            {
                case "version":
                    if (Scalar(value, "'version'") != "1") throw Bad(Line(value), "field 'version' must be 1");
                    break;
                case "assets":
                    assets = value as YamlMappingNode ?? throw Bad(Line(value), "field 'assets' must map each asset (e.g. USDT:) to its wallets");
                    break;
                default:
                    throw Bad(Line(keyNode), $"has an unknown field '{key}'; the file knows 'version' and 'assets'");
            }
        }
        if (assets is null) throw Bad(1, "has no 'assets' field; list each asset with its wallets' targets under 'assets:'");
        if (assets.Children.Count == 0) throw Bad(Line(assets), "field 'assets' lists no asset");

        var result = new List<AssetTargets>();
        foreach (var (assetNode, walletsNode) in assets.Children)
        {
            var assetText = Scalar(assetNode, "an asset name");
            string asset;
            try { asset = TransferInput.ValidateAsset(assetText); }
            catch (TransferPlanningException) { throw Bad(Line(assetNode), $"asset '{assetText}' is not an asset name; write it like USDT or BTC"); }
            if (result.Any(a => a.Asset == asset)) throw Bad(Line(assetNode), $"lists asset {asset} twice");
            if (walletsNode is not YamlMappingNode wallets || wallets.Children.Count == 0)
                throw Bad(Line(walletsNode), $"asset {asset} must map wallets (e.g. alice@example.com/spot) to targets");
            result.Add(new AssetTargets(asset, ParseWallets(asset, wallets), Line(assetNode)));
        }
        return result;
    }

    private static List<WalletTarget> ParseWallets(string asset, YamlMappingNode wallets)
    {
        var list = new List<WalletTarget>();
        foreach (var (walletNode, targetNode) in wallets.Children)
        {
            var line = Line(walletNode);
            var text = Scalar(walletNode, $"a wallet address under {asset}");
            if (!WalletAddress.TryParse(text, out var wallet, out var error))
                throw Bad(line, $"{asset} wallet: {error.TrimEnd('.')}");
            if (wallet.Venue != Venue.Binance || wallet.Email is null)
                throw Bad(line, $"{asset} wallet '{text}' must name a sub-account's wallet as email/wallet (e.g. alice@example.com/spot)");
            if (!BinanceBalanceReader.Readable.Contains(wallet.Wallet))
                throw Bad(line, $"{asset} wallet '{text}' names the {wallet.Wallet.ToString().ToLowerInvariant()} wallet, whose balance Ferry cannot read; use spot, margin, usdm or coinm");
            if (list.Any(w => w.Wallet == wallet))
                throw Bad(line, $"{asset} lists wallet '{wallet}' twice");
            list.Add(ParseTarget(asset, wallet, Scalar(targetNode, $"the target of {asset} {wallet}"), Line(targetNode)));
        }
        if (list.Count(w => w.Kind == TargetKind.Rest) > 1)
            throw Bad(list.Where(w => w.Kind == TargetKind.Rest).Skip(1).First().Line, $"{asset} has more than one 'rest' target; at most one wallet takes what is left");
        var shares = list.Where(w => w.Kind == TargetKind.Share).Sum(w => w.Value);
        if (shares > 100)
            throw Bad(list.Last(w => w.Kind == TargetKind.Share).Line, $"{asset}'s shares add up to {Text(shares)}%, more than 100%");
        if (list.Count < 2)
            throw Bad(list[0].Line, $"{asset} lists one wallet; a rebalance moves money between at least two");
        return list;
    }

    private static WalletTarget ParseTarget(string asset, WalletAddress wallet, string text, int line)
    {
        var field = $"{asset} {wallet}";
        if (string.Equals(text, "rest", StringComparison.OrdinalIgnoreCase)) return new(wallet, TargetKind.Rest, 0m, line);
        if (text.EndsWith('%'))
        {
            var number = text[..^1].Trim();
            if (!WireDecimal.TryParse(number, out var percent) || percent < 0 || percent > 100)
                throw Bad(line, $"target of {field} '{text}' is not a share; write a percentage from 0% to 100%, e.g. 25%");
            if (WireDecimal.DecimalPlaces(percent) > 6)
                throw Bad(line, $"target of {field} '{text}' has more than 6 decimal places");
            return new(wallet, TargetKind.Share, percent, line);
        }
        if (!AmountText.IsPlainDecimal(text))
            throw Bad(line, $"target of {field} '{AmountText.Shown(text)}' is not an amount, a share or 'rest'; write e.g. 500, 25% or rest");
        if (!AmountText.TryParse(text, TransferInput.MaxDecimalPlaces, "Binance", $"target of {field}", out var amount, out var refusal))
            throw Bad(line, refusal.TrimEnd('.'));
        return new(wallet, TargetKind.Amount, amount, line);
    }

    private static string Scalar(YamlNode node, string what) => node is YamlScalarNode { Value: { } value }
        ? value.Trim()
        : throw Bad(Line(node), $"expects {what} here, not a {(node is YamlMappingNode ? "mapping" : "list")}");

    private static int Line(YamlNode node) => (int)Math.Max(1, node.Start.Line);

    private static TransferPlanningException Bad(long line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Rebalance file line {line}: {problem}."));

    private static string FirstSentence(string message)
    {
        var text = message.Replace('\n', ' ').Trim();
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? text[..cut] : text).TrimEnd('.');
    }

    private static string Text(decimal value) => WireDecimal.Format(value);
}
