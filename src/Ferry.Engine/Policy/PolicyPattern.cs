namespace Ferry.Engine.Policy;

/// <summary>A case-insensitive pattern where <c>*</c> stands for any run of characters (<c>*@desk.example.com</c>,
/// <c>alice@example.com/*</c>, <c>main</c>).</summary>
public sealed record PolicyPattern(string Text)
{
    /// <summary>True when <paramref name="value"/> matches the whole pattern.</summary>
    public bool Matches(string? value) => value is not null && Glob(Text.AsSpan(), value.AsSpan());

    /// <summary>True when a wallet address matches: the whole address, or its e-mail part (so <c>*@desk.example.com</c>
    /// matches every wallet of those sub-accounts).</summary>
    public bool MatchesAddress(string address)
    {
        if (Matches(address)) return true;
        var slash = address.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && Matches(address[..slash]);
    }

    private static bool Glob(ReadOnlySpan<char> pattern, ReadOnlySpan<char> value)
    {
        // Iterative wildcard match: remember the last '*' and retry from one character further on a mismatch.
        int p = 0, v = 0, star = -1, mark = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v]))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }

    public override string ToString() => Text;
}
