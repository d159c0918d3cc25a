using Microsoft.Extensions.Options;

namespace Ferry.Extensions.DependencyInjection;

/// <summary>Runs a client options type's own <c>Validate()</c> when the host starts, so a bad base address, a key
/// host that is not the exchange's or a recvWindow out of range stops the host with that sentence, not the first request.</summary>
internal sealed class ClientOptionsValidation<TOptions>(Action<TOptions> validate) : IValidateOptions<TOptions> where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        try
        {
            validate(options);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
