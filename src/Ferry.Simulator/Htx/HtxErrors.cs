using Ferry.Simulator.Binance;

namespace Ferry.Simulator.Htx;

/// <summary>The simulator's one HTX error table. Codes and texts come from the reference (exchange-api-facts.md §6);
/// HTTP status is 200 unless noted ("errors are carried in the body", UNVERIFIED).</summary>
public static class HtxErrors
{
    // Gateway and Signature V2 (v1 envelope).
    /// <summary>POST body is not a JSON object or the Content-Type is not application/json.</summary>
    public static readonly HtxError GatewayInternal = new(HtxStyle.V1, "gateway-internal-error", "Request body must be a JSON object sent as application/json.", 200,
        Provenance.Assumed, "Code from the HTX FAQ (bad JSON or wrong Content-Type); the text is the simulator's.");
    /// <summary>AccessKeyId or Signature missing on a v1 endpoint.</summary>
    public static readonly HtxError V1LoginRequired = new(HtxStyle.V1, "login-required", "Signature does not exist or AccessKeyId is missing.", 200,
        Provenance.Assumed, "Code from the HTX FAQ (AccessKeyId or Signature missing); the text is the simulator's.");
    /// <summary>Unknown access key on a v1 endpoint.</summary>
    public static readonly HtxError V1IncorrectAccessKey = new(HtxStyle.V1, "api-signature-not-valid", "Signature not valid: Incorrect Access key [Access key错误]", 200,
        Provenance.Documented, "Code and text from the HTX FAQ Q6-Q9.");
    /// <summary>Signature mismatch (or wrong method/version) on a v1 endpoint.</summary>
    public static readonly HtxError V1VerificationFailure = new(HtxStyle.V1, "api-signature-not-valid", "Signature not valid: Verification failure [校验失败]", 200,
        Provenance.Assumed, "Code documented; this text for a bad signature is assumed.");
    /// <summary>Timestamp missing, malformed or outside the tolerance on a v1 endpoint.</summary>
    public static readonly HtxError V1StaleTimestamp = new(HtxStyle.V1, "api-signature-not-valid", "Signature not valid: Timestamp is missing, malformed or too far from server time.", 200,
        Provenance.Assumed, "Code documented; its use and text for a stale Timestamp are assumed.");
    /// <summary>The account id in the path is not the caller's.</summary>
    public static readonly HtxError V1AccountNotFound = new(HtxStyle.V1, "account-frozen-account-inexistent-error", "account for id `{0}` does not exist", 200,
        Provenance.Assumed, "Not in the reference; code and text chosen by the simulator.");
    /// <summary>Over the rate limit on a v1 endpoint.</summary>
    public static readonly HtxError V1TooManyRequests = new(HtxStyle.V1, "too-many-requests", "Too many requests.", 429,
        Provenance.Assumed, "Not in the reference; HTTP 429 and this code are the simulator's choice.");

    // v2 (POST /v2/account/transfer, GET /v2/account/ledger). Codes from the transfer's Response Code Table.
    /// <summary>AccessKeyId or Signature missing.</summary>
    public static readonly HtxError V2Anonymous = new(HtxStyle.V2, "512", "Reject anonymous requests", 200,
        Provenance.Assumed, "Code documented; used for a missing AccessKeyId/Signature by choice.");
    /// <summary>Unknown key, bad signature, wrong method/version, or a stale/missing Timestamp.</summary>
    public static readonly HtxError V2InvalidSignature = new(HtxStyle.V2, "513", "Invalid signature", 200,
        Provenance.Assumed, "Code documented; used for every Signature V2 failure on v2 endpoints by choice.");
    /// <summary>The key lacks the Trade permission.</summary>
    public static readonly HtxError V2AccessDenied = new(HtxStyle.V2, "403", "Access denied", 200,
        Provenance.Assumed, "Code documented; used for a key without trade permission by choice.");
    /// <summary>Over the rate limit (1 transfer per second).</summary>
    public static readonly HtxError V2TooManyRequests = new(HtxStyle.V2, "429", "too many requests", 429,
        Provenance.Assumed, "Code documented; HTTP 429 assumed.");
    /// <summary>A parameter has a wrong type or value (e.g. amount not a number, ledger window over 10 days).</summary>
    public static readonly HtxError V2InvalidParameter = new(HtxStyle.V2, "502", "Invalid parameter", 200,
        Provenance.Documented, "Code and text documented; which inputs trigger it is assumed.");
    /// <summary>A required parameter is missing.</summary>
    public static readonly HtxError V2LackOfParameter = new(HtxStyle.V2, "504", "Lack of parameter", 200,
        Provenance.Documented, "Code and text documented.");
    /// <summary>The currency is not a currency code.</summary>
    public static readonly HtxError V2CurrencyMissing = new(HtxStyle.V2, "10000", "Currency does not exist", 200,
        Provenance.Documented, "Code and text documented.");
    /// <summary>from equals to.</summary>
    public static readonly HtxError V2SingleBusiness = new(HtxStyle.V2, "10001", "Does not support transfer within single business", 200,
        Provenance.Assumed, "Code and text documented; used for from == to by choice.");
    /// <summary>A currency other than the margin asset (USDT) to or from a swap margin account.</summary>
    public static readonly HtxError V2NotSupported = new(HtxStyle.V2, "10002", "This transfer is not supported", 200,
        Provenance.Assumed, "Code and text documented; used for a non-USDT currency by choice.");
    /// <summary>margin-account is neither USDT nor a known contract.</summary>
    public static readonly HtxError V2ContractMissing = new(HtxStyle.V2, "1013", "This contract type doesn't exist.", 200,
        Provenance.Assumed, "Code and text documented; used for an unknown margin account by choice.");
    /// <summary>from/to is not spot or linear-swap.</summary>
    public static readonly HtxError V2WrongTransferType = new(HtxStyle.V2, "1315", "Wrong transfer type.", 200,
        Provenance.Assumed, "Code and text documented; used for from/to values other than spot and linear-swap by choice.");
    /// <summary>The source holds less than the amount.</summary>
    public static readonly HtxError V2Insufficient = new(HtxStyle.V2, "1301", "Insufficient amount available.", 200,
        Provenance.Documented, "Code and text documented.");
    /// <summary>Below the configured per-currency minimum; {0} amount, {1} currency.</summary>
    public static readonly HtxError V2BelowMinimum = new(HtxStyle.V2, "1303", "The single transfer-out amount must be no less than {0}{1}", 200,
        Provenance.Documented, "Code and text from the endpoint's error example; minimums are configured per currency in the scenario.");
    /// <summary>Amount zero or negative.</summary>
    public static readonly HtxError V2InvalidAmount = new(HtxStyle.V2, "1322", "Invalid amount. Must be more than 0.", 200,
        Provenance.Documented, "Code and text documented.");
    /// <summary>More than 8 decimal places.</summary>
    public static readonly HtxError V2Precision = new(HtxStyle.V2, "1331", "Exceeds limit of transfer accuracy (8 digits). Please modify it.", 200,
        Provenance.Documented, "Code and text documented.");

    // Linear swap.
    /// <summary>Timestamp missing.</summary>
    public static readonly HtxError SwapTimeMissing = new(HtxStyle.Swap, "12006", "The submission time can't be empty.", 200,
        Provenance.Documented, "Code and text from the swap auth error list.");
    /// <summary>Timestamp malformed or too far from server time.</summary>
    public static readonly HtxError SwapInvalidTime = new(HtxStyle.Swap, "12001", "Invalid submission time.", 200,
        Provenance.Documented, "Code and text from the swap auth error list.");
    /// <summary>SignatureVersion is not 2.</summary>
    public static readonly HtxError SwapSignatureVersion = new(HtxStyle.Swap, "12002", "Incorrect signature version.", 200,
        Provenance.Documented, "Code and text from the swap auth error list.");
    /// <summary>SignatureMethod is not HmacSHA256.</summary>
    public static readonly HtxError SwapSignatureMethod = new(HtxStyle.Swap, "12003", "Incorrect signature method.", 200,
        Provenance.Documented, "Code and text from the swap auth error list.");
    /// <summary>Signature mismatch, or AccessKeyId/Signature missing.</summary>
    public static readonly HtxError SwapVerificationFailed = new(HtxStyle.Swap, "12008", "Verification failed.", 200,
        Provenance.Assumed, "Code and text documented; also used for a missing AccessKeyId/Signature by choice.");
    /// <summary>Unknown access key.</summary>
    public static readonly HtxError SwapUserMissing = new(HtxStyle.Swap, "12009", "The user is locked or doesn't exist.", 200,
        Provenance.Assumed, "Code and text documented; used for an unknown access key by choice.");
    /// <summary>Over the shared private-swap limit.</summary>
    public static readonly HtxError SwapTooManyRequests = new(HtxStyle.Swap, "1032", "The number of access exceeded the limit.", 200,
        Provenance.Documented, "Code and text documented; HTTP 200 assumed.");
    /// <summary>contract_code or margin_account names no account.</summary>
    public static readonly HtxError SwapContractMissing = new(HtxStyle.Swap, "1013", "This contract type doesn't exist.", 200,
        Provenance.Assumed, "Code and text from the transfer's table; used for an unknown contract on the account endpoints by choice.");

    // The state file (several processes on one file).
    /// <summary>Another process serving the same state file held its lock past the bound; nothing executed (v1 envelope).</summary>
    public static readonly HtxError V1Busy = new(HtxStyle.V1, "1030", "Abnormal service. Please try again later.", 200,
        Provenance.Assumed, "Code and text from the transfer's response-code table; its use when the state file stays locked is the simulator's choice.");
    /// <summary>As <see cref="V1Busy"/>, v2 envelope.</summary>
    public static readonly HtxError V2Busy = V1Busy with { Style = HtxStyle.V2 };
    /// <summary>As <see cref="V1Busy"/>, swap envelope.</summary>
    public static readonly HtxError SwapBusy = V1Busy with { Style = HtxStyle.Swap };

    /// <summary>The busy error in the envelope of <paramref name="style"/>.</summary>
    public static HtxError Busy(HtxStyle style) => style switch { HtxStyle.V1 => V1Busy, HtxStyle.V2 => V2Busy, _ => SwapBusy };

    /// <summary>Every entry, for docs and tests.</summary>
    public static IReadOnlyList<HtxError> All { get; } =
    [
        GatewayInternal, V1LoginRequired, V1IncorrectAccessKey, V1VerificationFailure, V1StaleTimestamp, V1AccountNotFound, V1TooManyRequests,
        V2Anonymous, V2InvalidSignature, V2AccessDenied, V2TooManyRequests, V2InvalidParameter, V2LackOfParameter, V2CurrencyMissing,
        V2SingleBusiness, V2NotSupported, V2ContractMissing, V2WrongTransferType, V2Insufficient, V2BelowMinimum, V2InvalidAmount, V2Precision,
        SwapTimeMissing, SwapInvalidTime, SwapSignatureVersion, SwapSignatureMethod, SwapVerificationFailed, SwapUserMissing,
        SwapTooManyRequests, SwapContractMissing, V1Busy, V2Busy, SwapBusy,
    ];
}
