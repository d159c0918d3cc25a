namespace Ferry.Engine.Policy;

/// <summary>Which askers a rule is for: a kind (<c>agent</c>), a kind and a name pattern (<c>token:ci-*</c>), or
/// <c>*</c> for anyone. A worker acting for someone is judged as that someone, except by a pattern of kind worker,
/// which matches the worker itself.</summary>
public sealed record RequesterPattern(RequesterKind? Kind, PolicyPattern? Name)
{
    /// <summary>True when the pattern covers <paramref name="requester"/>.</summary>
    public bool Matches(Requester requester)
    {
        ArgumentNullException.ThrowIfNull(requester);
        var judged = Kind == RequesterKind.Worker ? requester : requester.Principal;
        if (Kind is { } kind && judged.Kind != kind) return false;
        return Name is null || Name.Matches(judged.Name);
    }

    /// <summary>Reads <c>*</c>, <c>kind</c> or <c>kind:name-pattern</c>; null when the text is none of them.</summary>
    public static RequesterPattern? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "*") return new RequesterPattern(null, null);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? text : text[..colon];
        if (!Requester.TryParseKind(kindText, out var kind)) return null;
        if (colon < 0) return new RequesterPattern(kind, null);
        var name = text[(colon + 1)..];
        return name.Length == 0 ? null : new RequesterPattern(kind, new PolicyPattern(name));
    }

    /// <summary>Words for a sentence: "agents", "agent claude", "anyone".</summary>
    public string Describe() => (Kind, Name) switch
    {
        (null, _) => "anyone",
        ({ } k, null) => Requester.KindName(k) + "s",
        ({ } k, { } n) => $"{Requester.KindName(k)} {n}",
    };

    public override string ToString() => Kind is null ? "*" : Name is null ? Requester.KindName(Kind.Value) : $"{Requester.KindName(Kind.Value)}:{Name}";
}
