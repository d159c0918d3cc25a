namespace Ferry.Core.Credentials;

/// <summary>
/// A secret (HMAC secret or PEM private key). Its <see cref="ToString"/> masks it, so an
/// interpolated string, a log line or an exception message can never carry it by accident.
/// </summary>
public sealed class SecretText
{
    private readonly string _value;

    public SecretText(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The secret itself; call only where it is used to sign.</summary>
    public string Reveal() => _value;

    /// <summary>"***" and the last five characters, as the source documents ask.</summary>
    public override string ToString() => Masking.Secret(_value);

    public override bool Equals(object? obj) => obj is SecretText other && other._value == _value;
    public override int GetHashCode() => _value.GetHashCode(StringComparison.Ordinal);
}
