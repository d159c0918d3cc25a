namespace Ferry.Engine.Policy;

/// <summary>Who asks for a move, as the front end knows it.</summary>
public enum RequesterKind
{
    /// <summary>A person at the command line.</summary>
    Person,
    /// <summary>An AI agent through the MCP server.</summary>
    Agent,
    /// <summary>A program holding a named API token (the HTTP service).</summary>
    Token,
    /// <summary>A worker process running a move on behalf of someone else.</summary>
    Worker,
}
