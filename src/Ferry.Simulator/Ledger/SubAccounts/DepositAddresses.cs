using System.Security.Cryptography;
using System.Text;

namespace Ferry.Simulator.Ledger.SubAccounts;

/// <summary>
/// Deterministic, obviously fake deposit addresses: the same (e-mail, coin, network) always gives the same address, shaped
/// like the network's own (0x + 40 hex for EVM networks, bc1q… for BTC, T… for TRX). They are not valid on any chain.
/// </summary>
public static class DepositAddresses
{
    private const string Bech32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private const string Base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>The network used when none is given: BTC→BTC, ETH→ETH, BNB→BSC, TRX→TRX, anything else→ETH (assumed).</summary>
    public static string DefaultNetwork(string coin) => coin switch
    {
        "BTC" => "BTC",
        "BNB" => "BSC",
        "TRX" => "TRX",
        _ => "ETH",
    };

    /// <summary>The address of <paramref name="email"/> for <paramref name="coin"/> on <paramref name="network"/>.</summary>
    public static DepositAddress For(string email, string coin, string network)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{email.ToLowerInvariant()}|{coin}|{network}"));
        string address, url;
        switch (network)
        {
            case "BTC":
                address = "bc1q" + Encode(hash, Bech32, 38);
                url = $"https://mempool.space/address/{address}";
                break;
            case "TRX":
                address = "T" + Encode(hash, Base58, 33);
                url = $"https://tronscan.org/#/address/{address}";
                break;
            default:
                address = "0x" + Convert.ToHexStringLower(hash.AsSpan(0, 20));
                url = network switch
                {
                    "ETH" => $"https://etherscan.io/address/{address}",
                    "BSC" => $"https://bscscan.com/address/{address}",
                    _ => "",
                };
                break;
        }
        return new DepositAddress(address, coin, network, "", url);
    }

    private static string Encode(byte[] hash, string alphabet, int length)
    {
        var more = SHA256.HashData(hash);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++) text.Append(alphabet[(i < 32 ? hash[i] : more[i - 32]) % alphabet.Length]);
        return text.ToString();
    }
}
