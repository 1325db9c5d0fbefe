using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using k8s;
using k8s.Models;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// The System.Text.Json settings of <see cref="ResourceSerializer"/>: KubernetesClient's converters (so core kinds
/// such as Service and Secret read and write as with <see cref="KubernetesJson"/>), nulls omitted, numbers accepted
/// from strings, plain YAML numbers and booleans accepted for string properties, readable escaping.
/// </summary>
internal static class ResourceJsonOptions
{
    /// <summary>Gets the compact options (read-only).</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    /// <summary>Gets the indented options (read-only).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    /// <summary>The nesting the YAML and JSON readers allow, plus headroom; JsonDocument's default of 64 is lower.</summary>
    public const int MaxDepth = 512;

    /// <summary>Gets the options for parsing a loaded document again (same depth limit as the serializer).</summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth };

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
            IndentSize = 2,
            NewLine = "\n",
            MaxDepth = MaxDepth,
        };
        options.Converters.Add(new LenientStringJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new KubernetesJson.Iso8601TimeSpanConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeConverter());
        options.Converters.Add(new KubernetesJson.KubernetesDateTimeOffsetConverter());
        options.Converters.Add(new V1Status.V1StatusObjectViewConverter());
        options.MakeReadOnly();
        return options;
    }
}
