using Ferry.Core.Addresses;

namespace Ferry.Engine.Addresses;

/// <summary>The email check Ferry applies before anything names an account by email: Core's <see cref="EmailRule"/>.</summary>
public static class EmailAddress
{
    /// <summary>True for <c>local@domain.tld</c> as <see cref="EmailRule.IsValid"/> defines it.</summary>
    public static bool IsValid(string? email) => EmailRule.IsValid(email);
}
