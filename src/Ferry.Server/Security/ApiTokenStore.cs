using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ferry.Server.Api;

namespace Ferry.Server.Security;

/// <summary>
/// The API tokens of <c>ferry serve</c>, in one owner-only JSON file under FERRY_HOME. A token is 32 random bytes shown
/// once when it is made; the file keeps only its SHA-256. A fast hash is enough here because the token is not a password:
/// with 256 bits of randomness there is no dictionary to try and no guess that a slow hash would make meaningfully dearer.
/// </summary>
/// <param name="path">The token file (FERRY_HOME/server-tokens.json).</param>
/// <param name="time">The clock of <see cref="ApiTokenRecord.CreatedAt"/>.</param>
public sealed class ApiTokenStore(string path, TimeProvider time)
{
    /// <summary>What every token starts with, so a leaked one is recognisable (e.g. by secret scanners).</summary>
    public const string Prefix = "ferry_";

    private const long MaxFileBytes = 1024 * 1024;

    /// <summary>The token file's path.</summary>
    public string Path => path;

    /// <summary>Every token's name and scope (never a token or its hash), in name order.</summary>
    public IReadOnlyList<ApiTokenRecord> List() => [.. Load().OrderBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>True when at least one token is configured.</summary>
    public bool Any() => Load().Count > 0;

    /// <summary>Makes a token named <paramref name="name"/>; returns its text, which is not kept anywhere.</summary>
    public string Add(string name, ApiScope scope)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw new ApiTokenException($"'{name}' is not a token name; use 1 to 64 letters, digits, '-', '_' or '.'.", badInput: true);
        var tokens = Load().ToList();
        if (tokens.Any(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ApiTokenException($"A token named '{name}' already exists; remove it first or choose another name.", badInput: true);
        var token = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        tokens.Add(new ApiTokenRecord(name, ApiScopes.Name(scope), Hash(token), time.GetUtcNow()));
        Save(tokens);
        return token;
    }

    /// <summary>Removes the token named <paramref name="name"/>; false when there is none.</summary>
    public bool Remove(string name)
    {
        var tokens = Load().ToList();
        var removed = tokens.RemoveAll(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
        if (removed == 0) return false;
        Save(tokens);
        return true;
    }

    /// <summary>Who carries <paramref name="token"/>; null when it is no configured token.</summary>
    public ApiCaller? Verify(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var hash = Convert.FromHexString(Hash(token));
        foreach (var record in Load())
        {
            // Every stored hash is compared in constant time, so timing tells nothing about how close a guess was.
            if (CryptographicOperations.FixedTimeEquals(hash, Convert.FromHexString(record.Sha256)) && ApiScopes.Parse(record.Scope) is { } scope)
                return new ApiCaller(record.Name, scope);
        }
        return null;
    }

    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private IReadOnlyList<ApiTokenRecord> Load()
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return [];
            if (info.Length > MaxFileBytes) throw new ApiTokenException($"The token file {path} is larger than 1 MiB; it cannot be Ferry's.", badInput: false);
            return JsonSerializer.Deserialize(File.ReadAllText(path), ServerJsonContext.Default.ApiTokenFile)?.Tokens ?? [];
        }
        catch (JsonException)
        {
            throw new ApiTokenException($"The token file {path} is not valid JSON; remove it and add the tokens again.", badInput: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApiTokenException($"The token file {path} cannot be read ({e.GetType().Name}).", badInput: false);
        }
    }

    private void Save(IReadOnlyList<ApiTokenRecord> tokens)
    {
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            var temporary = path + ".tmp";
            // Owner-only from the first byte: the hashes are not secrets, but nobody else should list or change who may call.
            using (var stream = OperatingSystem.IsWindows()
                ? new FileStream(temporary, FileMode.Create, FileAccess.Write)
                : new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite }))
            {
                JsonSerializer.Serialize(stream, new ApiTokenFile(tokens), ServerJsonContext.Default.ApiTokenFile);
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ApiTokenException($"The token file {path} cannot be written ({e.GetType().Name}); nothing changed.", badInput: false);
        }
    }
}
