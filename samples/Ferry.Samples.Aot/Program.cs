using System.Net;
using Ferry.Binance;
using Ferry.Binance.Models;
using Ferry.Binance.Wallet;
using Ferry.Core.Credentials;
using Ferry.Core.Outcomes;
using Ferry.Htx;
using Ferry.Htx.Transfers;
using Ferry.Samples.Aot;

// Both clients sign a transfer (Binance HMAC in the form body, HTX Signature V2 in the query) and read the typed answer;
// the loopback server checks each signature with its own code. Exit 0 only when both moves are Done.
await using var server = SigningCheckServer.Start(IPAddress.Loopback);
var binanceKey = new ApiCredentials(SigningCheckServer.BinanceKey, new SecretText(SigningCheckServer.BinanceSecret), SigningKind.Hmac);
using var binance = new BinanceClient(binanceKey, new BinanceClientOptions { BaseAddress = server.Address });
var moved = await binance.Wallet.UniversalTransferAsync(new UniversalTransferRequest(UniversalTransferType.MainUmFuture, "USDT", 10.5m));

var htxKey = new ApiCredentials(SigningCheckServer.HtxKey, new SecretText(SigningCheckServer.HtxSecret), SigningKind.Hmac);
using var htx = new HtxClient(htxKey, new HtxClientOptions { SpotBaseAddress = server.Address, SwapBaseAddress = server.Address });
var swapped = await htx.Transfers.TransferAsync(SpotSwapTransferRequest.ToSwap("usdt", 3m, "USDT"));

Console.WriteLine(moved is Done<UniversalTransferResult> b ? $"binance: done, tranId {b.Value.TranId}" : $"binance: {moved.Describe()}");
Console.WriteLine(swapped is Done<SpotSwapTransferResult> h ? $"htx: done, transfer id {h.Value.TransferId}" : $"htx: {swapped.Describe()}");
return moved.IsDone && swapped.IsDone ? 0 : 1;
