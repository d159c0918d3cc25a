using Ferry.Server.Api;
using Microsoft.AspNetCore.Http;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>A refusal on a dashboard page: the same status and one sentence as the API's problem, as a page.</summary>
internal static class DashboardErrors
{
    public static Task WriteAsync(HttpContext context, ApiException problem, string sentence)
    {
        var body = Notice("bad", sentence) + $"<p class=\"muted\">{E(problem.Kind)} · the money: {E(problem.Outcome)}</p><p><a href=\"/\">Balances</a> · <a href=\"/journal\">Journal</a></p>";
        return Page(problem.Status == StatusCodes.Status428PreconditionRequired ? "Confirmation required" : "Not done", "", body, problem.Status).ExecuteAsync(context);
    }
}
