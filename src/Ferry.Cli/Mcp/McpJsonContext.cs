using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Ferry.Cli.Mcp;

/// <summary>
/// The types the MCP layer itself serializes: the tools' parameter types (the SDK binds arguments and writes input
/// schemas through these) and the JSON values of their results. Source-generated, so the tools work in the Native AOT
/// build, where reflection-based serialization is off.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(bool?))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(int?))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class McpJsonContext : JsonSerializerContext;
