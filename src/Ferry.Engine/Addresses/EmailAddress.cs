namespace Ferry.Engine.Addresses;

/// <summary>The email check Ferry applies before anything names an account by email.</summary>
public static class EmailAddress
{
    /// <summary>True for <c>local@domain.tld</c> with no spaces, slashes or second '@'.</summary>
    public static bool IsValid(string? email)
    {
        if (string.IsNullOrEmpty(email) || email.Length > 254) return false;
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@')) return false;
        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1
            && !email.Any(c => char.IsWhiteSpace(c) || c is '/' or ':' or ',' || char.IsControl(c));
    }
}
