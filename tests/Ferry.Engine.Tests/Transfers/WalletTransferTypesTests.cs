using Ferry.Engine.Transfers;

namespace Ferry.Tests;

public class WalletTransferTypesTests
{
    [Fact]
    public void Route_table_has_every_documented_type_once()
    {
        var types = WalletTransferTypes.All.Select(r => r.Type).ToList();
        Assert.Equal(Enum.GetValues<Ferry.Binance.Wallet.UniversalTransferType>().Order(), types.Order());
    }
}
