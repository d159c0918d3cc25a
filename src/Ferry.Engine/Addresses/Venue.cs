namespace Ferry.Engine.Addresses;

/// <summary>An exchange Ferry can move money on.</summary>
public enum Venue
{
    Binance,
    Htx,
}
