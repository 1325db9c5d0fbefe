namespace EnvoyGateway.Sdk.Envoy;

/// <summary>A message or field that Envoy Gateway emits but the compiled Envoy API does not contain.</summary>
/// <param name="Message">Full proto name of the message (missing itself, or holding the missing field).</param>
/// <param name="Field">The missing proto field name, or <see langword="null"/> when the whole message is missing.</param>
/// <param name="Feature">The policy feature that needs it, for warnings and documentation.</param>
public sealed record EnvoyApiGap(string Message, string? Field, string Feature)
{
    /// <summary>The gap as <c>message</c> or <c>message.field</c>, as used in translation warnings.</summary>
    public string Name => Field is null ? Message : $"{Message}.{Field}";
}
