using Microsoft.Extensions.Logging;

namespace Ferry.Observability.Tests;

/// <summary>One captured log line.</summary>
public sealed record CapturedLine(string Category, int EventId, LogLevel Level, string Text);
