using System.Text.Json.Serialization;

namespace Ferry.Simulator.Persistence;

/// <summary>
/// The state file's JSON columns (the sub-account and managed sub-account books), source-generated: no reflection or
/// emitted code at start-up, and trimming/AOT safe. The written shape is the one reflection wrote, so old files load.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(SubAccountBookStore.Stored), TypeInfoPropertyName = "SubAccountBook")]
[JsonSerializable(typeof(ManagedSubAccountBookStore.Stored), TypeInfoPropertyName = "ManagedSubAccountBook")]
internal sealed partial class StateStoreJson : JsonSerializerContext;
