using System.CommandLine;
using Ferry.Engine.Accounts;
using Ferry.Engine.Addresses;
using Ferry.Cli.Output;
using Ferry.Cli.Output.Json;
using Ferry.Cli.Sessions;
using Ferry.Core.Credentials;
using Ferry.Core.Files;

namespace Ferry.Cli.Commands;

/// <summary>
/// <c>ferry accounts add | list | show | remove | import</c>: named accounts under FERRY_HOME. Secrets go only
/// to owner-only key files; every display masks them (API key first 5 + last 4, secret *** + last 5), and
/// <c>list</c> shows names and environments only.
/// </summary>
internal static class AccountsCommand
{
    public static Command Create(CliEnvironment env) => new("accounts", "Configured exchange accounts: add, list, show, remove, import from TOOLS.md.")
    {
        Add(env), List(env), Show(env), Remove(env), Import(env),
    };

    private static Command Add(CliEnvironment env)
    {
        var name = new Argument<string?>("name") { Description = "The account's name (letters, digits, '-', '_'); asked for when omitted in a terminal.", Arity = ArgumentArity.ZeroOrOne };
        var environment = new Option<string?>("--environment") { Description = "mainnet, testnet or sim; asked for when omitted in a terminal." };
        var signing = new Option<string?>("--signing") { Description = "hmac (the default), rsa or ed25519; asked for when omitted in a terminal." };
        var venue = new Option<string?>("--venue") { Description = "binance (default) or htx." };
        var email = new Option<string?>("--email") { Description = "The account's own email, so addresses like me@example.com/spot mean it." };
        var description = new Option<string?>("--description") { Description = "A note shown by 'ferry accounts show'." };
        var baseAddress = new Option<string?>("--base-address") { Description = "Required for sim (a loopback address); otherwise the venue's official host." };
        var keyFile = new Option<string?>("--key-file") { Description = "An owner-only file: API key on line one, the HMAC secret or the PEM key's path on line two." };
        var privateKeyFile = new Option<string?>("--private-key-file") { Description = "An owner-only PEM private key (rsa, ed25519); the API key is asked for or read from FERRY_<NAME>_API_KEY." };
        var fromEnv = new Option<bool>("--from-env") { Description = "Read the key from FERRY_<NAME>_API_KEY and FERRY_<NAME>_API_SECRET." };
        var subAccounts = new Option<string[]>("--sub-accounts") { Description = "A master's sub-account e-mails (its 'subAccounts'), so routes and sweeps know them.", AllowMultipleArgumentsPerToken = true };
        var masterEmail = new Option<string?>("--master-email") { Description = "For a sub-account's key: its master's e-mail ('masterEmail'); needs --email." };
        var json = CommonOptions.Json();
        var command = new Command("add", "Add an account; its key is stored in owner-only files under FERRY_HOME/keys, never in accounts.json.")
        {
            name, environment, signing, venue, email, description, baseAddress, keyFile, privateKeyFile, fromEnv, subAccounts, masterEmail, json,
        };
        command.SetAction(parse => RunAdd(env, new AccountAddOptions
        {
            Name = parse.GetValue(name), Environment = parse.GetValue(environment), Signing = parse.GetValue(signing), Venue = parse.GetValue(venue),
            Email = parse.GetValue(email), Description = parse.GetValue(description), BaseAddress = parse.GetValue(baseAddress),
            KeyFile = parse.GetValue(keyFile), PrivateKeyFile = parse.GetValue(privateKeyFile), FromEnv = parse.GetValue(fromEnv),
            SubAccounts = parse.GetValue(subAccounts), MasterEmail = parse.GetValue(masterEmail), Json = parse.GetValue(json),
        }));
        return command;
    }

    private static int RunAdd(CliEnvironment env, AccountAddOptions options)
    {
        var printer = new Printer(env, options.Json);
        var (name, environmentText, signingText, venueText) = (options.Name, options.Environment, options.Signing, options.Venue);
        var (email, baseAddress, keyFile, privateKeyFile) = (options.Email, options.BaseAddress, options.KeyFile, options.PrivateKeyFile);
        foreach (var sub in options.SubAccounts ?? [])
        {
            if (!EmailAddress.IsValid(sub)) throw CliException.BadInput($"--sub-accounts '{sub}' is not an email address; write it as name@domain.tld.");
        }
        if (options.MasterEmail is not null && !EmailAddress.IsValid(options.MasterEmail))
            throw CliException.BadInput($"--master-email '{options.MasterEmail}' is not an email address; write it as name@domain.tld.");
        var sources = (keyFile is null ? 0 : 1) + (privateKeyFile is null ? 0 : 1) + (options.FromEnv ? 1 : 0);
        if (sources > 1) throw CliException.BadInput("Give the key one way: --key-file, --private-key-file or --from-env.");
        var venue = Venue.Binance;
        if (venueText is not null && !AccountFields.TryParseVenue(venueText, out venue))
            throw CliException.BadInput($"--venue '{venueText}' is not a venue; use binance or htx.");
        if (email is not null && !EmailAddress.IsValid(email))
            throw CliException.BadInput($"'{email}' is not an email address; write it as name@domain.tld.");

        // The source documents' agent asks for name, environment and signing mode; so does Ferry, in a terminal.
        name ??= Ask(env, "Account name", "NAME");
        if (!AccountFields.IsValidName(name))
            throw CliException.BadInput($"'{name}' is not an account name; use letters, digits, '-' or '_' (at most 40).");
        environmentText ??= Ask(env, "Environment (mainnet, testnet, sim)", "--environment");
        if (!AccountFields.TryParseEnvironment(environmentText, out var environment))
            throw CliException.BadInput($"'{environmentText}' is not an environment; use mainnet, testnet or sim.");
        if (environment == AccountEnvironment.Sim && baseAddress is null && env.IsInteractive)
            baseAddress = Ask(env, "Simulator address (e.g. http://127.0.0.1:8765)", "--base-address");
        // HMAC unless said otherwise, as in accounts.json; a terminal is asked, with hmac as the answer to just Enter.
        signingText ??= privateKeyFile is not null ? null : env.IsInteractive ? AskOr(env, "Signing mode (hmac, rsa, ed25519)", "hmac") : "hmac";
        if (signingText is null) throw CliException.BadInput("A --private-key-file needs --signing rsa or --signing ed25519.");
        if (!AccountFields.TryParseSigning(signingText, out var signing))
            throw CliException.BadInput($"'{signingText}' is not a signing mode; use hmac, rsa or ed25519.");
        if (privateKeyFile is not null && signing == SigningKind.Hmac)
            throw CliException.BadInput("A --private-key-file is for rsa or ed25519 signing; an HMAC secret goes in a --key-file or is typed in.");

        var catalog = new AccountCatalog(FerryHome.FromEnvironment(env.GetEnvironmentVariable));
        if (catalog.Contains(name))
            throw CliException.BadInput($"An account named '{name}' already exists; remove it first with 'ferry accounts remove {name}'.");

        var (apiKey, secret) = ReadKey(env, name, signing, keyFile, privateKeyFile, options.FromEnv);
        var account = new NewAccount(name, venue, environment, signing, apiKey, secret, baseAddress, email, options.Description,
            options.SubAccounts is { Length: > 0 } ? options.SubAccounts : null, options.MasterEmail);
        env.Log.Protect(new ApiCredentials(apiKey, secret, signing));
        var stored = catalog.Add([account]);
        env.Log.Info($"added account '{name}' ({environment}), key {Masking.ApiKey(apiKey)}");
        printer.Document(new AccountsAddedDocument([.. stored.Select(StoredAccountDocument.From)]), CliJsonContext.Default.AccountsAddedDocument);
        Report(printer, stored, "Added");
        return ExitCodes.Ok;
    }

    private static (string ApiKey, SecretText Secret) ReadKey(CliEnvironment env, string name, SigningKind signing,
        string? keyFile, string? privateKeyFile, bool fromEnv)
    {
        var prefix = AccountStore.EnvironmentVariablePrefix(name);
        string? apiKey;
        string? secret;
        if (keyFile is not null)
        {
            (apiKey, secret) = KeyFiles.ReadKeyFile(name, keyFile, signing);
        }
        else if (privateKeyFile is not null)
        {
            secret = KeyFiles.ReadOwnerOnly(name, privateKeyFile, "its private key file");
            apiKey = env.GetEnvironmentVariable(prefix + "_API_KEY") ?? AskSecret(env, "API key", $"{prefix}_API_KEY");
        }
        else if (fromEnv)
        {
            apiKey = env.GetEnvironmentVariable(prefix + "_API_KEY");
            secret = env.GetEnvironmentVariable(prefix + "_API_SECRET");
            if (string.IsNullOrWhiteSpace(apiKey) || string.IsNullOrWhiteSpace(secret))
                throw CliException.BadInput($"--from-env needs both {prefix}_API_KEY and {prefix}_API_SECRET to be set.");
        }
        else
        {
            if (!env.IsInteractive)
                throw CliException.BadInput("No key given and nobody can type one here; use --key-file, --private-key-file or --from-env.");
            apiKey = AskSecret(env, "API key", "--key-file");
            secret = signing == SigningKind.Hmac
                ? AskSecret(env, "Secret", "--key-file")
                : KeyFiles.ReadOwnerOnly(name, Ask(env, "Path of the PEM private key file", "--private-key-file"), "the PEM private key file typed in");
        }
        if (string.IsNullOrWhiteSpace(apiKey)) throw CliException.BadInput("The API key is empty.");
        if (string.IsNullOrWhiteSpace(secret)) throw CliException.BadInput("The secret is empty.");
        return (apiKey.Trim(), new SecretText(secret.Trim()));
    }

    private static Command List(CliEnvironment env)
    {
        var json = CommonOptions.Json();
        var command = new Command("list", "List accounts: names and environments only, never keys.") { json };
        command.SetAction(parse =>
        {
            var printer = new Printer(env, parse.GetValue(json));
            var accounts = new AccountCatalog(FerryHome.FromEnvironment(env.GetEnvironmentVariable)).List();
            printer.Document(new AccountListDocument([.. accounts.Select(a => new AccountListItemDocument(a.Name, a.Venue, a.Environment))]),
                CliJsonContext.Default.AccountListDocument);
            if (accounts.Count == 0)
                printer.Line("No accounts configured; commands use the built-in simulator. Add one with 'ferry accounts add'.");
            foreach (var group in accounts.GroupBy(a => a.Venue))
            {
                printer.Line($"{Title(group.Key)} Accounts:");
                foreach (var account in group) printer.Line($"- {account.Name} ({Title(account.Environment)})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(CliEnvironment env)
    {
        var name = new Argument<string?>("name") { Description = "The account (default: as --account chooses).", Arity = ArgumentArity.ZeroOrOne };
        var json = CommonOptions.Json();
        var account = CommonOptions.Account();
        var command = new Command("show", "Show one account with its key masked: API key first 5 + last 4, secret *** + last 5.") { name, json, account };
        command.SetAction(parse =>
        {
            var printer = new Printer(env, parse.GetValue(json));
            var (named, option) = (parse.GetValue(name), parse.GetValue(account));
            if (named is not null && option is not null && !string.Equals(named, option, StringComparison.OrdinalIgnoreCase))
                throw CliException.BadInput($"Name one account: '{named}' and --account '{option}' differ.");
            var target = SessionTarget.Resolve(env, named ?? option);
            var shown = target.Configured
                ?? throw CliException.Refused("No accounts are configured; commands use the built-in simulator. Add one with 'ferry accounts add'.");
            var credentials = shown.Credentials;
            printer.Document(new AccountShowDocument(shown.Name, shown.Venue.ToString().ToLowerInvariant(),
                shown.Environment.ToString().ToLowerInvariant(), shown.BaseAddress.ToString(), shown.Email, shown.Description,
                credentials.Kind.ToString().ToLowerInvariant(), credentials.MaskedApiKey, credentials.Secret.ToString(), shown.KeySource),
                CliJsonContext.Default.AccountShowDocument);
            printer.Line($"Account: {shown.Name}");
            printer.Line($"Venue: {shown.Venue.Display()}");
            printer.Line($"Environment: {AccountFields.Display(shown.Environment)}");
            printer.Line($"Base address: {shown.BaseAddress}");
            if (shown.Email is not null) printer.Line($"Email: {shown.Email}");
            if (shown.Description is not null) printer.Line($"Description: {shown.Description}");
            printer.Line($"Signing: {credentials.Kind}");
            printer.Line($"API Key: {credentials.MaskedApiKey}");
            printer.Line($"Secret: {credentials.Secret}");
            printer.Line($"Key from: {shown.KeySource}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Remove(CliEnvironment env)
    {
        var name = new Argument<string>("name") { Description = "The account to remove." };
        var json = CommonOptions.Json();
        var command = new Command("remove", "Remove an account and the key files Ferry stored for it (key files kept elsewhere stay).") { name, json };
        command.SetAction(parse =>
        {
            var printer = new Printer(env, parse.GetValue(json));
            var accountName = parse.GetValue(name)!;
            var catalog = new AccountCatalog(FerryHome.FromEnvironment(env.GetEnvironmentVariable));
            if (!catalog.Remove(accountName))
                throw CliException.BadInput($"There is no account named '{accountName}'; 'ferry accounts list' shows them.");
            env.Log.Info($"removed account '{accountName}'");
            printer.Document(new AccountRemovedDocument(accountName), CliJsonContext.Default.AccountRemovedDocument);
            printer.Line($"Removed account '{accountName}' and the key files Ferry kept for it.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Import(CliEnvironment env)
    {
        var file = new Argument<string>("file") { Description = "A TOOLS.md with '## Binance Accounts', '### <name>', '- API Key:', '- Secret:', '- Description:'." };
        var environment = new Option<string?>("--environment") { Description = "For accounts without an '- Environment:' line: mainnet (default), testnet or sim." };
        var baseAddress = new Option<string?>("--base-address") { Description = "For sim accounts: the simulator's loopback address." };
        var json = CommonOptions.Json();
        var command = new Command("import", "Import the accounts of a TOOLS.md; secrets go to owner-only key files, only masked values are printed.")
        {
            file, environment, baseAddress, json,
        };
        command.SetAction(parse => RunImport(env, new AccountImportOptions(parse.GetValue(file)!, parse.GetValue(environment),
            parse.GetValue(baseAddress), parse.GetValue(json))));
        return command;
    }

    /// <summary>The most a TOOLS.md to import may hold.</summary>
    private const long MaxImportFileBytes = 1024 * 1024;

    private static int RunImport(CliEnvironment env, AccountImportOptions options)
    {
        var printer = new Printer(env, options.Json);
        var (file, environmentText, baseAddress) = (options.File, options.Environment, options.BaseAddress);
        var fallback = AccountEnvironment.Mainnet;
        if (environmentText is not null && !AccountFields.TryParseEnvironment(environmentText, out fallback))
            throw CliException.BadInput($"--environment '{environmentText}' is not an environment; use mainnet, testnet or sim.");
        string text;
        try
        {
            text = BoundedFile.ReadAllText(file, MaxImportFileBytes);
        }
        catch (BoundedFileException e)
        {
            throw CliException.BadInput(e.Message);
        }
        var parsed = ToolsMarkdown.Parse(text, Path.GetFileName(file));
        var accounts = new List<NewAccount>();
        foreach (var entry in parsed)
        {
            env.Log.Protect(new ApiCredentials(entry.ApiKey, entry.Secret, SigningKind.Hmac));
            if (!AccountFields.IsValidName(entry.Name))
                throw CliException.BadInput($"'{entry.Name}' in {Path.GetFileName(file)} is not an account name; use letters, digits, '-' or '_'.");
            var environment = fallback;
            if (entry.Environment is not null && !AccountFields.TryParseEnvironment(entry.Environment, out environment))
                throw CliException.BadInput($"Account '{entry.Name}' has environment '{entry.Environment}'; use mainnet, testnet or sim.");
            var signing = SigningKind.Hmac;
            if (entry.Signing is not null && !AccountFields.TryParseSigning(entry.Signing, out signing))
                throw CliException.BadInput($"Account '{entry.Name}' has signing '{entry.Signing}'; use hmac, rsa or ed25519.");
            if (entry.Email is not null && !EmailAddress.IsValid(entry.Email))
                throw CliException.BadInput($"Account '{entry.Name}' has a malformed email '{entry.Email}'.");
            // For rsa and ed25519 the Secret line is the PEM's path, as on a key file's second line.
            var secret = signing == SigningKind.Hmac ? entry.Secret : new SecretText(KeyFiles.ReadOwnerOnly(entry.Name, entry.Secret.Reveal(), "the PEM private key named on its Secret line"));
            accounts.Add(new NewAccount(entry.Name, Venue.Binance, environment, signing, entry.ApiKey, secret,
                environment == AccountEnvironment.Sim ? baseAddress : null, entry.Email, entry.Description));
        }
        var stored = new AccountCatalog(FerryHome.FromEnvironment(env.GetEnvironmentVariable)).Add(accounts);
        env.Log.Info($"imported {stored.Count} account(s) from {Path.GetFileName(file)}");
        printer.Document(new AccountsImportedDocument([.. stored.Select(StoredAccountDocument.From)]), CliJsonContext.Default.AccountsImportedDocument);
        Report(printer, stored, "Imported");
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(file) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) != 0)
            env.Error.WriteLine($"ferry: note: {file} is readable by others and holds whole secrets; delete it or run 'chmod 600 {file}'.");
        return ExitCodes.Ok;
    }

    /// <summary>The lines for people after an add or import (the --json document is printed before).</summary>
    private static void Report(Printer printer, IReadOnlyList<AccountDefinition> accounts, string title)
    {
        foreach (var a in accounts)
        {
            printer.Line($"{title} account: {a.Name} ({AccountFields.Display(a.Environment)}) API Key: {a.Credentials.MaskedApiKey} Secret: {a.Credentials.Secret}"
                + (a.Description is null ? "" : $" - {a.Description}"));
        }
        printer.Line("The keys are stored in owner-only files under FERRY_HOME; accounts.json holds no secret.");
    }

    /// <summary>A person answers in a terminal; a script is told which option to give.</summary>
    private static string Ask(CliEnvironment env, string question, string option)
    {
        if (!env.IsInteractive)
            throw CliException.BadInput($"{question} is needed and nobody can type it here; give {option}.");
        env.Error.Write($"{question}: ");
        var answer = env.In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? throw CliException.BadInput($"No answer for '{question}'; nothing was stored.") : answer;
    }

    /// <summary>Asks in a terminal, showing the answer Enter gives.</summary>
    private static string AskOr(CliEnvironment env, string question, string whenEmpty)
    {
        env.Error.Write($"{question} [{whenEmpty}]: ");
        var answer = env.In.ReadLine()?.Trim();
        return string.IsNullOrEmpty(answer) ? whenEmpty : answer;
    }

    private static string AskSecret(CliEnvironment env, string question, string option)
    {
        if (!env.IsInteractive)
            throw CliException.BadInput($"The {question} is needed and nobody can type it here; give {option}.");
        env.Error.Write($"{question} (not shown): ");
        var answer = env.ReadSecret()?.Trim();
        return string.IsNullOrEmpty(answer) ? throw CliException.BadInput($"No {question} was typed; nothing was stored.") : answer;
    }

    private static string Title(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
