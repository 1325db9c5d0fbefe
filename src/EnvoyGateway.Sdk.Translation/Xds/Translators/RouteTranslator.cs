using System;
using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using Envoy.Config.Route.V3;
using Envoy.Type.Matcher.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Translators;

/// <summary>
/// The RouteConfiguration of an HCM: one virtual host per listener × hostname (in route order), one route per IR route,
/// with Envoy Gateway's defaults (ignore_port_in_host_matching, websocket upgrades on non-gRPC routes).
/// </summary>
internal static class RouteTranslator
{
    private const long HourNanos = 3600L * 1_000_000_000L;

    /// <param name="name">The route configuration name (the HCM's <c>rds.route_config_name</c>).</param>
    /// <param name="listeners">The IR listeners served by the HCM, in order.</param>
    /// <param name="patch">Called for each built route (features).</param>
    public static RouteConfiguration Translate(string name, IEnumerable<HttpListenerIr> listeners, Action<HttpListenerIr, HttpRouteIr, Route> patch)
    {
        var config = new RouteConfiguration { Name = name, IgnorePortInHostMatching = true };
        foreach (var listener in listeners)
        {
            var hosts = new Dictionary<string, VirtualHost>(StringComparer.Ordinal);
            foreach (var route in listener.Routes)
            {
                if (!hosts.TryGetValue(route.Hostname, out var host))
                {
                    host = new VirtualHost { Name = XdsNames.VirtualHost(listener.Name, route.Hostname), Domains = { route.Hostname } };
                    hosts[route.Hostname] = host;
                    config.VirtualHosts.Add(host);
                }

                var xdsRoute = Route(route);
                patch(listener, route, xdsRoute);
                host.Routes.Add(xdsRoute);
            }
        }

        return config;
    }

    public static Route Route(HttpRouteIr ir)
    {
        var route = new Route { Name = ir.Name, Match = Match(ir) };
        route.RequestHeadersToAdd.AddRange(ir.AddRequestHeaders.Select(HeaderOption));
        route.RequestHeadersToRemove.AddRange(ir.RemoveRequestHeaders);
        route.ResponseHeadersToAdd.AddRange(ir.AddResponseHeaders.Select(HeaderOption));
        route.ResponseHeadersToRemove.AddRange(ir.RemoveResponseHeaders);
        if (ir.Redirect is { } redirect)
        {
            route.Redirect = Redirect(redirect);
        }
        else if (ir.DirectResponseStatus is { } status)
        {
            route.DirectResponse = new DirectResponseAction { Status = status };
        }
        else if (ir.Destination is { } destination)
        {
            route.Route_ = Action(ir, destination);
        }

        return route;
    }

    private static RouteMatch Match(HttpRouteIr ir)
    {
        var match = new RouteMatch();
        switch (ir.Path)
        {
            case { Type: "Exact" } p:
                match.Path = p.Value;
                break;
            case { Type: "RegularExpression" } p:
                match.SafeRegex = new RegexMatcher { Regex = p.Value };
                break;
            case { Value: "/" }:
            case null:
                match.Prefix = "/";
                break;
            case { } p:
                // Gateway API prefixes match whole path segments; a trailing slash adds nothing
                match.PathSeparatedPrefix = p.Value.TrimEnd('/');
                break;
        }

        match.Headers.AddRange(ir.Headers.Select(h => new HeaderMatcher { Name = h.Name, StringMatch = StringMatch(h) }));
        match.QueryParameters.AddRange(ir.QueryParams.Select(q => new QueryParameterMatcher { Name = q.Name, StringMatch = StringMatch(q) }));
        return match;
    }

    private static StringMatcher StringMatch(StringMatchIr match) =>
        match.Type == "RegularExpression" ? new StringMatcher { SafeRegex = new RegexMatcher { Regex = match.Value } } : new StringMatcher { Exact = match.Value };

    private static RouteAction Action(HttpRouteIr ir, DestinationIr destination)
    {
        var action = new RouteAction { Cluster = destination.Name };
        if (!ir.IsGrpc)
        {
            action.UpgradeConfigs.Add(new RouteAction.Types.UpgradeConfig { UpgradeType = "websocket" });
        }

        if (ir.RequestTimeoutNanos is { } timeout)
        {
            action.Timeout = ProtoDefaults.Nanos(timeout);
            // A request timeout longer than Envoy's 1h stream idle default would never fire; 0 disables both.
            action.IdleTimeout = ProtoDefaults.Nanos(timeout == 0 ? 0 : Math.Max(HourNanos, timeout));
        }

        if (ir.Rewrite is { } rewrite)
        {
            if (rewrite.Hostname is { } host)
            {
                action.HostRewriteLiteral = host;
            }

            if (rewrite.PathType == "ReplaceFullPath" && rewrite.PathValue is { } full)
            {
                action.RegexRewrite = new RegexMatchAndSubstitute { Pattern = new RegexMatcher { Regex = "^/.*$" }, Substitution = full };
            }
            else if (rewrite.PathType == "ReplacePrefixMatch" && rewrite.PathValue is { } prefix)
            {
                action.PrefixRewrite = prefix;
            }
        }

        return action;
    }

    private static RedirectAction Redirect(RedirectIr redirect)
    {
        var action = new RedirectAction
        {
            ResponseCode = redirect.StatusCode == 301 ? RedirectAction.Types.RedirectResponseCode.MovedPermanently : RedirectAction.Types.RedirectResponseCode.Found,
        };
        if (redirect.Scheme is { } scheme)
        {
            action.SchemeRedirect = scheme;
        }

        if (redirect.Hostname is { } host)
        {
            action.HostRedirect = host;
        }

        if (redirect.Port is { } port)
        {
            action.PortRedirect = (uint)port;
        }

        if (redirect.PathType == "ReplaceFullPath" && redirect.PathValue is { } path)
        {
            action.PathRedirect = path;
        }
        else if (redirect.PathType == "ReplacePrefixMatch" && redirect.PathValue is { } prefix)
        {
            action.PrefixRewrite = prefix;
        }

        return action;
    }

    private static HeaderValueOption HeaderOption(HeaderValueIr header) => new()
    {
        Header = new HeaderValue { Key = header.Name, Value = header.Value },
        AppendAction = header.Append ? HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd : HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd,
    };
}
