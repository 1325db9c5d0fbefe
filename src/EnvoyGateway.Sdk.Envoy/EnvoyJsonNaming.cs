namespace EnvoyGateway.Sdk.Envoy;

/// <summary>Field naming used when formatting Envoy messages as JSON or YAML.</summary>
public enum EnvoyJsonNaming
{
    /// <summary>Proto3 canonical JSON names (<c>typedConfig</c>), as <c>egctl</c> and the admin API print them.</summary>
    CamelCase,

    /// <summary>The proto field names (<c>typed_config</c>), as Envoy's own documentation and bootstrap files use them.</summary>
    SnakeCase,
}
