using System.Diagnostics;
using Ferry.Core.Files;

namespace Ferry.Engine.Tests;

/// <summary>Every file Ferry reads ends at once: within the cap it is read whole, past it, or not a regular file, it is refused.</summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ferry-bounded-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_file_within_the_cap_is_read_whole_and_a_byte_order_mark_is_dropped()
    {
        var path = Path.Combine(_folder, "a.json");
        File.WriteAllText(path, "{\"é\": 1}", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal("{\"é\": 1}", BoundedFile.ReadAllText(path, 64));
    }

    [Fact]
    public void One_byte_past_the_cap_is_refused_naming_the_cap()
    {
        var path = Path.Combine(_folder, "big.txt");
        File.WriteAllText(path, new string('x', 1025));

        var e = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText(path, 1024));
        Assert.Equal("is larger than 1 KiB", e.Reason);
        Assert.Equal(1025, BoundedFile.ReadAllText(path, 1025).Length);
    }

    [Fact]
    public void Dev_zero_is_refused_after_reading_just_past_the_cap()
    {
        var e = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText("/dev/zero", 1024 * 1024));
        Assert.Equal("is larger than 1 MiB", e.Reason);
    }

    [Fact]
    public void A_FIFO_is_refused_without_waiting_for_a_writer()
    {
        var fifo = Path.Combine(_folder, "fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var e = Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText(fifo, 1024));
        Assert.StartsWith("is not a regular file", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_and_a_missing_file_are_named_as_such()
    {
        Assert.Equal("is a folder, not a file", Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText(_folder, 1024)).Reason);
        Assert.Equal("does not exist", Assert.Throws<BoundedFileException>(() => BoundedFile.ReadAllText(Path.Combine(_folder, "none"), 1024)).Reason);
    }
}
