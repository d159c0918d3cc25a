using Ferry.Core.Credentials;
using Ferry.Core.Files;

namespace Ferry.Engine.Accounts;

/// <summary>
/// Reads key and PEM files: owner-only, bounded in size, and with errors that name the account and which of its files
/// is wrong, never the file's location (the source documents: never disclose where the key file is) and never a line
/// of one (line two of a key file may be a secret, even where a path was expected).
/// </summary>
public static class KeyFiles
{
    /// <summary>No key or PEM file is anywhere near this long; a longer one is refused before it is read.</summary>
    public const int MaxLength = 64 * 1024;

    private const UnixFileMode WiderThanOwner = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>
    /// The documented two-line key file: the API key on line one; on line two the HMAC secret, or for rsa/ed25519 the
    /// path of the PEM private key, whose content is returned as the secret.
    /// </summary>
    public static (string ApiKey, string Secret) ReadKeyFile(string accountName, string path, SigningKind signing)
    {
        var lines = ReadOwnerOnly(accountName, path, "its key file")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2)
        {
            throw new AccountConfigException(
                $"Account '{accountName}': its key file must hold the API key on line one and the secret or PEM path on line two.");
        }

        if (signing == SigningKind.Hmac) return (lines[0], lines[1]);
        var mode = signing.ToString().ToLowerInvariant();
        if (!IsExistingFile(lines[1]))
        {
            throw new AccountConfigException(
                $"Account '{accountName}' signs with {mode}, so line two of its key file must be the path of its PEM private key, "
                + "and no such file exists (an HMAC secret there needs signing 'hmac').");
        }

        return (lines[0], ReadOwnerOnly(accountName, lines[1], "the PEM private key named on line two of its key file"));
    }

    /// <summary>
    /// Reads a file that holds a key; <paramref name="what"/> says which one in the account's terms
    /// ("its key file", "its private key file"), since the error may not say where it is.
    /// </summary>
    public static string ReadOwnerOnly(string accountName, string path, string what)
    {
        if (!IsExistingFile(path))
            throw new AccountConfigException($"Account '{accountName}': {what} does not exist (or is not a file).");
        try
        {
            if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & WiderThanOwner) != 0)
            {
                throw new AccountConfigException(
                    $"Account '{accountName}': {what} can be read or changed by others; make it owner-only with 'chmod 600' and try again.");
            }
            // Bounded and never blocking: a FIFO or a device named as a key file is refused at once.
            return BoundedFile.ReadAllText(path, MaxLength);
        }
        catch (BoundedFileException e) when (e.Reason.StartsWith("is larger", StringComparison.Ordinal))
        {
            throw new AccountConfigException($"Account '{accountName}': {what} is larger than {MaxLength / 1024} KiB, which no key is.");
        }
        catch (BoundedFileException e) when (e.Reason.StartsWith("is not a regular file", StringComparison.Ordinal))
        {
            throw new AccountConfigException($"Account '{accountName}': {what} is not a regular file (a FIFO, socket or terminal).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The exception's own message quotes the path.
            throw new AccountConfigException($"Account '{accountName}': {what} cannot be read ({Reason(e)}).");
        }
    }

    private static bool IsExistingFile(string path)
    {
        try
        {
            return path.Length is > 0 and <= 4096 && File.Exists(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return false;
        }
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "it disappeared",
        _ => "an input/output error",
    };
}
