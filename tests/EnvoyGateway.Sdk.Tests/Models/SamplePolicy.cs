using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnvoyGateway.Sdk.Runtime;
using k8s;
using k8s.Models;
using YamlDotNet.Serialization;
using IntOrString = EnvoyGateway.Sdk.Runtime.IntOrString;

namespace EnvoyGateway.Sdk.Tests.Models;

// Hand-written in the exact shape the generator emits (see the generator contract), so the runtime can be tested
// without the generator.
[KubernetesEntity(Group = KubeGroup, ApiVersion = KubeApiVersion, Kind = KubeKind, PluralName = KubePluralName)]
public sealed partial class SamplePolicy : IKubernetesObject<V1ObjectMeta>, ISpec<SamplePolicySpec>, IStatus<SamplePolicyStatus?>
{
    public const string KubeGroup = "tests.egsdk.example.com";
    public const string KubeApiVersion = "v1alpha1";
    public const string KubeKind = "SamplePolicy";
    public const string KubePluralName = "samplepolicies";
    public const string ApiVersionString = KubeGroup + "/" + KubeApiVersion;

    [JsonPropertyName("apiVersion")]
    [YamlMember(Alias = "apiVersion", ApplyNamingConventions = false)]
    public string ApiVersion { get; set; } = ApiVersionString;

    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind", ApplyNamingConventions = false)]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    [YamlMember(Alias = "metadata", ApplyNamingConventions = false)]
    public V1ObjectMeta Metadata { get; set; } = default!;

    [JsonPropertyName("spec")]
    [YamlMember(Alias = "spec", ApplyNamingConventions = false)]
    public SamplePolicySpec Spec { get; set; } = default!;

    [JsonPropertyName("status")]
    [YamlMember(Alias = "status", ApplyNamingConventions = false)]
    public SamplePolicyStatus? Status { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpec
{
    [JsonPropertyName("targetRefs")]
    [YamlMember(Alias = "targetRefs", ApplyNamingConventions = false)]
    public IList<SamplePolicySpecTargetRefsItem>? TargetRefs { get; set; }

    [JsonPropertyName("loadBalancer")]
    [YamlMember(Alias = "loadBalancer", ApplyNamingConventions = false)]
    public SamplePolicySpecLoadBalancer? LoadBalancer { get; set; }

    [JsonPropertyName("timeout")]
    [YamlMember(Alias = "timeout", ApplyNamingConventions = false)]
    public GatewayDuration? Timeout { get; set; }

    [JsonPropertyName("port")]
    [YamlMember(Alias = "port", ApplyNamingConventions = false)]
    public IntOrString? Port { get; set; }

    [JsonPropertyName("memory")]
    [YamlMember(Alias = "memory", ApplyNamingConventions = false)]
    public Quantity? Memory { get; set; }

    [JsonPropertyName("config")]
    [YamlMember(Alias = "config", ApplyNamingConventions = false)]
    public RawJson? Config { get; set; }

    [JsonPropertyName("maxConnections")]
    [YamlMember(Alias = "maxConnections", ApplyNamingConventions = false)]
    public long? MaxConnections { get; set; }

    [JsonPropertyName("weight")]
    [YamlMember(Alias = "weight", ApplyNamingConventions = false)]
    public double? Weight { get; set; }

    [JsonPropertyName("enabled")]
    [YamlMember(Alias = "enabled", ApplyNamingConventions = false)]
    public bool? Enabled { get; set; }

    [JsonPropertyName("version")]
    [YamlMember(Alias = "version", ApplyNamingConventions = false)]
    public string? Version { get; set; }

    [JsonPropertyName("clientSecret")]
    [YamlMember(Alias = "clientSecret", ApplyNamingConventions = false)]
    public SamplePolicySpecClientSecret? ClientSecret { get; set; }

    [JsonPropertyName("headers")]
    [YamlMember(Alias = "headers", ApplyNamingConventions = false)]
    public IDictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("tcp")]
    [YamlMember(Alias = "tcp", ApplyNamingConventions = false)]
    public SamplePolicySpecTcp? Tcp { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpecTargetRefsItem
{
    [JsonPropertyName("group")]
    [YamlMember(Alias = "group", ApplyNamingConventions = false)]
    public string Group { get; set; } = default!;

    [JsonPropertyName("kind")]
    [YamlMember(Alias = "kind", ApplyNamingConventions = false)]
    public string Kind { get; set; } = default!;

    [JsonPropertyName("name")]
    [YamlMember(Alias = "name", ApplyNamingConventions = false)]
    public string Name { get; set; } = default!;

    [JsonPropertyName("sectionName")]
    [YamlMember(Alias = "sectionName", ApplyNamingConventions = false)]
    public string? SectionName { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpecLoadBalancer
{
    [JsonPropertyName("type")]
    [YamlMember(Alias = "type", ApplyNamingConventions = false)]
    public SamplePolicySpecLoadBalancerType Type { get; set; } = default!;

    [JsonPropertyName("slowStart")]
    [YamlMember(Alias = "slowStart", ApplyNamingConventions = false)]
    public SamplePolicySpecLoadBalancerSlowStart? SlowStart { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpecLoadBalancerSlowStart
{
    [JsonPropertyName("window")]
    [YamlMember(Alias = "window", ApplyNamingConventions = false)]
    public GatewayDuration Window { get; set; } = default!;

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpecClientSecret
{
    [JsonPropertyName("name")]
    [YamlMember(Alias = "name", ApplyNamingConventions = false)]
    public string Name { get; set; } = default!;

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicySpecTcp
{
    [JsonPropertyName("connectTimeout")]
    [YamlMember(Alias = "connectTimeout", ApplyNamingConventions = false)]
    public GatewayDuration? ConnectTimeout { get; set; }

    [JsonPropertyName("retries")]
    [YamlMember(Alias = "retries", ApplyNamingConventions = false)]
    public int? Retries { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

public sealed partial class SamplePolicyStatus
{
    [JsonPropertyName("observedGeneration")]
    [YamlMember(Alias = "observedGeneration", ApplyNamingConventions = false)]
    public long? ObservedGeneration { get; set; }

    [JsonExtensionData]
    [YamlIgnore]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

[JsonConverter(typeof(StringEnumJsonConverter<SamplePolicySpecLoadBalancerType>))]
public sealed partial class SamplePolicySpecLoadBalancerType : StringEnum<SamplePolicySpecLoadBalancerType>
{
    public static readonly SamplePolicySpecLoadBalancerType RoundRobin = new("RoundRobin");
    public static readonly SamplePolicySpecLoadBalancerType LeastRequest = new("LeastRequest");

    private static readonly IReadOnlyList<string> Values = ["RoundRobin", "LeastRequest"];

    public SamplePolicySpecLoadBalancerType()
    {
    }

    public SamplePolicySpecLoadBalancerType(string value)
        : base(value)
    {
    }

    protected override IReadOnlyList<string> KnownValues => Values;

    public static implicit operator SamplePolicySpecLoadBalancerType(string value) => new(value);
}
