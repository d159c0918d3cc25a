namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>Futures positions of the master's sub-accounts and moves of USDⓈ-M positions between the master's accounts.</summary>
public sealed class SubAccountPositions
{
    private readonly SubAccountRegister _register;
    private readonly SubAccountDirectory _accounts;

    internal SubAccountPositions(SubAccountRegister register, SubAccountDirectory accounts) => (_register, _accounts) = (register, accounts);

    /// <summary>The most positions one move-position call takes (documented).</summary>
    public const int MaxMoveOrders = 10;

    /// <summary>The open positions of a sub-account with futures, of one market (UM or CM).</summary>
    public SubAccountFailure? Positions(string caller, string? email, string market, out IReadOnlyList<SimPosition> positions)
    {
        positions = [];
        lock (_register.Gate)
        {
            if (_register.FindSub(caller, email, out var user, out _) is { } failure) return failure;
            if (!user.FuturesEnabled) return SubAccountFailure.FuturesNotEnabled;
            positions = [.. _register.State.Positions.Where(p => p.Market == market && string.Equals(p.Owner, user.Email, StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p.Symbol, StringComparer.Ordinal).ThenBy(p => p.PositionSide, StringComparer.Ordinal)];
            return null;
        }
    }

    /// <summary>
    /// Moves USDⓈ-M positions between two accounts of the caller (master or sub-accounts with futures) at the mark price.
    /// Each order succeeds or fails on its own: it needs an open position of that symbol and side holding at least the
    /// quantity. The source keeps its entry price; the target's entry becomes the size-weighted average of its own and the
    /// mark price (or stays, when the move reduces an opposite position; or is the mark when it flips it). All successful
    /// orders are written in one commit.
    /// </summary>
    public SubAccountFailure? MovePositions(string caller, string? from, string? to, IReadOnlyList<PositionMoveOrder> orders,
        out IReadOnlyList<PositionMoveResult> results)
    {
        results = [];
        lock (_register.Gate)
        {
            if (_register.FindMasterOrSub(caller, from, out var source) is { } f1) return f1;
            if (_register.FindMasterOrSub(caller, to, out var target) is { } f2) return f2;
            if (source.Email.Equals(target.Email, StringComparison.OrdinalIgnoreCase)) return SubAccountFailure.InvalidValue;
            if (!source.IsMaster && !source.FuturesEnabled || !target.IsMaster && !target.FuturesEnabled) return SubAccountFailure.FuturesNotEnabled;

            var positions = _register.State.Positions.ToList();
            var moves = _register.State.PositionMoves.ToList();
            var done = new List<PositionMoveResult>();
            var now = _register.NowMs;
            foreach (var order in orders)
            {
                var at = positions.FindIndex(p => p.Market == "UM" && p.Symbol == order.Symbol && p.PositionSide == order.PositionSide
                                                  && string.Equals(p.Owner, source.Email, StringComparison.OrdinalIgnoreCase));
                if (at < 0 || Math.Abs(positions[at].Amount) < order.Quantity)
                {
                    done.Add(new PositionMoveResult(order, null, at < 0 ? 0m : positions[at].MarkPrice, at < 0 ? "SELL" : SideOf(positions[at])));
                    continue;
                }
                var held = positions[at];
                var delta = Math.Sign(held.Amount) * order.Quantity;
                var left = held with { Amount = held.Amount - delta };
                if (left.Amount == 0m) positions.RemoveAt(at);
                else positions[at] = left;

                var into = positions.FindIndex(p => p.Market == "UM" && p.Symbol == order.Symbol && p.PositionSide == order.PositionSide
                                                    && string.Equals(p.Owner, target.Email, StringComparison.OrdinalIgnoreCase));
                var existing = into < 0 ? held with { Owner = target.Email, Amount = 0m, EntryPrice = held.MarkPrice } : positions[into];
                var sum = existing.Amount + delta;
                var entry = existing.Amount == 0m || Math.Sign(existing.Amount) == Math.Sign(delta)
                    ? Math.Round((Math.Abs(existing.Amount) * existing.EntryPrice + order.Quantity * held.MarkPrice) / Math.Abs(sum), 8, MidpointRounding.ToZero)
                    : Math.Sign(sum) == Math.Sign(existing.Amount) ? existing.EntryPrice : held.MarkPrice;
                var moved = existing with { Amount = sum, EntryPrice = entry, MarkPrice = held.MarkPrice };
                if (into >= 0)
                {
                    if (sum == 0m) positions.RemoveAt(into);
                    else positions[into] = moved;
                }
                else if (sum != 0m)
                {
                    positions.Add(moved);
                }
                var record = new PositionMoveRecord(source.Email, target.Email, order.Symbol, held.MarkPrice, order.Quantity, order.PositionSide, SideOf(held), now);
                moves.Add(record);
                done.Add(new PositionMoveResult(order, record, held.MarkPrice, record.Side));
            }
            if (done.Any(d => d.Moved is not null)) _register.Commit(_register.State with { Positions = positions, PositionMoves = moves }, null);
            results = done;
            return null;
        }
    }

    /// <summary>Executed moves of the caller's accounts for one symbol in [start, end], newest first.</summary>
    public SubAccountFailure? PositionMoves(string caller, string symbol, long startMs, long endMs, out IReadOnlyList<PositionMoveRecord> moves)
    {
        moves = [];
        if (_accounts.List(caller, out var subs) is { } failure) return failure;
        var mine = subs.Select(s => s.Profile.Email).Append(caller).ToHashSet(StringComparer.OrdinalIgnoreCase);
        moves = [.. _register.Snapshot().PositionMoves
            .Where(m => m.Symbol == symbol && m.TimestampMs >= startMs && m.TimestampMs <= endMs && (mine.Contains(m.FromEmail) || mine.Contains(m.ToEmail)))
            .OrderByDescending(m => m.TimestampMs)];
        return null;
    }

    /// <summary>The order side of taking a position away from its holder: SELL a long, BUY a short (assumed).</summary>
    private static string SideOf(SimPosition p) => p.Amount >= 0m ? "SELL" : "BUY";
}
