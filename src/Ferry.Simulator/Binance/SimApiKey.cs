using Ferry.Simulator.Scenario;
using Ferry.Simulator.Signing;

namespace Ferry.Simulator.Binance;

/// <summary>A key the simulator accepts: its owner, permissions and how to verify its signatures.</summary>
internal sealed class SimApiKey
{
    public SimApiKey(ScenarioApiKey source)
    {
        Source = source;
        Permissions = PermissionNames.Combine(source.Permissions);
        Verifier = SignatureVerifiers.Create(source.Secret, source.Ed25519PublicKey, source.RsaPublicKey);
    }

    public ScenarioApiKey Source { get; }

    public string Owner => Source.Owner;

    public Permission Permissions { get; }

    public ISignatureVerifier Verifier { get; }

    public bool Has(Permission permission) => (Permissions & permission) == permission;
}
