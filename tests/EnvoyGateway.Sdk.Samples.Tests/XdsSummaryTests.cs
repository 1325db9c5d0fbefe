using System.IO;
using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Samples.Tests;

/// <summary>samples/XdsSummary: a Gateway with all three policy kinds translated to xDS and summarised.</summary>
public sealed class XdsSummaryTests
{
    [Test]
    public void The_summary_shows_what_each_policy_changed_in_the_xds()
    {
        var input = Path.Combine(SharedMaterial.RepositoryRoot, "samples", "XdsExample", "gateway.yaml");

        var summary = XdsSummary.Summary.Of(input);

        Assert.That(summary, Does.Contain("BackendTrafficPolicy default/backend-resilience: accepted"));
        Assert.That(summary, Does.Contain("listener default/eg/http: envoy.filters.http.cors -> envoy.filters.http.router"), "SecurityPolicy CORS filter");
        Assert.That(summary, Does.Contain("-> httproute/default/backend/rule/0, 3 retries"), "BackendTrafficPolicy retry");
        Assert.That(summary, Does.Contain("cluster httproute/default/backend/rule/0, maxConnections 50"), "BackendTrafficPolicy circuit breaker");
        Assert.That(summary, Does.Not.Contain("warning:"));
    }
}
