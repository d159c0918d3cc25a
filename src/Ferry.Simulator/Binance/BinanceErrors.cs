namespace Ferry.Simulator.Binance;

/// <summary>The simulator's Binance error table: every error it can answer, in one place. Texts are copied from
/// the reference (`exchange-api-facts.md` §2, §5); the provenance tag says whether the code/text/status pairing
/// for this use is documented, observed in a real response, or assumed by the simulator.</summary>
public static class BinanceErrors
{
    /// <summary>Rate limit exceeded on a /sapi bucket (HTTP 429; the 418 ban escalation does not apply to /sapi).</summary>
    public static readonly BinanceError TooManyRequests = new(-1003, "Too many requests; current request has limited.", 429,
        Provenance.Observed, "Text seen on a SAPI 429 (ccxt/ccxt#6905); no 418 for /sapi per the CAAS rate-limit page.");

    /// <summary>Timestamp older than serverTime - recvWindow.</summary>
    public static readonly BinanceError OutsideRecvWindow = new(-1021, "Timestamp for this request is outside of the recvWindow.", 400,
        Provenance.Documented, "Text from errors.md; HTTP 400 is commonly observed but UNVERIFIED.");

    /// <summary>Timestamp at or beyond serverTime + 1000.</summary>
    public static readonly BinanceError TimestampAhead = new(-1021, "Timestamp for this request was 1000ms ahead of the server's time.", 400,
        Provenance.Documented, "Text from errors.md; HTTP 400 is commonly observed but UNVERIFIED.");

    /// <summary>The signature does not verify over query + body.</summary>
    public static readonly BinanceError InvalidSignature = new(-1022, "Signature for this request is not valid.", 400,
        Provenance.Observed, "HTTP 400 seen in ccxt/go-binance#270.");

    /// <summary>A mandatory parameter is missing or malformed; %s is the parameter name.</summary>
    public static readonly BinanceError MandatoryParam = new(-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed.", 400,
        Provenance.Documented, "Used for missing/malformed timestamp and signature (documented) and, by the simulator's choice, for an unknown transfer type, a zero/negative/non-decimal/over-precise amount, a missing isolated symbol, a bad recvWindow value (assumed).");

    /// <summary>recvWindow above 60000.</summary>
    public static readonly BinanceError BadRecvWindow = new(-1131, "recvWindow must be less than 60000", 400,
        Provenance.Documented, "Listed on the SAPI error page; spot may answer -1102 instead (UNVERIFIED).");

    /// <summary>History query interval too long; %s is the limit in hours.</summary>
    public static readonly BinanceError IntervalTooLong = new(-1127, "More than %s hours between startTime and endTime.", 400,
        Provenance.Assumed, "Code and text from spot errors.md (not in the reference); the margin page states the 30-day limit but not the error.");

    /// <summary>Missing or malformed X-MBX-APIKEY.</summary>
    public static readonly BinanceError BadApiKeyFormat = new(-2014, "API-key format invalid.", 401,
        Provenance.Documented, "Text documented; HTTP 401 UNVERIFIED.");

    /// <summary>Unknown key, or the key lacks the endpoint's permission.</summary>
    public static readonly BinanceError RejectedKey = new(-2015, "Invalid API-key, IP, or permissions for action.", 401,
        Provenance.Observed, "HTTP 401 seen in binance/binance-api-postman#69.");

    /// <summary>The source wallet holds less than the amount (universal transfer).</summary>
    public static readonly BinanceError InsufficientBalance = new(-5002, "You have insufficient balance.", 400,
        Provenance.Assumed, "Code/text documented (ASSET_ASSET_NOT_ENOUGH); that asset/transfer answers it is the simulator's choice.");

    /// <summary>Generic transfer failure, used when source and target are the same wallet or a wallet is not enabled.</summary>
    public static readonly BinanceError TransferFailed = new(-5010, "Asset transfer fail.", 400,
        Provenance.Assumed, "Code/text documented (TRANSFER_FAIL); used for same-wallet and margin/options-not-enabled cases by choice.");

    /// <summary>A futures wallet the owner has not enabled.</summary>
    public static readonly BinanceError FutureAccountMissing = new(-5011, "future account not exists.", 400,
        Provenance.Assumed, "Code/text documented (FUTURE_ACCT_NOT_EXIST); used for sub-accounts without futures by choice.");

    // Sub-account transfers. Binance gives no code for "not your sub-account" or a reused clientTranId;
    // the choices below are the closest documented codes, tagged assumed where the use is ours.

    /// <summary>An email parameter that is not an e-mail address.</summary>
    public static readonly BinanceError InvalidEmail = new(-4003, "Your input email is invalid.", 400,
        Provenance.Assumed, "Code/text from the error-code page (DOCS-MIRROR); used for malformed fromEmail/toEmail/email by choice.");

    /// <summary>A well-formed email that is not a sub-account of the caller's master (or is the wrong party).</summary>
    public static readonly BinanceError NoParentSubRelation = new(-5021, "This parent sub have no relation", 400,
        Provenance.Assumed, "Code/text documented (PARENT_SUB_HAVE_NO_RELATION); used for an email that is not a sub-account of this master by choice (the reference finds no code for it).");

    /// <summary>A transfer scenario the sub-account universal transfer does not support.</summary>
    public static readonly BinanceError UnsupportedOperation = new(-9000, "Unsupported operation", 400,
        Provenance.Observed, "Seen on POST sub-account/universalTransfer (binance/binance-connector-java#33, HTTP 400; CCXT's comment CONFLICTS). Used for futures-to-futures (documented as unsupported), same account on both sides and neither side SPOT (assumed).");

    /// <summary>A clientTranId the master already used for a committed transfer.</summary>
    public static readonly BinanceError DuplicateClientTranId = new(-5010, "Asset transfer fail.", 400,
        Provenance.Assumed, "The docs say clientTranId 'Must be unique' but not what a reuse answers; the generic TRANSFER_FAIL is chosen so no client relies on an invented code. Nothing moves; look the id up with GET sub-account/universalTransfer?clientTranId=.");

    // --- Sub-account management ---

    /// <summary>The code value that marks an error answered in the legacy shape without a code.</summary>
    public const int LegacyNoCode = 0;

    /// <summary>A caller that is not a master account used a master-only sub-account endpoint.</summary>
    public static readonly BinanceError SubAccountFunctionDisabled = new(LegacyNoCode, "Sub-account function is not enabled.", 400,
        Provenance.Observed, "Legacy body {\"msg\":...,\"success\":false} seen for accounts without the sub-account function (ccxt/ccxt#7848, binance-connector-python#237); that a sub-account key gets it, and HTTP 400, are assumed.");

    /// <summary>A sub-account without margin asked for its margin account.</summary>
    public static readonly BinanceError MarginAccountMissing = new(-3003, "Margin account does not exist.", 400,
        Provenance.Assumed, "Code/text from the SAPI error list as remembered (MARGIN_ACCOUNT_NO_EXISTS), not in the reference; used for a sub-account without margin by choice.");

    /// <summary>A parameter holds characters outside its legal range; %s are the parameter and the range.</summary>
    public static readonly BinanceError IllegalParameter = new(-1100, "Illegal characters found in parameter '%s'; legal range is '%s'.", 400,
        Provenance.Assumed, "Text documented (ILLEGAL_CHARS); used for an ipAddress list that is not static IPv4/IPv6 addresses by choice.");

    /// <summary>A list parameter with more entries than allowed; %s are the parameter and the limit.</summary>
    public static readonly BinanceError UnexpectedValue = new(-1102, "'%s' contains unexpected value. Cannot be greater than %s.", 400,
        Provenance.Assumed, "Text documented for spot -1102; used for more than 10 move-position orderArgs by choice.");

    // --- Managed sub-accounts. Binance documents no error for these endpoints; each use below is assumed. ---

    /// <summary>A key of the wrong role on a managed-subaccount endpoint (e.g. a sub-account key on an investor endpoint).</summary>
    public static readonly BinanceError ManagedWrongRole = new(-2015, "Invalid API-key, IP, or permissions for action.", 401,
        Provenance.Assumed, "Code/text documented (REJECTED_MBX_KEY) and seen with HTTP 401; that Binance answers it when the key belongs to another role (investor master, trading-team master, managed sub-account) is assumed (#5).");

    /// <summary>An e-mail that is not a managed sub-account of the investor, or not bound to the caller's trading team.</summary>
    public static readonly BinanceError ManagedNoRelation = new(-5021, "This parent sub have no relation", 400,
        Provenance.Assumed, "Code/text documented (PARENT_SUB_HAVE_NO_RELATION); used for an e-mail that is not the caller's managed sub-account by choice (#5).");

    /// <summary>A snapshot window reaching back more than a month; %s is the parameter.</summary>
    public static readonly BinanceError ManagedSnapshotTooOld = new(-1102, "Mandatory parameter '%s' was not sent, was empty/null, or malformed.", 400,
        Provenance.Assumed, "The docs say accountSnapshot serves only the last month but not what an older startTime answers; -1102 naming startTime is chosen (#5).");

    /// <summary>A parameter name sent more than once within the query or within the body.</summary>
    public static readonly BinanceError DuplicateParameter = new(-1101, "Duplicate values for a parameter detected.", 400,
        Provenance.Documented, "Code and text from errors.md (TOO_MANY_PARAMETERS, third text); seen for a repeated query name (symbols=…&symbols=…). HTTP 400 as every 11xx; checking it before authentication is the simulator's choice. A name in both query and body is not a duplicate (documented: the query wins).");

    /// <summary>A universal or sub-account transfer names an isolated margin pair Binance does not list.</summary>
    public static readonly BinanceError NotValidMarginPair = new(-3028, "Not a valid margin pair.", 400,
        Provenance.Assumed, "Code/text observed with HTTP 400 on a margin order for an unlisted pair (ccxt/ccxt#8695) and named NOT_VALID_MARGIN_PAIR on the margin error-code page as remembered; that a transfer to or from an unlisted isolated pair answers it is the simulator's choice.");

    /// <summary>Another process serving the same state file held its lock past the bound; nothing executed.</summary>
    public static readonly BinanceError ServerBusy = new(-1004, "Server is busy, please wait and try again", 503,
        Provenance.Assumed, "Code/text documented (SERVER_BUSY on the wallet and margin error-code pages, which cover /sapi); HTTP 503 and its use when the simulator's state file stays locked by another process are the simulator's choice. A 5xx means 'status unknown' to a client, which then looks the move up: it did not execute.");

    /// <summary>A /fapi or /dapi read by an account whose futures wallet is not enabled.</summary>
    public static readonly BinanceError FuturesNotEnabled = new(-2015, "Invalid API-key, IP, or permissions for action.", 401,
        Provenance.Observed, "Code/text documented (REJECTED_MBX_KEY) and seen with HTTP 401 on GET /fapi/v2/account (ccxt/ccxt#7822); users report it for keys without futures enabled (ccxt/node-binance-api#629, #414). That an account whose futures are not enabled gets it is assumed.");

    /// <summary>Every entry, for docs and tests.</summary>
    public static IReadOnlyList<BinanceError> All { get; } =
    [
        TooManyRequests, OutsideRecvWindow, TimestampAhead, InvalidSignature, MandatoryParam, BadRecvWindow,
        IntervalTooLong, BadApiKeyFormat, RejectedKey, InsufficientBalance, TransferFailed, FutureAccountMissing,
        InvalidEmail, NoParentSubRelation, UnsupportedOperation, DuplicateClientTranId,
        SubAccountFunctionDisabled, MarginAccountMissing, IllegalParameter, UnexpectedValue,
        ManagedWrongRole, ManagedNoRelation, ManagedSnapshotTooOld, ServerBusy, NotValidMarginPair, DuplicateParameter, FuturesNotEnabled,
    ];
}
