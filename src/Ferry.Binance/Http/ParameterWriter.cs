using System.Buffers;
using System.Buffers.Text;
using Ferry.Core.Money;

namespace Ferry.Binance.Http;

/// <summary>
/// Writes <c>name=value</c> pairs in insertion order, joined by <c>&amp;</c> and percent-encoded, as the
/// exact ASCII bytes that go on the wire (and are signed). Backed by a pooled buffer; call
/// <see cref="Dispose"/> once the bytes have been sent.
/// </summary>
internal sealed class ParameterWriter : IDisposable
{
    private byte[] _buffer;
    private int _length;

    /// <summary>Rents a buffer of at least <paramref name="initialCapacity"/> bytes.</summary>
    public ParameterWriter(int initialCapacity = 512) =>
        _buffer = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>How many bytes have been written.</summary>
    public int Length => _length;

    internal byte[] Buffer => _buffer;

    /// <summary>Adds a text parameter; the name and value are percent-encoded.</summary>
    public void Add(string name, ReadOnlySpan<char> value)
    {
        StartPair(name, PercentEncoding.MaxEncodedLength(value.Length));
        _length += PercentEncoding.Encode(value, _buffer.AsSpan(_length));
    }

    /// <summary>Adds a text parameter when <paramref name="value"/> is not null.</summary>
    public void AddIfPresent(string name, string? value)
    {
        if (value is not null)
        {
            Add(name, value);
        }
    }

    /// <summary>Adds an integer parameter (invariant digits).</summary>
    public void Add(string name, long value)
    {
        StartPair(name, 20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>Adds an integer parameter when <paramref name="value"/> has one.</summary>
    public void AddIfPresent(string name, long? value)
    {
        if (value is { } v)
        {
            Add(name, v);
        }
    }

    /// <summary>Adds a time as epoch milliseconds when <paramref name="value"/> has one.</summary>
    public void AddIfPresent(string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Add(name, v.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>Adds an amount formatted by <see cref="WireDecimal.Format"/> (no exponent, no trailing zeros).</summary>
    public void Add(string name, decimal value)
    {
        Span<char> text = stackalloc char[WireDecimal.MaxLength];
        WireDecimal.TryFormat(value, text, out var written);
        Add(name, text[..written]);
    }

    /// <summary>Appends already-encoded ASCII bytes as they are (the signature).</summary>
    public void AppendRaw(string name, ReadOnlySpan<byte> encodedValue)
    {
        StartPair(name, encodedValue.Length);
        encodedValue.CopyTo(_buffer.AsSpan(_length));
        _length += encodedValue.Length;
    }

    /// <summary>The pairs written so far, decoded back to text as the exchange reads them (for descriptions, not the hot path).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs()
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var rest = Written;
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf((byte)'&');
            var pair = end < 0 ? rest : rest[..end];
            var equals = pair.IndexOf((byte)'=');
            pairs.Add(new(PercentEncoding.Decode(pair[..equals]), PercentEncoding.Decode(pair[(equals + 1)..])));
            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return pairs;
    }

    /// <summary>Forgets everything written, keeping the buffer.</summary>
    public void Clear() => _length = 0;

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _length = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Gives up the buffer without returning it to the pool (it may still be read by a failed send).</summary>
    internal void Abandon()
    {
        _buffer = [];
        _length = 0;
    }

    private void StartPair(string name, int maxValueLength)
    {
        Ensure(1 + PercentEncoding.MaxEncodedLength(name.Length) + 1 + maxValueLength);
        if (_length > 0)
        {
            _buffer[_length++] = (byte)'&';
        }

        _length += PercentEncoding.Encode(name, _buffer.AsSpan(_length));
        _buffer[_length++] = (byte)'=';
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        _buffer = bigger;
    }
}
