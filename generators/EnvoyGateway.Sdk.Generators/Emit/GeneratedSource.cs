namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>One generated file.</summary>
/// <param name="HintName">The hint name passed to <c>AddSource</c>.</param>
/// <param name="Text">The source text.</param>
internal readonly record struct GeneratedSource(string HintName, string Text);
