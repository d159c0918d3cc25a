namespace Ferry.Binance.ManagedSubAccount;

/// <summary>Which margin account marginAsset reads (<c>accountType</c>).</summary>
public enum ManagedMarginAccountType
{
    /// <summary>MARGIN: cross margin (Binance's default).</summary>
    Margin,
    /// <summary>ISOLATED_MARGIN.</summary>
    IsolatedMargin,
}
