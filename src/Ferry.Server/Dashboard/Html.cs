using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;

namespace Ferry.Server.Dashboard;

/// <summary>The dashboard's page frame and encoding: every value that reaches a page goes through <see cref="E"/>.</summary>
internal static class Html
{
    private static readonly (string Path, string Name)[] Menu =
        [("/", "Balances"), ("/journal", "Journal"), ("/plan", "Move"), ("/sweep", "Sweep / rebalance"), ("/flows", "Flows"), ("/approvals", "Approvals")];

    /// <summary>HTML-encodes text for an element or a quoted attribute.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <summary>A whole page: the menu, the title, the body; <paramref name="refresh"/> reloads it every 2 seconds
    /// only when scripts are off (the run page's progress without JavaScript).</summary>
    public static IResult Page(string title, string active, string body, int status = StatusCodes.Status200OK, bool refresh = false)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append(" · Ferry</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<link rel=\"stylesheet\" href=\"/assets/dashboard.css\"><script src=\"/assets/dashboard.js\" defer></script>");
        if (refresh) html.Append("<noscript><meta http-equiv=\"refresh\" content=\"2\"></noscript>");
        html.Append("</head><body><header><a class=\"brand\" href=\"/\">Ferry</a><nav>");
        foreach (var (path, name) in Menu)
            html.Append("<a href=\"").Append(path).Append('"').Append(path == active ? " class=\"active\"" : "").Append('>').Append(E(name)).Append("</a>");
        html.Append("</nav></header><main><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A hidden field carrying the anti-forgery token every state-changing form needs.</summary>
    public static string Csrf(string token) => $"<input type=\"hidden\" name=\"{FormGuard.FieldName}\" value=\"{E(token)}\">";

    /// <summary>A notice above a page's content: ok (green), warn (amber) or bad (red).</summary>
    public static string Notice(string kind, string text) => $"<p class=\"notice {kind}\" role=\"status\">{E(text)}</p>";

    /// <summary>A label and text input.</summary>
    public static string Field(string name, string label, string? value = null, string? placeholder = null, bool required = true) =>
        $"<label>{E(label)} <input name=\"{name}\" value=\"{E(value)}\"{(placeholder is null ? "" : $" placeholder=\"{E(placeholder)}\"")}{(required ? " required" : "")}></label>";
}
