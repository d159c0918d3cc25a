using Ferry.Engine.Accounts;
using Ferry.Engine.Postgres;
using Ferry.Engine.Work;

namespace Ferry.Cli.Sessions;

/// <summary>The work queue of the command's journal (<c>--journal</c>, FERRY_JOURNAL, else FERRY_HOME's file): the
/// <c>work_units</c> table beside the legs, so a unit and its legs live in one database.</summary>
internal static class CliQueue
{
    /// <summary>Opens the queue; a damaged, newer or unusable journal (file or database) is refused with its one sentence
    /// (exit 4). A PostgreSQL queue's leases run on the database server's clock, which every worker shares.</summary>
    public static Task<IWorkQueue> OpenAsync(CliEnvironment env, CancellationToken ct)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        home.EnsureExists();
        var location = JournalLocation.Of(env, home);
        // 'ferry worker --lease' shortens the holds; everything else keeps the default.
        var options = env.Lease is { } lease ? new WorkQueueOptions { Lease = lease } : null;
        return JournalLocation.RefusingAsync<IWorkQueue>(async () => location.Postgres is { } address
            ? await PostgresWorkQueue.OpenAsync(address, options, ct: ct)
            : SqliteWorkQueue.Open(location.File!, env.Time, options));
    }
}
