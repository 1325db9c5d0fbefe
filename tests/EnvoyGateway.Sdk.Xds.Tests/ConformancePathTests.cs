using System.Text.Json.Nodes;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class ConformancePathTests
{
    private static readonly JsonNode Resource = JsonNode.Parse("""
        {"name": "l", "filters": [{"name": "a.b", "typedConfig": {"@type": "type.googleapis.com/x.Y", "n": 1, "m": {"k.1": "v"}}}]}
        """)!;

    [TestCase("filters[?name=a.b].typedConfig<x.Y>.n", "1")]
    [TestCase("filters[?name^=a.].typedConfig<x.Y>.m[\"k.1\"]", "\"v\"")]
    [TestCase("filters[0].name", "\"a.b\"")]
    public void Paths_resolve(string path, string json)
    {
        var (found, value, _) = ConformancePath.Resolve(Resource, path);
        Assert.That(found, Is.True);
        Assert.That(ConformancePath.JsonEquals(value, JsonNode.Parse(json)), Is.True);
    }

    [TestCase("filters[?name=zzz].name")]
    [TestCase("filters[0].typedConfig<x.Z>.n")]
    [TestCase("filters[3]")]
    [TestCase("nothing")]
    public void Missing_steps_are_reported(string path) => Assert.That(ConformancePath.Resolve(Resource, path).Found, Is.False);
}
