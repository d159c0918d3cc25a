using System.Text.Json;
using static Ferry.Simulator.Scenario.ScenarioReader;

namespace Ferry.Simulator.Scenario;

/// <summary>Reads the optional Binance sections for sub-account management: prices, positions, deposits.</summary>
internal static class SubAccountSectionParser
{
    private static readonly int[] DepositStatuses = [0, 1, 6, 7, 8];

    internal static BinanceScenario WithSubAccountSections(JsonElement b, string at, BinanceScenario scenario, HashSet<string> emails)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (item, path) in Items(b, at, "prices"))
        {
            AllowOnly(item, path, "symbol", "price");
            var symbol = Text(item, path, "symbol", required: true)!;
            if (!IsCode(symbol)) throw Bad($"{path}.symbol", "must be upper-case letters and digits");
            if (!prices.TryAdd(symbol, Positive(item, path, "price", MaxPrice))) throw Bad($"{path}.symbol", $"repeats the price of {symbol}");
        }

        var positions = new List<ScenarioPosition>();
        foreach (var (item, path) in Items(b, at, "positions"))
        {
            AllowOnly(item, path, "owner", "futuresType", "symbol", "side", "positionSide", "quantity", "entryPrice", "markPrice", "leverage");
            var owner = Owner(item, path, emails);
            var sub = scenario.SubAccounts.FirstOrDefault(s => string.Equals(s.Email, owner, StringComparison.OrdinalIgnoreCase));
            if (sub is { Futures: false }) throw Bad($"{path}.owner", $"'{owner}' has not enabled futures");
            var type = Text(item, path, "futuresType", required: false) ?? "UM";
            if (type is not ("UM" or "CM")) throw Bad($"{path}.futuresType", "must be UM or CM");
            var symbol = Text(item, path, "symbol", required: true)!;
            if (!IsCode(symbol.Replace("_", "", StringComparison.Ordinal))) throw Bad($"{path}.symbol", "must be upper-case letters, digits and '_'");
            var side = Text(item, path, "side", required: true);
            if (side is not ("LONG" or "SHORT")) throw Bad($"{path}.side", "must be LONG or SHORT");
            var positionSide = Text(item, path, "positionSide", required: false) ?? "BOTH";
            if (positionSide is not ("BOTH" or "LONG" or "SHORT")) throw Bad($"{path}.positionSide", "must be BOTH, LONG or SHORT");
            if (positionSide != "BOTH" && positionSide != side) throw Bad($"{path}.positionSide", $"{positionSide} cannot hold a {side} position");
            var leverage = 10;
            if (item.TryGetProperty("leverage", out var lev) &&
                (lev.ValueKind != JsonValueKind.Number || !lev.TryGetInt32(out leverage) || leverage is < 1 or > 125))
            {
                throw Bad($"{path}.leverage", "must be a whole number from 1 to 125");
            }
            if (positions.Any(p => string.Equals(p.Owner, owner, StringComparison.OrdinalIgnoreCase) && p.FuturesType == type &&
                                   p.Symbol == symbol && p.PositionSide == positionSide))
            {
                throw Bad($"{path}.symbol", $"repeats {owner}'s {type} {symbol} {positionSide} position");
            }
            positions.Add(new ScenarioPosition(owner, type, symbol, side!, positionSide, Positive(item, path, "quantity"),
                Positive(item, path, "entryPrice", MaxPrice), Positive(item, path, "markPrice", MaxPrice), leverage));
        }

        var deposits = new List<ScenarioDeposit>();
        foreach (var (item, path) in Items(b, at, "deposits"))
        {
            AllowOnly(item, path, "owner", "coin", "network", "amount", "status", "txId", "insertTime", "address", "addressTag");
            var owner = Owner(item, path, emails);
            var coin = Text(item, path, "coin", required: true)!;
            if (!IsCode(coin)) throw Bad($"{path}.coin", "must be upper-case letters and digits");
            var network = Text(item, path, "network", required: false) ?? coin;
            if (!IsCode(network)) throw Bad($"{path}.network", "must be upper-case letters and digits");
            var status = 1;
            if (item.TryGetProperty("status", out var st) &&
                (st.ValueKind != JsonValueKind.Number || !st.TryGetInt32(out status) || !DepositStatuses.Contains(status)))
            {
                throw Bad($"{path}.status", "must be 0 (pending), 1 (success), 6 (credited, cannot withdraw), 7 (wrong deposit) or 8 (waiting user confirm)");
            }
            if (!item.TryGetProperty("insertTime", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetInt64(out var insertTime) || insertTime < 0)
            {
                throw Bad($"{path}.insertTime", "is required: epoch milliseconds");
            }
            deposits.Add(new ScenarioDeposit(owner, coin, network, Positive(item, path, "amount"), status,
                Text(item, path, "txId", required: true)!, insertTime, Text(item, path, "address", required: false),
                item.TryGetProperty("addressTag", out var tag) && tag.ValueKind == JsonValueKind.String ? tag.GetString()! : ""));
        }
        return scenario with { Prices = prices, Positions = positions, Deposits = deposits };
    }
}
