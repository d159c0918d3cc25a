using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Policy;
using Ferry.Engine.Service;

namespace Ferry.Cli.Sessions;

/// <summary>
/// Builds the engine's <see cref="TransferService"/> for one command: the accounts of FERRY_HOME (or the embedded
/// simulator's built-in accounts when none is configured), the journal at <c>FERRY_HOME/journal.db</c> (opened on first
/// use), sessions through <see cref="CliVenues"/>, the command's clock and log.
/// </summary>
internal static class CliServices
{
    /// <summary>The service for one command; <paramref name="announce"/> hears each session's banner as it opens.</summary>
    public static TransferService Open(CliEnvironment env, bool json, Action<string>? announce = null, Requester? requester = null)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        // Read on first use: 'ferry journal list' needs no account, and a broken accounts.json must not stop it.
        var configured = new Lazy<IReadOnlyList<AccountDefinition>>(() => Configured(env, home));
        var accounts = new Lazy<IReadOnlyList<AccountDefinition>>(() => configured.Value.Count > 0 ? configured.Value : Embedded());
        return new TransferService(new TransferServiceOptions
        {
            Accounts = new LazyList<AccountDefinition>(accounts),
            OpenJournal = ct => OpenJournalAsync(home, env, ct),
            Venues = new CliVenues(env, home, () => configured.Value.Count == 0, announce),
            Time = env.Time,
            Logger = new Output.CliLogger(env.Log),
            ReconcileWaiting = new ReconcileProgress(env, json).Report,
            Reconcile = env.Reconcile,
            Requester = requester ?? env.Requester ?? Person(env),
            LoadPolicy = () => PolicyFile.Load(home),
        });
    }

    /// <summary>The service for one request of <c>ferry serve</c>: the accounts it serves, each through a client on its base
    /// address (the embedded simulator, when it serves it, was started once for the whole server), asking as the
    /// request's token.</summary>
    public static TransferService Open(CliEnvironment env, IReadOnlyList<AccountDefinition> accounts, Requester requester)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        return new TransferService(new TransferServiceOptions
        {
            Accounts = accounts,
            OpenJournal = ct => OpenJournalAsync(home, env, ct),
            Venues = new CliVenues(env, home, () => false, null),
            Time = env.Time,
            Logger = new Output.CliLogger(env.Log),
            Requester = requester,
            LoadPolicy = () => PolicyFile.Load(home),
        });
    }

    /// <summary>The person at the terminal, named after the login (USER or USERNAME), or "cli" when that is no plain name.</summary>
    public static Requester Person(CliEnvironment env)
    {
        var login = env.GetEnvironmentVariable("USER") ?? env.GetEnvironmentVariable("USERNAME");
        return Requester.Person(Requester.IsName(login) ? login! : "cli");
    }

    /// <summary>The accounts configured in FERRY_HOME (their keys protected in the log).</summary>
    public static IReadOnlyList<AccountDefinition> Configured(CliEnvironment env, FerryHome home)
    {
        var configured = new AccountStore(home, env.GetEnvironmentVariable).Load();
        env.Log.Protect(configured);
        return configured;
    }

    /// <summary>With no account configured: the embedded simulator's built-in Binance and HTX accounts.</summary>
    private static IReadOnlyList<AccountDefinition> Embedded() =>
        [EmbeddedSimulator.Account(EmbeddedSimulator.UnstartedAddress, SessionTarget.EmbeddedName),
         HtxSession.EmbeddedAccount(EmbeddedSimulator.UnstartedAddress, SessionTarget.EmbeddedName)];

    /// <summary>Reconciles what an earlier run left sending or unknown (once per service), a line per entry.</summary>
    public static async Task RecoverAsync(TransferService service, Output.Printer printer, CancellationToken ct)
    {
        foreach (var r in await service.RecoverAsync(ct)) printer.Line($"journal {r.Entry.Id}: {LegStates.Name(r.State)} ({r.Reason}).");
    }

    /// <summary>Opens the command's journal (<c>--journal</c>, FERRY_JOURNAL, else the file under FERRY_HOME); a damaged or
    /// unusable one is refused with its one sentence (exit 4).</summary>
    public static async ValueTask<ITransferJournal> OpenJournalAsync(FerryHome home, CliEnvironment env, CancellationToken ct)
    {
        home.EnsureExists();
        return await JournalLocation.Of(env, home).OpenAsync(env, ct);
    }
}
