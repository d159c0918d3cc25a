namespace Ferry.Accounts;

/// <summary>Ferry's own folder: accounts, the embedded simulator's state, later the journal.</summary>
public sealed class FerryHome
{
    public FerryHome(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>The accounts file.</summary>
    public string AccountsFile => System.IO.Path.Combine(Path, "accounts.json");

    /// <summary>The embedded simulator's persisted state.</summary>
    public string EmbeddedSimulatorState => System.IO.Path.Combine(Path, "sim", "state.db");

    /// <summary><c>FERRY_HOME</c> when set, else <c>~/.ferry</c>.</summary>
    public static FerryHome FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var configured = getEnvironmentVariable("FERRY_HOME");
        if (!string.IsNullOrWhiteSpace(configured)) return new FerryHome(configured);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new FerryHome(System.IO.Path.Combine(home, ".ferry"));
    }

    /// <summary>Creates the folder readable by its owner only, where the platform allows.</summary>
    public void EnsureExists(string? subfolder = null)
    {
        var target = subfolder is null ? Path : System.IO.Path.Combine(Path, subfolder);
        if (Directory.Exists(target)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(target);
        else Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
