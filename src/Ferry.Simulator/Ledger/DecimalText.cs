using System.Globalization;

namespace Ferry.Simulator.Ledger;

/// <summary>Amount text as the simulator writes it: invariant culture, no exponent.</summary>
internal static class DecimalText
{
    /// <summary>No trailing zeros: 10000, 0.5.</summary>
    public static string Plain(decimal value)
    {
        var s = value.ToString(CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        return s == "-0" ? "0" : s;
    }

    /// <summary>Exactly eight decimals: 0.10000000 (as in the margin transfer history example).</summary>
    public static string Eight(decimal value) => value.ToString("F8", CultureInfo.InvariantCulture);

    /// <summary>Digits after the decimal point once trailing zeros are dropped.</summary>
    public static int Scale(decimal value)
    {
        var s = Plain(value);
        var dot = s.IndexOf('.');
        return dot < 0 ? 0 : s.Length - dot - 1;
    }
}
