namespace Ferry.Simulator.Signing;

/// <summary>Checks a request signature over the signed payload bytes. The signature is passed as it was on the wire.</summary>
internal interface ISignatureVerifier
{
    bool Verify(byte[] payload, string wireSignature);
}
