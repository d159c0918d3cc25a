namespace Ferry.Server.Tests.Browser;

/// <summary>The browser tests share one Chromium and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
