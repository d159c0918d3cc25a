using System.Diagnostics.CodeAnalysis;

namespace Ferry.Engine.Policy;

/// <summary>
/// Who asks for a move: a kind and a name (<c>person:alice</c>, <c>agent:claude</c>, <c>token:ci-bot</c>), and for a
/// worker whom it acts for (<c>worker:w1 for agent:claude</c>). Front ends say who asks; the policy matches on it and
/// the journal stores it on every leg. It names, it does not authenticate: a person who can edit FERRY_HOME can also
/// edit the policy.
/// </summary>
public sealed record Requester
{
    private Requester(RequesterKind kind, string name, Requester? onBehalfOf)
    {
        Kind = kind;
        Name = name;
        OnBehalfOf = onBehalfOf;
    }

    /// <summary>What kind of asker.</summary>
    public RequesterKind Kind { get; }

    /// <summary>Its name: a user name, an agent's configured name, a token's name, a worker's id.</summary>
    public string Name { get; }

    /// <summary>For a worker: the requester it runs the move for.</summary>
    public Requester? OnBehalfOf { get; }

    /// <summary>A person at the command line.</summary>
    public static Requester Person(string name) => new(RequesterKind.Person, CheckName(name), null);

    /// <summary>An AI agent served by <c>ferry mcp</c>.</summary>
    public static Requester Agent(string name) => new(RequesterKind.Agent, CheckName(name), null);

    /// <summary>A program with a named API token.</summary>
    public static Requester Token(string name) => new(RequesterKind.Token, CheckName(name), null);

    /// <summary>A worker acting for <paramref name="onBehalfOf"/>.</summary>
    public static Requester Worker(string name, Requester onBehalfOf)
    {
        ArgumentNullException.ThrowIfNull(onBehalfOf);
        if (onBehalfOf.Kind == RequesterKind.Worker) throw new ArgumentException("A worker acts for a person, an agent or a token, not for another worker.", nameof(onBehalfOf));
        return new(RequesterKind.Worker, CheckName(name), onBehalfOf);
    }

    /// <summary>The requester whose rules apply: the one a worker acts for, else itself.</summary>
    public Requester Principal => OnBehalfOf ?? this;

    /// <summary>The lower-case name of a kind as the policy file and the journal write it.</summary>
    public static string KindName(RequesterKind kind) => kind switch
    {
        RequesterKind.Person => "person",
        RequesterKind.Agent => "agent",
        RequesterKind.Token => "token",
        _ => "worker",
    };

    /// <summary>Parses a kind name (person, agent, token, worker).</summary>
    public static bool TryParseKind(string? text, out RequesterKind kind)
    {
        foreach (var k in Enum.GetValues<RequesterKind>())
        {
            if (string.Equals(text, KindName(k), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>The stored form: <c>kind:name</c>, and for a worker <c>worker:name for kind:name</c>.</summary>
    public override string ToString() => OnBehalfOf is null ? $"{KindName(Kind)}:{Name}" : $"{KindName(Kind)}:{Name} for {OnBehalfOf}";

    /// <summary>Reads the stored form back; false for text that is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Requester? requester)
    {
        requester = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var cut = text.IndexOf(" for ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            if (!TryParseOne(text[..cut], out var worker) || worker.Kind != RequesterKind.Worker) return false;
            if (!TryParseOne(text[(cut + 5)..], out var principal) || principal.Kind == RequesterKind.Worker) return false;
            requester = new Requester(RequesterKind.Worker, worker.Name, principal);
            return true;
        }
        if (!TryParseOne(text, out var one) || one.Kind == RequesterKind.Worker) return false;
        requester = one;
        return true;
    }

    private static bool TryParseOne(string text, [NotNullWhen(true)] out Requester? requester)
    {
        requester = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !TryParseKind(text[..colon], out var kind)) return false;
        var name = text[(colon + 1)..];
        if (!IsName(name)) return false;
        requester = new Requester(kind, name, null);
        return true;
    }

    /// <summary>A name is 1–64 characters of letters, digits and <c>. _ - @</c>.</summary>
    public static bool IsName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    private static string CheckName(string name) => IsName(name)
        ? name
        : throw new ArgumentException("A requester's name is 1-64 letters, digits, '.', '_', '-' or '@'.", nameof(name));
}
