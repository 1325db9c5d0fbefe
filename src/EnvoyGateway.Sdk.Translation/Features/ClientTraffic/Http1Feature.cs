using System;
using System.Linq;
using EnvoyGateway.Sdk.Policies.V1Alpha1;

namespace EnvoyGateway.Sdk.Translation.Features.ClientTraffic;

/// <summary><c>spec.http1</c> (prefix <c>HTTP1</c>).</summary>
internal static class Http1Feature
{
    public const string Prefix = "HTTP1";

    public static Http1Settings? Build(ClientTrafficPolicySpecHttp1? http1, ClientTrafficListener listener, out string? error)
    {
        error = null;
        if (http1 is null)
        {
            return null;
        }

        string? defaultHost = null;
        var http10 = http1.Http10 is not null;
        if (http1.Http10?.UseDefaultHost == true)
        {
            foreach (var hostname in listener.EffectiveHostnames)
            {
                if (!hostname.Contains('*', StringComparison.Ordinal))
                {
                    defaultHost = hostname;
                    break;
                }
            }

            if (defaultHost is null)
            {
                error = "cannot set http10 default host on listener with only wildcard hostnames";
                return null;
            }
        }

        return new Http1Settings(
            http1.EnableTrailers ?? false,
            http1.PreserveHeaderCase ?? false,
            http10,
            defaultHost,
            http1.DisableSafeMaxConnectionDuration ?? false)
        {
            IgnoredUpgradeTypes = http1.IgnoredUpgradeTypes?.Select(t => t.Value).ToList() ?? [],
        };
    }
}
