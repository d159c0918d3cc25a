using System.Data.Common;
using Ferry.Core.Money;

namespace Ferry.Engine.Journal;

/// <summary>
/// The statements every store runs the same way (SQLite and PostgreSQL both take <c>@name</c> parameters, <c>RETURNING</c>
/// and these expressions) and how their parameters are bound, so the stores differ only where their databases do:
/// transactions, locking, ordering by write order, and errors.
/// </summary>
internal static class JournalSql
{
    /// <summary>A new leg; bound with <see cref="BindLeg"/>.</summary>
    public const string InsertLeg = """
        INSERT INTO legs (id, intent, kind, venue, account, endpoint, parameters, from_wallet, to_wallet, asset, amount,
          client_tran_id, state, attempt, created_ms, updated_ms, sent_ms, route_id, route_leg, requester)
        VALUES (@id, @intent, @kind, @venue, @account, @endpoint, @parameters, @from, @to, @asset, @amount, @ctid, @state, 1,
          @now, @now, @sent, @routeId, @routeLeg, @requester);
        """;

    /// <summary>The moves journaled after @since that count against the policy's rolling limits: each move's first leg (a
    /// lone leg or a route's position 1) while planned, sending, done or unknown, followed by the target of its route's
    /// last leg (read with <see cref="JournalRows.ReadCountedAsync"/>).</summary>
    public const string CountedMoves = $"""
        SELECT {JournalRows.Columns},
          COALESCE((SELECT t.to_wallet FROM legs t WHERE t.route_id = legs.route_id ORDER BY t.route_leg DESC, t.created_ms DESC LIMIT 1), to_wallet)
        FROM legs
        WHERE created_ms > @since AND state IN ('planned', 'sending', 'done', 'unknown') AND (route_id IS NULL OR route_leg = 1)
        ORDER BY created_ms;
        """;

    /// <summary>The wallet a route's last leg on file ends in; bound with @route.</summary>
    public const string RouteTarget = "SELECT to_wallet FROM legs WHERE route_id = @route ORDER BY route_leg DESC, created_ms DESC LIMIT 1;";

    /// <summary>The compare-and-set of a transition: changes the entry only when it is still in @expected, and returns the
    /// new row's <paramref name="returning"/> columns; bound with <see cref="BindTransition"/>.</summary>
    public static string Transition(string returning) => $"""
        UPDATE legs SET state = @state, attempt = attempt + (CASE WHEN @newAttempt THEN 1 ELSE 0 END), updated_ms = @now,
          sent_ms = CASE WHEN @sending THEN @now ELSE sent_ms END,
          exchange_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@exchangeId, exchange_id) END,
          history_id = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@historyId, history_id) END,
          error_code = CASE WHEN @newAttempt THEN NULL ELSE COALESCE(@errorCode, error_code) END,
          message = COALESCE(@message, CASE WHEN @newAttempt THEN NULL ELSE message END)
        WHERE id = @id AND state = @expected
        RETURNING {returning};
        """;

    /// <summary>A step of an entry whose number the caller knows (a new entry), or the one after its last.</summary>
    public static string InsertEvent(bool seqKnown) => seqKnown
        ? """
          INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
          VALUES (@id, @seq, @at, @attempt, @from, @to, @detail);
          """
        : """
          INSERT INTO events (leg_id, seq, at_ms, attempt, from_state, to_state, detail)
          VALUES (@id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE leg_id = @id), @at, @attempt, @from, @to, @detail);
          """;

    /// <summary>A new claim row; the store gives it a new, larger token and returns it.</summary>
    public const string InsertClaim = """
        INSERT INTO claims (subject, owner, pid, host, started_ms, claimed_ms, lease_until_ms)
        VALUES (@subject, @owner, @pid, @host, @started, @now, @until) RETURNING token;
        """;

    /// <summary>Sets a lease; bound with @until and @token.</summary>
    public const string RenewClaim = "UPDATE claims SET lease_until_ms = @until WHERE token = @token;";

    /// <summary>Sets the lease of every claim of one owner; bound with @until and @owner.</summary>
    public const string RenewOwnerClaims = "UPDATE claims SET lease_until_ms = @until WHERE owner = @owner;";

    /// <summary>Deletes a claim row if it still carries the token; bound with @subject and @token.</summary>
    public const string DeleteClaim = "DELETE FROM claims WHERE subject = @subject AND token = @token;";

    /// <summary>A note on an entry; bound with @message, @now and @id.</summary>
    public const string Note = "UPDATE legs SET message = @message, updated_ms = @now WHERE id = @id;";

    /// <summary>The history rows done entries of one venue claimed; bound with @venue.</summary>
    public const string ClaimedHistoryIds = "SELECT history_id FROM legs WHERE state = 'done' AND venue = @venue AND history_id IS NOT NULL;";

    /// <summary>Binds <see cref="InsertLeg"/>; returns the amount's text as written.</summary>
    public static string BindLeg(DbCommand cmd, string id, LegDescription leg, LegState state, DateTimeOffset now)
    {
        var amount = WireDecimal.Format(leg.Amount);
        var ms = now.ToUnixTimeMilliseconds();
        Set(cmd, "@id", id);
        Set(cmd, "@intent", leg.Intent);
        Set(cmd, "@kind", leg.Kind);
        Set(cmd, "@venue", leg.Venue);
        Set(cmd, "@account", leg.AccountName);
        Set(cmd, "@endpoint", leg.Endpoint);
        Set(cmd, "@parameters", JournalRows.WriteParameters(leg.Parameters));
        Set(cmd, "@from", leg.From);
        Set(cmd, "@to", leg.To);
        Set(cmd, "@asset", leg.Asset);
        Set(cmd, "@amount", amount);
        Set(cmd, "@ctid", leg.ClientTranId);
        Set(cmd, "@state", LegStates.Name(state));
        Set(cmd, "@now", ms);
        Set(cmd, "@sent", state == LegState.Sending ? ms : null);
        Set(cmd, "@routeId", leg.RouteId);
        Set(cmd, "@routeLeg", leg.RouteLeg);
        Set(cmd, "@requester", leg.Requester?.ToString());
        return amount;
    }

    /// <summary>What a read gives back for a leg written with the amount text <paramref name="amount"/>: the same value,
    /// without trailing zeros.</summary>
    public static LegDescription AsStored(LegDescription leg, string amount) =>
        WireDecimal.TryParse(amount, out var stored) && stored.Scale != leg.Amount.Scale ? leg with { Amount = stored } : leg;

    /// <summary>Binds <see cref="Transition"/>.</summary>
    public static void BindTransition(DbCommand cmd, string id, LegState expected, LegState to, TransitionDetails? details, DateTimeOffset now)
    {
        Set(cmd, "@state", LegStates.Name(to));
        Set(cmd, "@newAttempt", expected == LegState.NotExecuted && to == LegState.Sending);
        Set(cmd, "@now", now.ToUnixTimeMilliseconds());
        Set(cmd, "@sending", to == LegState.Sending);
        Set(cmd, "@exchangeId", details?.ExchangeId);
        Set(cmd, "@historyId", details?.HistoryId);
        Set(cmd, "@errorCode", details?.ErrorCode);
        Set(cmd, "@message", details?.Message);
        Set(cmd, "@id", id);
        Set(cmd, "@expected", LegStates.Name(expected));
    }

    /// <summary>Binds <see cref="InsertEvent"/>.</summary>
    public static void BindEvent(DbCommand cmd, string id, int? seq, int attempt, DateTimeOffset at, LegState? from, LegState to, string? detail)
    {
        Set(cmd, "@id", id);
        if (seq is { } known) Set(cmd, "@seq", (long)known);
        Set(cmd, "@at", at.ToUnixTimeMilliseconds());
        Set(cmd, "@attempt", attempt);
        Set(cmd, "@from", from is { } f ? LegStates.Name(f) : null);
        Set(cmd, "@to", LegStates.Name(to));
        Set(cmd, "@detail", detail);
    }

    /// <summary>Binds <see cref="InsertClaim"/>.</summary>
    public static void BindClaim(DbCommand cmd, string subject, JournalOwner owner, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        Set(cmd, "@subject", subject);
        Set(cmd, "@owner", owner.InstanceId);
        Set(cmd, "@pid", owner.Pid);
        Set(cmd, "@host", owner.Host);
        Set(cmd, "@started", owner.StartedAtMs);
        Set(cmd, "@now", now.ToUnixTimeMilliseconds());
        Set(cmd, "@until", leaseUntil.ToUnixTimeMilliseconds());
    }

    /// <summary>Sets a parameter, adding it the first time (a prepared command keeps its parameters between calls).</summary>
    public static void Set(DbCommand cmd, string name, object? value)
    {
        var parameters = cmd.Parameters;
        var i = parameters.IndexOf(name);
        if (i >= 0)
        {
            parameters[i].Value = value ?? DBNull.Value;
            return;
        }
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        parameters.Add(parameter);
    }
}
