using Ferry.Engine.Accounts;
using Ferry.Engine.Journal;
using Ferry.Engine.Plans;
using Ferry.Engine.Service;
using Ferry.Engine.Transfers;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ferry.Server.Api;

/// <summary>
/// Where every request leaves the API: an exception becomes one <c>application/problem+json</c> answer with one sentence,
/// Ferry's error kind and the outcome for the money — never a stack trace — and the answer is logged with who asked.
/// </summary>
internal static partial class ApiErrors
{
    public static async Task HandleAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next().ConfigureAwait(false);
        }
        catch (Exception e) when (!context.Response.HasStarted && !(e is OperationCanceledException && context.RequestAborted.IsCancellationRequested))
        {
            var problem = Map(e);
            if (problem.Kind == "internal") Log.Internal(logger, context.Request.Method, context.Request.Path, e.GetType().Name);
            if (Dashboard.PageAccess.IsPage(context.Request.Path)) await Dashboard.DashboardErrors.WriteAsync(context, problem, Sentence(problem.Message)).ConfigureAwait(false);
            else await WriteAsync(context, problem).ConfigureAwait(false);
        }
        Log.Answered(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode,
            (context.Items[typeof(ApiCaller)] as ApiCaller)?.Name ?? "-");
    }

    /// <summary>Writes <paramref name="e"/> as a problem.</summary>
    public static Task WriteAsync(HttpContext context, ApiException e)
    {
        var problem = new ApiProblem($"urn:ferry:problem:{e.Kind}", Title(e.Status), e.Status, Sentence(e.Message), e.Kind, e.Outcome, e.PlanId, e.Run);
        context.Response.StatusCode = e.Status;
        if (e.Status == ApiException.StatusCodes.Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(problem, ServerJsonContext.Default.ApiProblem, "application/problem+json", context.RequestAborted);
    }

    /// <summary>What an exception means for the caller and the money.</summary>
    public static ApiException Map(Exception e) => e switch
    {
        ApiException api => api,
        PlanUnavailableException plan => plan.Refusal.Kind switch
        {
            PlanRefusalKind.Replayed => new ApiException(ApiException.StatusCodes.Conflict, plan.Kind, ApiException.Outcomes.NotSent, plan.Message) { PlanId = plan.Refusal.PlanId },
            PlanRefusalKind.Expired => new ApiException(ApiException.StatusCodes.Gone, plan.Kind, ApiException.Outcomes.NotSent, plan.Message) { PlanId = plan.Refusal.PlanId },
            _ => new ApiException(ApiException.StatusCodes.NotFound, "not-found", ApiException.Outcomes.NotSent, plan.Message) { PlanId = plan.Refusal.PlanId },
        },
        TransferPlanningException or FormatException => ApiException.BadInput(e.Message),
        ClaimHeldException or RoutePositionTakenException => new ApiException(ApiException.StatusCodes.Conflict, "in-use", ApiException.Outcomes.NotSent, e.Message),
        ClaimLostException => new ApiException(ApiException.StatusCodes.BadGateway, "unknown", ApiException.Outcomes.Unknown, e.Message),
        TransferRefusedException or AccountConfigException or JournalCorruptException or JournalUnavailableException => ApiException.Refused(e.Message),
        // The transfer policy's refusal (it names the rule) and a policy file the server cannot use: the server's own
        // configuration refuses, nothing was sent.
        Ferry.Engine.Policy.PolicyRefusedException or Ferry.Engine.Policy.PolicyFileException => ApiException.Refused(e.Message),
        ApiTokenException => ApiException.Refused(e.Message),
        BadHttpRequestException bad => ApiException.BadInput($"The request cannot be read ({bad.Message.TrimEnd('.')})."),
        _ => new ApiException(500, "internal", ApiException.Outcomes.Unknown,
            $"Unexpected internal error ({e.GetType().Name}); if this was an execute, check the journal before trying again."),
    };

    private static string Title(int status) => status switch
    {
        400 => "Bad input",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        410 => "Gone",
        415 => "Unsupported media type",
        422 => "Refused",
        428 => "Confirmation required",
        502 => "Outcome unknown",
        _ => "Internal error",
    };

    private static string Sentence(string message)
    {
        var trimmed = message.Trim();
        return trimmed.Length == 0 ? "The request failed without a message." : trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "api {Method} {Path} -> {Status} (caller {Caller})")]
        public static partial void Answered(ILogger logger, string method, string path, int status, string caller);

        [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "api {Method} {Path}: unexpected {ExceptionType}")]
        public static partial void Internal(ILogger logger, string method, string path, string exceptionType);
    }
}
