using System.Text;

namespace Ferry.Core.Outcomes;

/// <summary>The start of an answer's body, quoted in an outcome's message so a person can see what came back.</summary>
public static class BodySnippet
{
    /// <summary>How many bytes of the body are quoted at most.</summary>
    public const int MaxBytes = 160;

    /// <summary>
    /// ": " and the first <see cref="MaxBytes"/> bytes with control characters blanked (and "…" when cut),
    /// or "." for an empty body, so it ends a sentence either way.
    /// </summary>
    public static string Of(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return ".";
        }

        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxBytes)]);
        var builder = new StringBuilder(": ");
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.Append(body.Length > MaxBytes ? "…" : "").ToString();
    }
}
