using System.Net;
using Ferry.Server.Api;
using Microsoft.AspNetCore.Http;

namespace Ferry.Server.Security;

/// <summary>
/// Who may call, decided before any endpoint runs (nothing is read, planned or sent for a refused request):
/// <list type="bullet">
/// <item>With tokens configured, every request carries one (<c>Authorization: Bearer ferry_…</c>; a GET may instead carry
/// the dashboard's login cookie); missing or unknown is 401, a token whose scope is too small for the endpoint is 403.</item>
/// <item>With no token configured, only loopback may call, and only with a loopback Host header (so a web page cannot
/// reach it through DNS rebinding); every scope is granted to "loopback".</item>
/// <item>A request with a body must say it is JSON: a browser form or a <c>text/plain</c> POST from another site, which a
/// browser sends without asking, is refused (415) before it is read.</item>
/// </list>
/// </summary>
internal static class ApiAccess
{
    public static async Task HandleAsync(HttpContext context, ApiTokenStore tokens, Func<Task> next)
    {
        var caller = Authenticate(context, tokens);
        var needed = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScope.Read;
        if (caller.Scope < needed)
        {
            throw new ApiException(ApiException.StatusCodes.Forbidden, "forbidden", ApiException.Outcomes.NotSent,
                $"Token '{caller.Name}' has the {ApiScopes.Name(caller.Scope)} scope, but this needs {ApiScopes.Name(needed)}; nothing was done.");
        }
        var hasBody = context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0;
        if (HttpMethods.IsPost(context.Request.Method) && hasBody
            && !(context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            throw new ApiException(ApiException.StatusCodes.UnsupportedMediaType, "bad-input", ApiException.Outcomes.NotSent,
                "The request body must be JSON (Content-Type: application/json); nothing was done.");
        }
        context.Items[typeof(ApiCaller)] = caller;
        await next().ConfigureAwait(false);
    }

    /// <summary>The caller a request's token names; the loopback caller when no token is configured.</summary>
    public static ApiCaller Caller(HttpContext context) =>
        context.Items[typeof(ApiCaller)] as ApiCaller ?? throw new InvalidOperationException("The request was not authenticated.");

    private static ApiCaller Authenticate(HttpContext context, ApiTokenStore tokens)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!tokens.Any())
        {
            if (!IsLoopback(context.Connection.RemoteIpAddress) || !IsLoopbackHost(context.Request.Host.Host))
            {
                throw new ApiException(ApiException.StatusCodes.Forbidden, "forbidden", ApiException.Outcomes.NotSent,
                    "No API token is configured, so only loopback may call (add one with 'ferry serve token add NAME --scope read|plan|execute'); nothing was done.");
            }
            if (header.Length > 0)
            {
                throw new ApiException(ApiException.StatusCodes.Unauthorized, "unauthorized", ApiException.Outcomes.NotSent,
                    "The request carries a token, but no API token is configured here; nothing was done.");
            }
            return ApiCaller.Loopback;
        }
        if (header.Length == 0)
        {
            // The dashboard's own reads (its event stream: a browser's EventSource cannot send a header) carry the login
            // cookie instead; only for GET, which changes nothing, and the cookie is SameSite=Strict.
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Cookies.TryGetValue(Dashboard.PageAccess.CookieName, out var cookie)
                && cookie.Length > 0 && tokens.Verify(cookie) is { } person)
            {
                return person;
            }
            throw new ApiException(ApiException.StatusCodes.Unauthorized, "unauthorized", ApiException.Outcomes.NotSent,
                "This server needs an API token: send 'Authorization: Bearer TOKEN'; nothing was done.");
        }
        const string scheme = "Bearer ";
        var token = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : "";
        return (token.Length > 0 ? tokens.Verify(token) : null)
            ?? throw new ApiException(ApiException.StatusCodes.Unauthorized, "unauthorized", ApiException.Outcomes.NotSent,
                "The API token is not one configured here (it may have been removed); nothing was done.");
    }

    internal static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    internal static bool IsLoopbackHost(string host) =>
        host is "localhost" or "[::1]" or "::1" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
