using System;

namespace EnvoyGateway.Sdk.Translation.Graph;

/// <summary>Gateway API hostname intersection between a listener and a route (wildcards match one or more labels).</summary>
internal static class Hostnames
{
    public static bool Intersect(string listener, string route)
    {
        if (string.Equals(listener, route, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return WildcardCovers(listener, route) || WildcardCovers(route, listener);
    }

    // "*.example.com" covers "a.example.com", "a.b.example.com" and "*.a.example.com", not "example.com".
    private static bool WildcardCovers(string wildcard, string host) =>
        wildcard.StartsWith("*.", StringComparison.Ordinal)
        && host.Length > wildcard.Length - 1
        && host.EndsWith(wildcard[1..], StringComparison.OrdinalIgnoreCase);
}
