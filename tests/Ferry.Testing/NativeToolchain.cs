namespace Ferry.Testing;

/// <summary>What Native AOT's linker step needs on Linux: clang and zlib's development files (Debian: clang, zlib1g-dev).</summary>
public static class NativeToolchain
{
    public static async Task EnsureAsync()
    {
        if (Present())
            return;
        if (!string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
            throw new InvalidOperationException("Native AOT needs clang and zlib1g-dev, which are missing, and this is not root; install them (apt-get install clang zlib1g-dev).");
        await Task.Run(() => DebianPackages.Install("clang", "zlib1g-dev"));

        if (!Present())
            throw new InvalidOperationException("apt-get installed clang and zlib1g-dev, yet clang or libz.so is still missing.");
    }

    private static bool Present() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, "clang")))
        && (File.Exists("/usr/lib/x86_64-linux-gnu/libz.so") || File.Exists("/usr/lib/libz.so"));
}
