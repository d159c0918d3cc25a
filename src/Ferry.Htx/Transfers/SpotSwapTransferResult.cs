namespace Ferry.Htx.Transfers;

/// <summary>What POST /v2/account/transfer answered: HTX's transfer order id.</summary>
/// <param name="TransferId">The generated transfer order id (the envelope's <c>data</c>).</param>
public sealed record SpotSwapTransferResult(long TransferId);
