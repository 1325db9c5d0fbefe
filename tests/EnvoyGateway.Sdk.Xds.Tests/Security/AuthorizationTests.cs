using System.Linq;
using Envoy.Extensions.Filters.Http.Rbac.V3;
using Envoy.Extensions.Matching.InputMatchers.Ip.V3;
using Envoy.Type.Matcher.V3;
using NUnit.Framework;
using Xds.Type.V3;
using static EnvoyGateway.Sdk.Xds.Tests.Security.SecurityInputs;
using Action = Envoy.Config.Rbac.V3.Action;
using NetworkRbac = Envoy.Extensions.Filters.Network.Rbac.V3.RBAC;
using RbacAction = Envoy.Config.Rbac.V3.RBAC.Types.Action;

namespace EnvoyGateway.Sdk.Xds.Tests.Security;

public class AuthorizationTests
{
    [Test]
    public void Rules_become_matchers_with_anded_predicates_and_the_default_action_on_no_match()
    {
        var xds = Translate(Policy("authz", "HTTPRoute", "backend", """
              authorization:
                defaultAction: Deny
                rules:
                - name: office-get
                  action: Allow
                  operation:
                    methods: [GET, HEAD]
                  principal:
                    clientCIDRs: [10.0.0.0/8]
                    headers:
                    - name: x-team
                      values: [a]
                - action: Deny
                  principal:
                    jwt:
                      provider: example
                      scopes: [admin]
            """));

        Assert.That(Filter(xds, "envoy.filters.http.rbac").TypedConfig.Unpack<RBAC>(), Is.EqualTo(new RBAC()));
        var matcher = XdsRoute(xds, BackendRoute).TypedPerFilterConfig["envoy.filters.http.rbac"].Unpack<RBACPerRoute>().Rbac.Matcher;
        var first = matcher.MatcherList.Matchers[0];
        Assert.That(first.OnMatch.Action.Name, Is.EqualTo("office-get"));
        Assert.That(first.OnMatch.Action.TypedConfig.Unpack<Action>().Action_, Is.EqualTo(RbacAction.Allow));
        var predicates = first.Predicate.AndMatcher.Predicate;
        Assert.That(predicates, Has.Count.EqualTo(3));
        Assert.That(predicates[0].SinglePredicate.CustomMatch.TypedConfig.Unpack<Ip>().CidrRanges.Single().PrefixLen, Is.EqualTo(8));
        var methods = predicates[1].OrMatcher.Predicate.Select(p => p.SinglePredicate).ToList();
        Assert.That(methods.Select(m => m.Input.TypedConfig.Unpack<HttpRequestHeaderMatchInput>().HeaderName).Distinct(), Is.EqualTo(new[] { ":method" }));
        Assert.That(methods.Select(m => m.ValueMatch.Exact), Is.EqualTo(new[] { "GET", "HEAD" }));
        Assert.That(predicates[2].SinglePredicate.Input.Name, Is.EqualTo("http_header"));

        var second = matcher.MatcherList.Matchers[1];
        Assert.That(second.OnMatch.Action.Name, Is.EqualTo("securitypolicy/default/authz/authorization/rule/1"));
        Assert.That(second.Predicate.SinglePredicate.Input.TypedConfig.Unpack<TypedStruct>().TypeUrl, Does.EndWith("DynamicMetadataInput"));
        Assert.That(matcher.OnNoMatch.Action.TypedConfig.Unpack<Action>().Name, Is.EqualTo("DENY"));
        Assert.That(xds.Warnings, Has.Some.Contains("envoy.extensions.matching.input_matchers.metadata.v3.Metadata"));
    }

    [Test]
    public void A_gateway_policy_puts_network_rbac_before_the_tcp_proxy_of_tcp_routes()
    {
        var xds = Inputs.TranslateOne(Inputs.GatewayClass, Inputs.Gateway("eg", "- name: tcp\n  protocol: TCP\n  port: 9000"), """
            apiVersion: gateway.networking.k8s.io/v1
            kind: TCPRoute
            metadata:
              name: db
              namespace: default
            spec:
              parentRefs:
              - name: eg
              rules:
              - backendRefs:
                - name: app
                  port: 80
            """, Inputs.Service("app", 80, "10.0.0.1"), Policy("tcp", "Gateway", "eg", """
              authorization:
                defaultAction: Allow
                rules:
                - action: Deny
                  principal:
                    clientCIDRs: [192.168.0.0/16]
            """));

        var chain = xds.Listeners.Single().FilterChains.Single(c => c.Name == "tcproute/default/db");
        Assert.That(chain.Filters.Select(f => f.Name), Is.EqualTo(new[] { "envoy.filters.network.rbac", "envoy.filters.network.tcp_proxy" }));
        var rbac = chain.Filters[0].TypedConfig.Unpack<NetworkRbac>();
        Assert.That(rbac.StatPrefix, Is.EqualTo("tcp-9000"));
        Assert.That(rbac.Matcher.MatcherList.Matchers.Single().OnMatch.Action.TypedConfig.Unpack<Action>().Name, Is.EqualTo("DENY"));
        Assert.That(rbac.Matcher.OnNoMatch.Action.TypedConfig.Unpack<Action>().Name, Is.EqualTo("ALLOW"));
    }
}
