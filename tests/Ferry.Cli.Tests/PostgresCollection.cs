using Ferry.Testing.Postgres;

namespace Ferry.Cli.Tests;

/// <summary>The test classes that share this assembly's one PostgreSQL server (started once, stopped after the last).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
