namespace Ferry.Simulator.Faults;

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class FaultJson : System.Text.Json.Serialization.JsonSerializerContext;
