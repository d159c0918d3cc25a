using Ferry.Server.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Ferry.Server.Dashboard.Html;

namespace Ferry.Server.Dashboard;

/// <summary>
/// With API tokens configured, a person logs in with one: it is kept in a cookie scripts cannot read (HttpOnly) and no
/// other site's request carries (SameSite=Strict), and each page then has that token's scope. Logging out drops it.
/// </summary>
internal static class LoginPage
{
    public static void Map(IEndpointRouteBuilder app, ApiTokenStore tokens)
    {
        app.MapGet("/login", (HttpContext context) => Page("Log in", "", Form(FormGuard.Token(context), null))).ExcludeFromDescription();
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await FormGuard.ReadAsync(context).ConfigureAwait(false);
            var token = form["token"].ToString().Trim();
            if (token.Length == 0 || tokens.Verify(token) is null)
                return Page("Log in", "", Form(FormGuard.Token(context), Notice("bad", "That is not an API token configured here; nothing was done.")), StatusCodes.Status401Unauthorized);
            context.Response.Cookies.Append(PageAccess.CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                IsEssential = true,
            });
            return Results.Redirect("/");
        }).ExcludeFromDescription();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await FormGuard.ReadAsync(context).ConfigureAwait(false);
            context.Response.Cookies.Delete(PageAccess.CookieName, new CookieOptions { Path = "/" });
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
    }

    private static string Form(string csrf, string? notice) =>
        $"""
        {notice}<form method="post" action="/login" class="stack" id="login">{Csrf(csrf)}
        <label>API token (ferry serve token add NAME --scope read|plan|execute) <input type="password" name="token" autocomplete="off" required></label>
        <button type="submit">Log in</button></form>
        """;
}
