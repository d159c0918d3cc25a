/// <summary>
/// A .NET startup hook (DOTNET_STARTUP_HOOKS) that <see cref="Ferry.Cli.Tests.StartupLoadTests"/> puts into a child
/// <c>ferry</c> process: when the process exits, it writes the name of every assembly it loaded, one a line, to the
/// file named by <see cref="FileVariable"/>. The runtime requires this exact type name, in no namespace.
/// </summary>
internal static class StartupHook
{
    public const string FileVariable = "FERRY_TEST_LOADED_ASSEMBLIES";

    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable(FileVariable);
        if (string.IsNullOrEmpty(path)) return;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            File.WriteAllLines(path, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? ""));
    }
}
