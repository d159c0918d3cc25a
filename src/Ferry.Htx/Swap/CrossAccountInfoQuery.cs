using System.Text.Json;
using Ferry.Htx.Http;

namespace Ferry.Htx.Swap;

/// <summary>A POST /linear-swap-api/v1/swap_cross_account_info: the cross margin account(s).</summary>
/// <param name="MarginAccount">"USDT"; null for all.</param>
public sealed record CrossAccountInfoQuery(string? MarginAccount = null) : IHtxParameters
{
    internal string? Validate() =>
        MarginAccount is null || (MarginAccount.Length is > 0 and <= 20 && MarginAccount.All(char.IsAsciiLetterOrDigit)) ? null
        : $"margin_account '{MarginAccount}' is not a cross margin account such as USDT.";

    void IHtxParameters.WriteBody(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (MarginAccount is not null) writer.WriteString("margin_account", MarginAccount.ToUpperInvariant());
        writer.WriteEndObject();
    }
}
