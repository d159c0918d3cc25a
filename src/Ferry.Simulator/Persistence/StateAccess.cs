using Ferry.Simulator.Ledger;
using Ferry.Simulator.Ledger.ManagedSubAccounts;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// How the gateways reach the state: every handler runs through the state gate (a read for GET, a write otherwise),
/// and scheduled work that has come due runs first, under the write lock, so it moves money once whichever process
/// notices it.
/// </summary>
internal sealed class StateAccess(IStateGate gate, ManagedSubAccountBook managed)
{
    /// <summary>Runs a handler on the current state; throws <see cref="StateBusyException"/> when the state file stayed
    /// locked by another process past the bound (nothing ran).</summary>
    public async ValueTask<T> RunAsync<T>(bool writes, Func<T> handler, CancellationToken ct)
    {
        if (!writes)
        {
            var (due, answer) = await gate.ReadAsync(() => managed.HasDueWork ? (true, default!) : (false, handler()), ct).ConfigureAwait(false);
            if (!due) return answer;
        }
        return await gate.WriteAsync(() =>
        {
            managed.Transfers.RunDue();
            return handler();
        }, ct).ConfigureAwait(false);
    }

    /// <summary>A read for the host's inspection methods (totals, balances, history, audit).</summary>
    public T Read<T>(Func<T> read) => gate.Read(read);

    /// <summary>Runs the scheduled work that is due, under the write lock.</summary>
    public int RunScheduledWork() => gate.Write(managed.Transfers.RunDue);
}
