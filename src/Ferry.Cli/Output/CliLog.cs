using System.Globalization;
using Ferry.Engine.Accounts;
using Ferry.Core.Credentials;

namespace Ferry.Cli.Output;

/// <summary>How much the CLI logs.</summary>
internal enum LogLevel
{
    Off,
    Info,
    Debug,
}

/// <summary>
/// The CLI's diagnostic log: <c>--verbose</c> writes debug lines to standard error, and <c>FERRY_LOG=info|debug</c>
/// appends lines to <c>FERRY_HOME/logs/ferry.log</c> (owner-only). Callers log masked values only; as a second
/// line of defence every line is scrubbed of each credential the run has loaded (whole API keys, secrets and every
/// line of a PEM key are replaced by their masked forms) before it is written anywhere.
/// </summary>
internal sealed class CliLog : IDisposable
{
    /// <summary>The variable that turns the log file on: <c>info</c> or <c>debug</c>.</summary>
    public const string Variable = "FERRY_LOG";

    private readonly TextWriter? _stderr;
    private readonly LogLevel _stderrLevel;
    private readonly StreamWriter? _file;
    private readonly LogLevel _fileLevel;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly List<(string Whole, string Masked)> _protected = [];
    private CliEnvironment? _configuredFrom;

    private CliLog(TextWriter? stderr, LogLevel stderrLevel, StreamWriter? file, LogLevel fileLevel, TimeProvider time)
    {
        _stderr = stderr;
        _stderrLevel = stderrLevel;
        _file = file;
        _fileLevel = fileLevel;
        _time = time;
    }

    /// <summary>A new log that writes nothing (new each time: it still collects what to scrub, per run).</summary>
    public static CliLog Off => new(null, LogLevel.Off, null, LogLevel.Off, TimeProvider.System);

    /// <summary>The most detailed level anything is written at.</summary>
    public LogLevel Level => (LogLevel)Math.Max((int)_stderrLevel, (int)_fileLevel);

    public bool IsDebug => Level == LogLevel.Debug;

    /// <summary>Where the log file is, when <c>FERRY_LOG</c> names a level.</summary>
    public static string FilePath(FerryHome home) => Path.Combine(home.Path, "logs", "ferry.log");

    /// <summary>
    /// The log for one run. An unreadable <c>FERRY_LOG</c> value is bad input, said before anything runs.
    /// </summary>
    public static CliLog Open(CliEnvironment env, bool verbose)
    {
        var setting = env.GetEnvironmentVariable(Variable)?.Trim().ToLowerInvariant();
        var fileLevel = setting switch
        {
            null or "" or "off" => LogLevel.Off,
            "info" => LogLevel.Info,
            "debug" or "trace" => LogLevel.Debug,
            _ => throw CliException.BadInput($"{Variable}='{setting}' is not a log level; use off, info or debug."),
        };
        var file = fileLevel == LogLevel.Off ? null : OpenFile(env);
        // The configured credentials are read when the first line is written or scrubbed, not here: a run that logs
        // and fails nothing (--help, --version) reads no accounts file and loads no engine code.
        return new CliLog(verbose ? env.Error : null, verbose ? LogLevel.Debug : LogLevel.Off, file, fileLevel, env.Time)
        {
            _configuredFrom = env,
        };
    }

    private static StreamWriter OpenFile(CliEnvironment env)
    {
        var home = FerryHome.FromEnvironment(env.GetEnvironmentVariable);
        home.EnsureExists();
        home.EnsureExists("logs");
        var path = FilePath(home);
        return new StreamWriter(AppendOnlyFile.Open(path)) { AutoFlush = true };
    }

    /// <summary>Runs <see cref="ProtectConfigured"/> once, before the first line is written or scrubbed.</summary>
    private void ProtectConfiguredOnce()
    {
        if (Volatile.Read(ref _configuredFrom) is null) return;
        // Under the gate (it is re-entrant) and cleared only when done: a line scrubbed on another thread meanwhile
        // waits for the whole list.
        lock (_gate)
        {
            if (_configuredFrom is not { } env) return;
            try
            {
                ProtectConfigured(env);
            }
            finally
            {
                Volatile.Write(ref _configuredFrom, null);
            }
        }
    }

    /// <summary>
    /// Protects every configured credential from the first line on, not only those of the account a run opens: a value
    /// typed in the wrong place (a secret given as an e-mail) is logged before any account is chosen.
    /// </summary>
    private void ProtectConfigured(CliEnvironment env)
    {
        try
        {
            Protect(new AccountStore(FerryHome.FromEnvironment(env.GetEnvironmentVariable), env.GetEnvironmentVariable).Load());
        }
        catch (Exception e) when (e is AccountConfigException or FerryHomeException or IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            // Accounts that cannot be loaded give no key a run could use; the run itself reports the problem.
        }
    }

    /// <summary>Adds the credentials of <paramref name="accounts"/> to what every line is scrubbed of.</summary>
    public void Protect(IEnumerable<AccountDefinition> accounts)
    {
        foreach (var account in accounts) Protect(account.Credentials);
    }

    public void Protect(ApiCredentials credentials)
    {
        lock (_gate)
        {
            AddProtected(credentials.ApiKey, credentials.MaskedApiKey);
            var secret = credentials.Secret.Reveal();
            AddProtected(secret, credentials.Secret.ToString());
            // A PEM key is many lines; any one of them alone must not reach a log either.
            foreach (var line in secret.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!line.StartsWith("-----", StringComparison.Ordinal)) AddProtected(line, "***");
            // Longest first, so a secret that contains another protected value is replaced whole.
            _protected.Sort((a, b) => b.Whole.Length.CompareTo(a.Whole.Length));
        }
    }

    /// <summary>Adds one secret (a database password) to what every line is scrubbed of.</summary>
    public void Protect(string secret)
    {
        lock (_gate)
        {
            AddProtected(secret, "***");
            _protected.Sort((a, b) => b.Whole.Length.CompareTo(a.Whole.Length));
        }
    }

    private void AddProtected(string whole, string masked)
    {
        if (whole.Length >= 6 && !_protected.Any(p => p.Whole == whole)) _protected.Add((whole, masked));
    }

    public void Info(string message) => Write(LogLevel.Info, message);

    public void Debug(string message) => Write(LogLevel.Debug, message);

    private void Write(LogLevel level, string message)
    {
        if (level > Level) return;
        ProtectConfiguredOnce();
        lock (_gate)
        {
            var line = Scrub(message);
            var stamp = _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            var tag = level == LogLevel.Debug ? "debug" : "info";
            if (_stderr is not null && level <= _stderrLevel) _stderr.WriteLine($"ferry[{tag}]: {line}");
            if (_file is not null && level <= _fileLevel) _file.WriteLine($"{stamp} {tag} {line}");
        }
    }

    /// <summary>Replaces every protected value in <paramref name="text"/> with its masked form.</summary>
    public string Scrub(string text)
    {
        ProtectConfiguredOnce();
        foreach (var (whole, masked) in _protected)
            // Any case: a secret typed where a wallet or e-mail belongs comes back lower-cased in the error.
            if (text.Contains(whole, StringComparison.OrdinalIgnoreCase)) text = text.Replace(whole, masked, StringComparison.OrdinalIgnoreCase);
        return text;
    }

    /// <summary>"accounts add": the command's path without the root and without any argument (which could be a secret).</summary>
    public static string CommandPath(System.CommandLine.Parsing.CommandResult result) =>
        result.Parent is System.CommandLine.Parsing.CommandResult parent
            ? (parent.Parent is null ? result.Command.Name : CommandPath(parent) + " " + result.Command.Name)
            : "(root)";

    public void Dispose() => _file?.Dispose();
}
