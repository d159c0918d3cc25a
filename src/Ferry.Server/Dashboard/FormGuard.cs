using Ferry.Server.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ferry.Server.Dashboard;

/// <summary>
/// Cross-site request forgery protection for every state-changing form: the request must come from this origin
/// (<c>Origin</c> and <c>Sec-Fetch-Site</c>, when the browser sends them) and carry the anti-forgery token that matches
/// its anti-forgery cookie (ASP.NET Core antiforgery). A refused form is 403 and nothing is read, planned or sent.
/// </summary>
internal static class FormGuard
{
    /// <summary>The hidden form field holding the token.</summary>
    public const string FieldName = "__RequestVerificationToken";

    /// <summary>A token for a form on the page being rendered (sets the anti-forgery cookie when needed).</summary>
    public static string Token(HttpContext context) =>
        context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken
        ?? throw new InvalidOperationException("Antiforgery produced no request token.");

    /// <summary>Reads the form of a request that passed the checks; throws a 403 problem otherwise.</summary>
    public static async Task<IFormCollection> ReadAsync(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
            throw Refused($"The form was sent from another site ({origin})");
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            throw Refused($"The form was sent from another site (Sec-Fetch-Site: {site})");
        if (!request.HasFormContentType) throw Refused("The request is not a form of this dashboard");
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException)
        {
            throw Refused("The form did not carry this dashboard's anti-forgery token (reload the page and send it again)");
        }
        return await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static ApiException Refused(string why) =>
        new(ApiException.StatusCodes.Forbidden, "forbidden", ApiException.Outcomes.NotSent, why + "; nothing was done");
}
