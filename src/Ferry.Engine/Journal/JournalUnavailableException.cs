namespace Ferry.Engine.Journal;

/// <summary>The journal's file or database cannot be used (not writable, missing folder, disk full): an environment
/// problem, reported in one sentence; nothing was written.</summary>
public sealed class JournalUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
