namespace Ferry.Samples.Aot;

/// <summary>The test-only PEM keys embedded from tests/Ferry.Binance.Tests/TestData (never used anywhere else).</summary>
public static class TestKeys
{
    public static string Read(string name)
    {
        using var stream = typeof(TestKeys).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The test key {name} is not embedded in the smoke app.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
