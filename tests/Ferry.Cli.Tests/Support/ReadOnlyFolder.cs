using System.Diagnostics;

namespace Ferry.Cli.Tests;

/// <summary>
/// Makes a folder and everything in it unwritable until disposed: by its mode bits, and where they do not bind
/// (tests running as root) by the immutable attribute, so the test sees a read-only FERRY_HOME either way.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class ReadOnlyFolder : IDisposable
{
    private readonly List<(string Path, UnixFileMode Mode)> _modes = [];
    private readonly List<string> _immutable = [];

    private ReadOnlyFolder() { }

    public static ReadOnlyFolder Make(string folder)
    {
        var made = new ReadOnlyFolder();
        var entries = Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).Append(folder).ToList();
        foreach (var entry in entries)
        {
            var mode = File.GetUnixFileMode(entry);
            made._modes.Add((entry, mode));
            File.SetUnixFileMode(entry, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
        if (IsWritable(folder))
        {
            // Root ignores mode bits; the immutable attribute binds root too.
            foreach (var entry in entries)
            {
                Chattr("+i", entry);
                made._immutable.Add(entry);
            }
            Assert.False(IsWritable(folder), $"could not make {folder} read-only for this test");
        }
        return made;
    }

    private static bool IsWritable(string folder)
    {
        var probe = Path.Combine(folder, ".write-probe");
        try
        {
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Chattr(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        chattr.WaitForExit();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag} {path} failed: {chattr.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        foreach (var path in _immutable) Chattr("-i", path);
        foreach (var (path, mode) in _modes) File.SetUnixFileMode(path, mode);
    }
}
