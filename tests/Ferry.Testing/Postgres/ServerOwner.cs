using System.Globalization;

namespace Ferry.Testing.Postgres;

/// <summary>
/// Which test process a server folder belongs to: its pid and, on Linux, the process's start time (so a reused pid is
/// not taken for the owner). A test host killed before its fixtures were disposed leaves its server running; the next
/// <see cref="PostgresServer"/> finds such folders by their owner having gone and stops them.
/// </summary>
internal static class ServerOwner
{
    private const string FileName = "owner";

    /// <summary>Marks <paramref name="folder"/> as this process's.</summary>
    public static void Claim(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), $"{Environment.ProcessId} {StartTime(Environment.ProcessId)}");

    /// <summary>The server folders under <paramref name="parent"/> whose owner no longer runs. A folder without an owner
    /// file (still being made, or made by an older fixture) is never listed.</summary>
    public static IEnumerable<string> Abandoned(string parent)
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists(parent)) yield break;
        foreach (var folder in Directory.EnumerateDirectories(parent, "ferry-pg-*"))
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(folder, FileName));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var parts = text.Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !Runs(pid, parts[1]))
            {
                yield return folder;
            }
        }
    }

    private static bool Runs(int pid, string startTime) => StartTime(pid) is { } now && now == startTime;

    /// <summary>Field 22 of /proc/PID/stat (clock ticks since boot when the process started); null when it is gone.</summary>
    private static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
