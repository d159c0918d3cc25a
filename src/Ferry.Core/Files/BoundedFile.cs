using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Ferry.Core.Files;

/// <summary>
/// Reads a whole text file that Ferry was pointed at (accounts.json, key files, scenarios, plans, imports) without
/// trusting it to be small or even to end: more than the cap, or a FIFO, socket or terminal, is refused at once
/// with a <see cref="BoundedFileException"/> instead of reading forever or blocking on an open.
/// </summary>
public static class BoundedFile
{
    /// <summary>Reads the file as text (UTF-8, or the encoding its byte-order mark names) if it holds at most <paramref name="maxBytes"/>.</summary>
    public static string ReadAllText(string path, long maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        if (Directory.Exists(path)) throw new BoundedFileException(path, "is a folder, not a file");
        if (!File.Exists(path)) throw new BoundedFileException(path, "does not exist");
        try
        {
            using var stream = OpenWithoutBlocking(path);
            // A FIFO, socket or terminal cannot seek; reading one may never end (or never start), so it is refused.
            if (!stream.CanSeek) throw new BoundedFileException(path, "is not a regular file (a FIFO, socket or terminal)");
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            while (true)
            {
                var wanted = (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length);
                var read = stream.Read(chunk, 0, wanted);
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes) throw new BoundedFileException(path, $"is larger than {Size(maxBytes)}");
            }
            buffer.Position = 0;
            using var reader = new StreamReader(buffer, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (UnauthorizedAccessException)
        {
            throw new BoundedFileException(path, "cannot be read (permission denied)");
        }
        catch (IOException e) when (e is not BoundedFileException)
        {
            // Not the exception's own text: it quotes the path, and some callers must not show where a file is.
            throw new BoundedFileException(path, e is FileNotFoundException or DirectoryNotFoundException ? "disappeared while it was read" : "cannot be read (an input/output error)");
        }
    }

    /// <summary>"64 KiB", "1 MiB": how a cap is written in messages.</summary>
    public static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    private static FileStream OpenWithoutBlocking(string path)
    {
        // open(2) of a FIFO blocks until a writer comes; O_NONBLOCK returns at once, and the stream's CanSeek tells.
        var flags = OperatingSystem.IsLinux() ? LinuxNonBlockReadOnly : OperatingSystem.IsMacOS() ? MacNonBlockReadOnly : -1;
        if (flags < 0) return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var descriptor = Native.Open(path, flags);
        if (descriptor < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is 1 or 13) throw new UnauthorizedAccessException(); // EPERM, EACCES
            throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
        }
        return new FileStream(new SafeFileHandle(descriptor, ownsHandle: true), FileAccess.Read, bufferSize: 0);
    }

    private const int LinuxNonBlockReadOnly = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC
    private const int MacNonBlockReadOnly = 0x4 | 0x1000000;   // O_RDONLY | O_NONBLOCK | O_CLOEXEC

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
