using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Envoy.Config.Route.V3;
using Envoy.Type.Tracing.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.BackendTraffic;

/// <summary>
/// BackendTrafficPolicy <c>telemetry</c> (envoy-mapping.md §1): <c>tracing</c> → <c>Route.tracing</c>
/// (<c>client_sampling</c> 0% unless set, <c>random_sampling</c> from <c>samplingFraction</c>, <c>overall_sampling</c>,
/// custom tags sorted by name) and <c>metrics.routeStatName</c> → <c>Route.stat_prefix</c> with the route operators
/// substituted. What the compiled API lacks is reported: span names (<c>Tracing.operation</c>,
/// <c>Tracing.upstream_operation</c>) and <c>tags</c> values with command operators (<c>CustomTag.value</c>; a value
/// without <c>%</c> is a plain literal and is emitted as <c>CustomTag.literal</c>, which means the same).
/// Route tracing takes effect when the listener traces (EnvoyProxy telemetry), as in Envoy Gateway.
/// </summary>
internal sealed class TelemetryRouteFeature : IRouteFeature, IIrFeature
{
    private const string TracingMessage = "envoy.config.route.v3.Tracing";
    private const string CustomTagMessage = "envoy.type.tracing.v3.CustomTag";

    public string Name => "btp.telemetry";

    public void PatchIr(GatewayIr gateway)
    {
        foreach (var traffic in BackendTrafficGaps.PolicySets(gateway))
        {
            if (traffic.Telemetry is not { Tracing: true } telemetry)
            {
                continue;
            }

            if (telemetry.SpanNameClient is not null)
            {
                BackendTrafficGaps.MissingField(gateway, traffic, TracingMessage, "operation", "telemetry.tracing.spanName.client");
            }

            if (telemetry.SpanNameServer is not null)
            {
                BackendTrafficGaps.MissingField(gateway, traffic, TracingMessage, "upstream_operation", "telemetry.tracing.spanName.server");
            }

            foreach (var tag in telemetry.Tags.Where(t => IsFormatter(t.Value)))
            {
                BackendTrafficGaps.MissingField(gateway, traffic, CustomTagMessage, "value", $"telemetry.tracing.tags.{tag.Key} (command operators)");
            }

            foreach (var tag in telemetry.CustomTags ?? [])
            {
                if (Tag(tag) is null)
                {
                    BackendTrafficGaps.NotTranslated(gateway, traffic, $"telemetry.tracing.customTags.{tag.Tag}", $"a {tag.Type} tag needs a {(tag.Type == "Literal" ? "value" : "name")}");
                }
            }
        }
    }

    public void PatchRoute(HttpListenerIr listener, HttpRouteIr route, Route xdsRoute)
    {
        if (route.Traffic?.Telemetry is not { } telemetry)
        {
            return;
        }

        if (telemetry.RouteStatName is { Length: > 0 } pattern)
        {
            xdsRoute.StatPrefix = StatName(pattern, route);
        }

        if (telemetry.Tracing)
        {
            xdsRoute.Tracing = Tracing(telemetry);
        }
    }

    /// <summary>
    /// <c>routeStatName</c> with <c>%ROUTE_NAME%</c>, <c>%ROUTE_NAMESPACE%</c>, <c>%ROUTE_KIND%</c>, <c>%ROUTE_RULE_NAME%</c>
    /// (the rule's name, empty when unnamed), <c>%ROUTE_RULE_NUMBER%</c> and <c>%BACKEND_REFS%</c> (the resolved backends
    /// as <c>namespace/name</c> joined by <c>|</c>) substituted, as Envoy Gateway does before xDS.
    /// </summary>
    internal static string StatName(string pattern, HttpRouteIr route)
    {
        var rule = route.Route.Rules.FirstOrDefault(r => r.Index == route.RuleIndex);
        var backends = route.Destination?.Backends.Select(b => b.Service) ?? [];
        return pattern
            .Replace("%ROUTE_NAME%", route.Route.Name, System.StringComparison.Ordinal)
            .Replace("%ROUTE_NAMESPACE%", route.Route.Namespace, System.StringComparison.Ordinal)
            .Replace("%ROUTE_KIND%", route.Route.Kind, System.StringComparison.Ordinal)
            .Replace("%ROUTE_RULE_NAME%", rule?.Name ?? string.Empty, System.StringComparison.Ordinal)
            .Replace("%ROUTE_RULE_NUMBER%", route.RuleIndex.ToString(CultureInfo.InvariantCulture), System.StringComparison.Ordinal)
            .Replace("%BACKEND_REFS%", string.Join("|", backends), System.StringComparison.Ordinal);
    }

    private static Tracing Tracing(TelemetryIr telemetry)
    {
        var tracing = new Tracing { ClientSampling = Percent(telemetry.ClientSamplingFraction) ?? new FractionalPercent() };
        if (Percent(telemetry.SamplingFraction) is { } random)
        {
            tracing.RandomSampling = random;
        }

        if (Percent(telemetry.OverallSamplingFraction) is { } overall)
        {
            tracing.OverallSampling = overall;
        }

        // tags win over customTags of the same name; all sorted by tag name
        var tags = new SortedDictionary<string, CustomTag>(System.StringComparer.Ordinal);
        foreach (var tag in telemetry.CustomTags ?? [])
        {
            if (Tag(tag) is { } custom)
            {
                tags[tag.Tag] = custom;
            }
        }

        foreach (var (name, value) in telemetry.Tags)
        {
            tags.Remove(name);
            if (!IsFormatter(value) && !string.IsNullOrEmpty(value))
            {
                tags[name] = new CustomTag { Tag = name, Literal = new CustomTag.Types.Literal { Value = value } };
            }
        }

        tracing.CustomTags.AddRange(tags.Values);
        return tracing;
    }

    private static CustomTag? Tag(CustomTagIr tag) => tag.Type switch
    {
        "Environment" when !string.IsNullOrEmpty(tag.Name) => new CustomTag
        {
            Tag = tag.Tag,
            Environment = new CustomTag.Types.Environment { Name = tag.Name, DefaultValue = tag.DefaultValue ?? string.Empty },
        },
        "RequestHeader" when !string.IsNullOrEmpty(tag.Name) => new CustomTag
        {
            Tag = tag.Tag,
            RequestHeader = new CustomTag.Types.Header { Name = tag.Name, DefaultValue = tag.DefaultValue ?? string.Empty },
        },
        "Literal" when !string.IsNullOrEmpty(tag.Value) => new CustomTag { Tag = tag.Tag, Literal = new CustomTag.Types.Literal { Value = tag.Value } },
        _ => null,
    };

    // A tags value with an Envoy command operator (%REQ(x)%, %ENVIRONMENT(x)%...) needs CustomTag.value.
    private static bool IsFormatter(string? value) => value?.Contains('%', System.StringComparison.Ordinal) == true;

    /// <summary>
    /// A fraction as a FractionalPercent: exact for denominators 100, 10,000 and 1,000,000, otherwise in millionths
    /// (rounded down); null when unset.
    /// </summary>
    internal static FractionalPercent? Percent(FractionIr? fraction)
    {
        if (fraction is null)
        {
            return null;
        }

        var numerator = (long)System.Math.Max(fraction.Numerator, 0);
        var denominator = System.Math.Max(fraction.Denominator, 1);
        return denominator switch
        {
            100 => new FractionalPercent { Numerator = (uint)numerator, Denominator = FractionalPercent.Types.DenominatorType.Hundred },
            10_000 => new FractionalPercent { Numerator = (uint)numerator, Denominator = FractionalPercent.Types.DenominatorType.TenThousand },
            1_000_000 => new FractionalPercent { Numerator = (uint)numerator, Denominator = FractionalPercent.Types.DenominatorType.Million },
            _ => new FractionalPercent { Numerator = (uint)System.Math.Min(numerator * 1_000_000L / denominator, uint.MaxValue), Denominator = FractionalPercent.Types.DenominatorType.Million },
        };
    }
}
