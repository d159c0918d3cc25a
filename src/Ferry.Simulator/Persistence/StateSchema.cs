namespace Ferry.Simulator.Persistence;

/// <summary>Format 2 of the state file (format 1 lacks <c>htx_section</c>, which holds the scenario's htx section as JSON). Amounts are invariant decimal text (never REAL); a symbol is '' when absent.</summary>
internal static class StateSchema
{
    public const string CreateSql = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE users(email TEXT PRIMARY KEY, is_master INTEGER NOT NULL, futures INTEGER NOT NULL,
                           margin INTEGER NOT NULL, options INTEGER NOT NULL);
        CREATE TABLE api_keys(api_key TEXT PRIMARY KEY, owner TEXT NOT NULL, secret TEXT, ed25519_pem TEXT, rsa_pem TEXT,
                              permissions TEXT NOT NULL);
        CREATE TABLE seed_balances(owner TEXT NOT NULL, wallet TEXT NOT NULL, symbol TEXT NOT NULL, asset TEXT NOT NULL,
                                   amount TEXT NOT NULL, PRIMARY KEY(owner, wallet, symbol, asset));
        CREATE TABLE balances(owner TEXT NOT NULL, wallet TEXT NOT NULL, symbol TEXT NOT NULL, asset TEXT NOT NULL,
                              amount TEXT NOT NULL, PRIMARY KEY(owner, wallet, symbol, asset));
        CREATE TABLE moves(id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, channel TEXT NOT NULL, type TEXT NOT NULL,
                           initiator TEXT NOT NULL, from_owner TEXT NOT NULL, from_wallet TEXT NOT NULL, from_symbol TEXT NOT NULL,
                           to_owner TEXT NOT NULL, to_wallet TEXT NOT NULL, to_symbol TEXT NOT NULL, asset TEXT NOT NULL,
                           amount TEXT NOT NULL, status TEXT NOT NULL, client_id TEXT);
        CREATE TABLE htx_section(json TEXT NOT NULL);
        """;
}
