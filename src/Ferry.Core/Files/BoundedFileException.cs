namespace Ferry.Core.Files;

/// <summary>A file that cannot be read as Ferry needs it; <see cref="Reason"/> completes "the file X ...".</summary>
public sealed class BoundedFileException(string path, string reason) : IOException($"The file {path} {reason}.")
{
    /// <summary>The file's path as given.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong, e.g. "is larger than 1 MiB"; callers that must not show the path use this alone.</summary>
    public string Reason { get; } = reason;
}
