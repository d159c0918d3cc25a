using System.Net;
using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Htx;
using Ferry.Htx.Transfers;
using Ferry.Samples.Aot;

// The Binance client signs a transfer with each kind of key (HMAC hex, Ed25519 through libsodium, RSA; in the form body),
// the HTX client one with Signature V2 (in the query); the loopback server checks each signature with its own code and the
// public keys. Exit 0 only when all four moves are Done.
await using var server = SigningCheckServer.Start(IPAddress.Loopback);
var moves = new List<(string Name, Outcome<UniversalTransferResult> Outcome)>
{
    ("hmac", await BinanceTransferAsync(new ApiCredentials(SigningCheckServer.BinanceHmacKey, new SecretText(SigningCheckServer.BinanceHmacSecret), SigningKind.Hmac))),
    ("ed25519", await BinanceTransferAsync(new ApiCredentials(SigningCheckServer.BinanceEd25519Key, new SecretText(TestKeys.Read("test-only-ed25519-private.pem")), SigningKind.Ed25519))),
    ("rsa", await BinanceTransferAsync(new ApiCredentials(SigningCheckServer.BinanceRsaKey, new SecretText(TestKeys.Read("test-only-rsa-private.pem")), SigningKind.Rsa))),
};

var htxKey = new ApiCredentials(SigningCheckServer.HtxKey, new SecretText(SigningCheckServer.HtxSecret), SigningKind.Hmac);
using var htx = new HtxClient(htxKey, new HtxClientOptions { SpotBaseAddress = server.Address, SwapBaseAddress = server.Address });
var swapped = await htx.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("usdt", 3m, "USDT"));

foreach (var (name, moved) in moves)
{
    Console.WriteLine(moved is Done<UniversalTransferResult> b ? $"binance {name}: done, tranId {b.Value.TranId}" : $"binance {name}: {moved.Describe()}");
}

Console.WriteLine(swapped is Done<SpotSwapTransferResult> h ? $"htx: done, transfer id {h.Value.TransferId}" : $"htx: {swapped.Describe()}");
return moves.All(m => m.Outcome.IsDone) && swapped.IsDone ? 0 : 1;

async Task<Outcome<UniversalTransferResult>> BinanceTransferAsync(ApiCredentials key)
{
    using var binance = new BinanceClient(key, new BinanceClientOptions { BaseAddress = server.Address });
    return await binance.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 10.5m));
}
