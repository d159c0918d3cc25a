using Ferry.Server.Api;
using Ferry.Server.Security;
using Microsoft.AspNetCore.Http;

namespace Ferry.Server.Dashboard;

/// <summary>
/// Who may open the dashboard, by the API's rules: with no token configured, loopback callers with a loopback Host
/// header only (as "loopback"); with tokens, the token a person gave on the login page, kept in an HttpOnly,
/// SameSite=Strict cookie, with the endpoint's scope. Stylesheet, script and login page need no token.
/// </summary>
internal static class PageAccess
{
    /// <summary>The cookie that carries a person's token.</summary>
    public const string CookieName = "ferry_token";

    /// <summary>True for the dashboard's paths (everything but the API and its OpenAPI document).</summary>
    public static bool IsPage(PathString path) => !path.StartsWithSegments("/api") && !path.StartsWithSegments("/openapi");

    public static async Task HandleAsync(HttpContext context, ApiTokenStore tokens, Func<Task> next)
    {
        var path = context.Request.Path;
        var open = path.StartsWithSegments("/assets") || path.StartsWithSegments("/login");
        if (!tokens.Any())
        {
            if (!ApiAccess.IsLoopback(context.Connection.RemoteIpAddress) || !ApiAccess.IsLoopbackHost(context.Request.Host.Host))
            {
                throw new ApiException(ApiException.StatusCodes.Forbidden, "forbidden", ApiException.Outcomes.NotSent,
                    "No API token is configured, so only this machine (loopback) may open the dashboard; nothing was done.");
            }
            context.Items[typeof(ApiCaller)] = ApiCaller.Loopback;
        }
        else
        {
            var caller = context.Request.Cookies.TryGetValue(CookieName, out var token) && token.Length > 0 ? tokens.Verify(token) : null;
            if (caller is null && !open)
            {
                if (HttpMethods.IsGet(context.Request.Method))
                {
                    context.Response.Redirect("/login");
                    return;
                }
                throw new ApiException(ApiException.StatusCodes.Unauthorized, "unauthorized", ApiException.Outcomes.NotSent,
                    "Log in with an API token first (the dashboard asks for one on /login); nothing was done.");
            }
            if (caller is not null) context.Items[typeof(ApiCaller)] = caller;
        }
        var needed = context.GetEndpoint()?.Metadata.GetMetadata<RequiredScope>()?.Scope ?? ApiScope.Read;
        if (context.Items[typeof(ApiCaller)] is ApiCaller known && known.Scope < needed)
        {
            throw new ApiException(ApiException.StatusCodes.Forbidden, "forbidden", ApiException.Outcomes.NotSent,
                $"Token '{known.Name}' has the {ApiScopes.Name(known.Scope)} scope, but this needs {ApiScopes.Name(needed)}; nothing was done.");
        }
        await next().ConfigureAwait(false);
    }
}
