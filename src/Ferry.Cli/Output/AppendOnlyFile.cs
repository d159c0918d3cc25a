using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ferry.Cli.Output;

/// <summary>
/// Opens a file that several processes append lines to (the log under FERRY_HOME, which every worker and command
/// shares). .NET's <see cref="FileMode.Append"/> only seeks to the end once, at open, and then writes at its own
/// remembered offset, so a second process's lines were overwritten. On Linux the file is opened with O_APPEND, where
/// the kernel puts every write at the end of the file, whoever wrote last. Elsewhere it falls back to FileMode.Append.
/// </summary>
internal static class AppendOnlyFile
{
    private const int LinuxWriteAppend = 0x1 | 0x400 | 0x80000; // O_WRONLY | O_APPEND | O_CLOEXEC

    /// <summary>Opens (creating it owner-only if missing) <paramref name="path"/> for appending.</summary>
    public static FileStream Open(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.ReadWrite };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!OperatingSystem.IsLinux()) return new FileStream(path, options);

        // Created (with its mode) through .NET, then opened again with O_APPEND: open(2)'s mode argument is variadic.
        new FileStream(path, options).Dispose();
        var descriptor = Native.Open(path, LinuxWriteAppend);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is 1 or 13) throw new UnauthorizedAccessException(); // EPERM, EACCES
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }

        // Unbuffered: each line is one write(2), which O_APPEND places at the end as a whole.
        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
