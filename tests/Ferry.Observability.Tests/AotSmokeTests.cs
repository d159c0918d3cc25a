using System.Runtime.InteropServices;

namespace Ferry.Observability.Tests;

/// <summary>
/// The client libraries (Ferry.Core, Ferry.Binance, Ferry.Htx: IsAotCompatible) under Native AOT: samples/Ferry.Samples.Aot
/// publishes for linux-x64 with no trim or AOT warning (warnings are errors) and, compiled ahead of time, signs Binance
/// transfers with each key kind (HMAC, Ed25519 through NSec's native libsodium, RSA) and an HTX transfer, each checked by a
/// loopback server with its own code (Ed25519 and RSA with the public key). The native toolchain (clang, zlib1g-dev) is
/// installed with apt-get when missing and this runs as root; otherwise the test fails saying what to install.
/// </summary>
public sealed class AotSmokeTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("ferry-aot-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public async Task The_client_libraries_publish_as_native_aot_without_warnings_and_the_native_program_signs_with_every_key_kind()
    {
        // Native AOT publishes for the machine it runs on; CI's machines are linux-x64.
        Assert.True(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "the AOT smoke test runs on linux-x64");
        await NativeToolchain.EnsureAsync();
        var project = Path.Combine(RepositoryFolder.Root(), "samples", "Ferry.Samples.Aot", "Ferry.Samples.Aot.csproj");

        // Its own bin and obj (--artifacts-path): the Release builds of the same libraries by other tests running at the
        // same time (the tool package's `dotnet pack`) never share a file with it.
        var (published, log) = await ChildProcess.RunAsync("dotnet",
            ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", Path.Combine(_output, "app"),
                "--artifacts-path", Path.Combine(_output, "artifacts"), "-nologo"], TimeSpan.FromMinutes(20));

        Assert.True(published == 0, "dotnet publish failed: " + log);
        Assert.DoesNotContain("warning IL", log, StringComparison.Ordinal);
        var (code, said) = await ChildProcess.RunAsync(Path.Combine(_output, "app", "Ferry.Samples.Aot"), [], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, "the native program failed: " + said);
        // Ed25519 signs through libsodium, a native library the publish must put beside the program.
        Assert.True(File.Exists(Path.Combine(_output, "app", "libsodium.so")), "libsodium.so is not beside the native program");
        Assert.Contains("binance hmac: done, tranId 13526853623", said, StringComparison.Ordinal);
        Assert.Contains("binance ed25519: done, tranId 13526853624", said, StringComparison.Ordinal);
        Assert.Contains("binance rsa: done, tranId 13526853625", said, StringComparison.Ordinal);
        Assert.Contains("htx: done, transfer id 176104252", said, StringComparison.Ordinal);
    }
}
