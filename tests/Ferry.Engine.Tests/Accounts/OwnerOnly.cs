namespace Ferry.Tests.Accounts;

/// <summary>Writes test files with the modes Ferry checks: owner-only unless a test asks for wider.</summary>
internal static class OwnerOnly
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string Write(string path, string content, UnixFileMode mode = Mode)
    {
        File.WriteAllText(path, content);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
        return path;
    }
}
