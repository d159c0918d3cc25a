namespace Ferry.Server.Api;

/// <summary>A request the API answers with a problem: its HTTP status, Ferry's error kind, the outcome for the money, one sentence.</summary>
public sealed class ApiException(int status, string kind, string outcome, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Kind { get; } = kind;
    public string Outcome { get; } = outcome;

    /// <summary>The plan the problem is about, when there is one.</summary>
    public string? PlanId { get; init; }

    /// <summary>What an execute did, when it ran and did not end done.</summary>
    public ExecutionResponse? Run { get; init; }

    /// <summary>Bad input (400): nothing was sent.</summary>
    public static ApiException BadInput(string message) => new(StatusCodes.BadRequest, "bad-input", Outcomes.NotSent, message);

    /// <summary>Refused here for another reason (422): configuration, balance, testnet; nothing was sent.</summary>
    public static ApiException Refused(string message) => new(StatusCodes.Unprocessable, "refused", Outcomes.NotSent, message);

    /// <summary>What the problem's <c>outcome</c> field says.</summary>
    public static class Outcomes
    {
        public const string NotSent = "not-sent";
        public const string Rejected = "rejected";
        public const string Done = "done";
        public const string Unknown = "unknown";
    }

    /// <summary>The statuses the API answers problems with.</summary>
    public static class StatusCodes
    {
        public const int BadRequest = 400;
        public const int Unauthorized = 401;
        public const int Forbidden = 403;
        public const int NotFound = 404;
        public const int Conflict = 409;
        public const int Gone = 410;
        public const int UnsupportedMediaType = 415;
        public const int Unprocessable = 422;
        public const int PreconditionRequired = 428;
        public const int BadGateway = 502;
    }
}
