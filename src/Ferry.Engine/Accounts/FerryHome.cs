namespace Ferry.Engine.Accounts;

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

    /// <summary>
    /// Creates the folder (or a subfolder) readable by its owner only, where the platform allows, and checks that Ferry
    /// can write in it, so a FERRY_HOME that is a file or read-only is refused in one sentence before anything starts.
    /// </summary>
    public void EnsureExists(string? subfolder = null)
    {
        var target = RefuseFilesInTheWay(subfolder);
        try
        {
            if (!Directory.Exists(target))
            {
                if (OperatingSystem.IsWindows()) Directory.CreateDirectory(target);
                else Directory.CreateDirectory(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            // A probe that deletes itself: SQLite's "attempt to write a readonly database" said more plainly, before any change.
            var probe = System.IO.Path.Combine(target, $".write-check-{Guid.NewGuid():N}");
            using var _ = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FerryHomeException(
                $"Ferry cannot write to {target} ({Reason(e)}); FERRY_HOME must be a folder Ferry can create and write in.");
        }
    }

    /// <summary>
    /// Refuses, in the same sentences as <see cref="EnsureExists"/>, a FERRY_HOME (or <paramref name="subfolder"/>) that
    /// is a file or lies under one, without creating anything: for a command that only reads.
    /// </summary>
    public void EnsureNotAFile(string? subfolder = null) => RefuseFilesInTheWay(subfolder);

    private string RefuseFilesInTheWay(string? subfolder)
    {
        var target = subfolder is null ? Path : System.IO.Path.Combine(Path, subfolder);
        if (File.Exists(target))
        {
            throw new FerryHomeException(subfolder is null
                ? $"FERRY_HOME {Path} is a file, not a folder; point FERRY_HOME at a folder (or unset it for ~/.ferry)."
                : $"{target} is a file, not a folder; Ferry keeps its {subfolder} there under FERRY_HOME, so move the file away.");
        }

        for (var above = System.IO.Path.GetDirectoryName(target); above is not null; above = System.IO.Path.GetDirectoryName(above))
        {
            if (File.Exists(above))
                throw new FerryHomeException($"FERRY_HOME {Path} lies under {above}, which is a file, not a folder; point FERRY_HOME at a folder.");
        }

        return target;
    }

    /// <summary>The operating system's reason without the path it repeats, e.g. "permission denied".</summary>
    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        DirectoryNotFoundException => "a folder on its path cannot be created there",
        _ when e.Message.Contains("already exists", StringComparison.Ordinal) || e.Message.Contains("Not a directory", StringComparison.Ordinal)
            => "a file stands where a folder belongs",
        _ when e.Message.Contains("Read-only file system", StringComparison.Ordinal) => "read-only file system",
        _ when e.Message.Contains("No space", StringComparison.Ordinal) => "no space left on the device",
        _ => e.Message.Split(':')[0].Trim().TrimEnd('.'),
    };
}
