using System;
using System.Collections.Generic;
using EnvoyGateway.Sdk.Translation;
using k8s;
using k8s.Models;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Testing;

/// <summary>
/// A set of Gateways, routes and policies to write merge tests against: build it from YAML, files or typed objects,
/// then assert what applies to a route rule (<see cref="Route"/>) or listener (<see cref="Listener"/>) and the status a
/// policy gets (<see cref="Policy"/>). The resources are resolved once, on first use.
/// </summary>
public sealed class PolicyScenario
{
    private readonly Lazy<PolicyResolution> resolution;

    private PolicyScenario(ResourceSet resources)
    {
        Resources = resources;
        resolution = new Lazy<PolicyResolution>(() => PolicyResolver.Resolve(resources));
    }

    /// <summary>The resources of the scenario.</summary>
    public ResourceSet Resources { get; }

    /// <summary>The resolution, for assertions the helpers do not cover.</summary>
    public PolicyResolution Resolution => resolution.Value;

    /// <summary>A scenario from multi-document YAML.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The scenario.</returns>
    public static PolicyScenario FromYaml(string yaml) => new(ResourceSet.FromYaml(yaml, "(scenario)"));

    /// <summary>A scenario from YAML or JSON files, in the order given.</summary>
    /// <param name="paths">The files.</param>
    /// <returns>The scenario.</returns>
    public static PolicyScenario FromFiles(params string[] paths) => new(ResourceSet.FromFiles(paths));

    /// <summary>A scenario from objects made in code, typically with the generated fluent builders.</summary>
    /// <param name="resources">Gateways, routes and policies.</param>
    /// <returns>The scenario.</returns>
    public static PolicyScenario From(params IKubernetesObject<V1ObjectMeta>[] resources) => new(ResourceSet.From(resources));

    /// <summary>A new scenario with more objects (made in code) appended.</summary>
    /// <param name="resources">The objects to add.</param>
    /// <returns>The new scenario; this one is unchanged.</returns>
    public PolicyScenario With(params IKubernetesObject<V1ObjectMeta>[] resources) => new(Resources.Add(resources));

    /// <summary>A new scenario with the documents of <paramref name="yaml"/> appended.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <returns>The new scenario; this one is unchanged.</returns>
    public PolicyScenario WithYaml(string yaml) => new(Resources.AddYaml(yaml, "(scenario)"));

    /// <summary>Assertions about the policies that apply to one rule of a route.</summary>
    /// <param name="namespace">The route's namespace.</param>
    /// <param name="name">The route's name.</param>
    /// <param name="rule">The rule's name or index; null for a single-rule route.</param>
    /// <param name="listener">The listener as <c>gatewayNamespace/gateway/listener</c>; null when the route is on one listener.</param>
    /// <param name="kind">The route kind.</param>
    /// <returns>The assertions.</returns>
    public RouteAssertions Route(string @namespace, string name, string? rule = null, string? listener = null, string kind = "HTTPRoute") =>
        new(this, new RouteRuleRef(kind, @namespace, name, rule), listener is null ? null : ParseListener(listener));

    /// <summary>Assertions about the policies that apply to a Gateway listener.</summary>
    /// <param name="gatewayNamespace">The Gateway's namespace.</param>
    /// <param name="gateway">The Gateway's name.</param>
    /// <param name="listener">The listener's name.</param>
    /// <returns>The assertions.</returns>
    public ListenerAssertions Listener(string gatewayNamespace, string gateway, string listener) =>
        new(this, new ListenerRef(gatewayNamespace, gateway, listener));

    /// <summary>Assertions about the status one policy gets.</summary>
    /// <param name="kind"><c>BackendTrafficPolicy</c>, <c>ClientTrafficPolicy</c> or <c>SecurityPolicy</c>.</param>
    /// <param name="namespace">The policy's namespace.</param>
    /// <param name="name">The policy's name.</param>
    /// <returns>The assertions.</returns>
    public PolicyAssertions Policy(string kind, string @namespace, string name)
    {
        try
        {
            return new PolicyAssertions(this, Resolution.StatusOf(kind, @namespace, name));
        }
        catch (KeyNotFoundException e)
        {
            Assert.Fail(e.Message);
            throw; // not reached: Assert.Fail throws
        }
    }

    private static ListenerRef ParseListener(string listener)
    {
        var parts = listener.Split('/');
        return parts.Length == 3
            ? new ListenerRef(parts[0], parts[1], parts[2])
            : throw new ArgumentException($"Listener '{listener}' is not gatewayNamespace/gateway/listener.", nameof(listener));
    }
}
