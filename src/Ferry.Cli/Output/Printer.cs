using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Ferry.Cli.Output;

/// <summary>Where a command's results go: tables and lines for people, one JSON document with --json.</summary>
internal sealed class Printer(CliEnvironment env, bool json)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // Made on the first table: a --json run or a command that prints only lines never builds a console.
    private IAnsiConsole? _console;

    public bool Json => json;
    public CliEnvironment Environment => env;

    /// <summary>A line for people; nothing in --json mode, where only the document is printed.</summary>
    public void Line(string text)
    {
        if (!json) env.Out.WriteLine(text);
    }

    /// <summary>A Spectre table for people; nothing in --json mode.</summary>
    public void Table(Table table)
    {
        if (json) return;
        _console ??= ConsoleFactory.For(env.Out, isTerminal: env.IsInteractive && !Console.IsOutputRedirected);
        _console.Write(table);
    }

    /// <summary>The --json document; nothing in text mode.</summary>
    public void Document(JsonNode document)
    {
        if (json) env.Out.WriteLine(document.ToJsonString(Indented));
    }

    /// <summary>The --json document from a typed document (<see cref="Json.CliJsonContext"/>); nothing in text mode.</summary>
    public void Document<T>(T document, JsonTypeInfo<T> typeInfo)
    {
        if (json) env.Out.WriteLine(JsonSerializer.Serialize(document, typeInfo));
    }

    /// <summary>The --json document, built only in --json mode (a text run does not pay for the document).</summary>
    public void Document<T>(Func<T> build, JsonTypeInfo<T> typeInfo)
    {
        if (json) env.Out.WriteLine(JsonSerializer.Serialize(build(), typeInfo));
    }

    /// <summary>A table with plain borders and the given column headers, amounts right-aligned.</summary>
    public static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var header in headers)
        {
            var column = new TableColumn(Markup.Escape(header));
            if (header is "Amount" or "Total") column.RightAligned();
            table.AddColumn(column);
        }
        return table;
    }

    /// <summary>Adds a row of plain text cells (escaped, so user data is never read as markup).</summary>
    public static void AddRow(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => new Text(c ?? "")).Cast<Spectre.Console.Rendering.IRenderable>().ToArray());
}
