using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Emits a JSON value as YAML events: block style, empty objects and lists as <c>{}</c> and <c>[]</c>, numbers with
/// their exact text, strings quoted whenever a YAML 1.1 or 1.2 reader could take them for something else.
/// </summary>
internal static class JsonToYaml
{
    /// <summary>Emits <paramref name="element"/> as one YAML node.</summary>
    public static void WriteValue(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var emptyObject = element.GetPropertyCount() == 0;
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyObject ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    YamlScalars.EmitString(emitter, property.Name);
                    WriteValue(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                var emptyList = element.GetArrayLength() == 0;
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, emptyList ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in element.EnumerateArray())
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                YamlScalars.EmitString(emitter, element.GetString()!);
                break;
            case JsonValueKind.Number:
                YamlScalars.EmitNumber(emitter, element.GetRawText());
                break;
            case JsonValueKind.True:
                YamlScalars.EmitKeyword(emitter, "true");
                break;
            case JsonValueKind.False:
                YamlScalars.EmitKeyword(emitter, "false");
                break;
            default:
                YamlScalars.EmitKeyword(emitter, "null");
                break;
        }
    }
}
