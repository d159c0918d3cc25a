namespace Ferry.Engine.Addresses;

/// <summary>How people read a venue's name: as the venue writes it ("Binance", "HTX"), not as the enum spells it.</summary>
public static class VenueNames
{
    /// <summary>"Binance" or "HTX".</summary>
    public static string Display(this Venue venue) => venue switch
    {
        Venue.Htx => "HTX",
        _ => venue.ToString(),
    };
}
