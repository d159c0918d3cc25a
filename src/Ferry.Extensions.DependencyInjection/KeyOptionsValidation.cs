using Microsoft.Extensions.Options;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>Checks the named key options when the host starts: one sentence naming the missing or wrong field.</summary>
internal sealed class KeyOptionsValidation(string name, string venue) : IValidateOptions<FerryKeyOptions>
{
    public ValidateOptionsResult Validate(string? optionsName, FerryKeyOptions options) =>
        optionsName != name ? ValidateOptionsResult.Skip
        : options.Problem(venue) is { } problem ? ValidateOptionsResult.Fail(problem)
        : ValidateOptionsResult.Success;
}
