using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Translation.Merging;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Translation.Tests.Merging;

/// <summary>The two merge types a route-level policy may ask for (policy-attachment.md section 5.3).</summary>
public sealed class MergePatchTests
{
    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    private static string Strategic(string parent, string route) =>
        StrategicMergePatch.Apply(Json(parent), Json(route), MergeKeys.BackendTrafficPolicy)!.ToJsonString();

    private static string JsonMerge(string parent, string route) => JsonMergePatch.Apply(Json(parent), Json(route))!.ToJsonString();

    [Test]
    public void Strategic_merge_combines_compressors_by_type_route_items_first() =>
        Assert.That(
            Strategic("""{"spec":{"compressor":[{"type":"Gzip"}]}}""", """{"spec":{"compressor":[{"type":"Brotli"}]}}"""),
            Is.EqualTo("""{"spec":{"compressor":[{"type":"Brotli"},{"type":"Gzip"}]}}"""));

    [Test]
    public void Strategic_merge_merges_items_with_the_same_key() =>
        Assert.That(
            Strategic("""{"spec":{"compressor":[{"type":"Gzip","minContentLength":"100"}]}}""", """{"spec":{"compressor":[{"type":"Gzip","gzip":{}}]}}"""),
            Is.EqualTo("""{"spec":{"compressor":[{"type":"Gzip","minContentLength":"100","gzip":{}}]}}"""));

    [Test]
    public void Strategic_merge_with_only_mergeType_inherits_the_parent_list() =>
        Assert.That(
            Strategic("""{"spec":{"compressor":[{"type":"Gzip"}],"timeout":{"http":{"requestTimeout":"5s"}}}}""", """{"spec":{"mergeType":"StrategicMerge"}}"""),
            Is.EqualTo("""{"spec":{"compressor":[{"type":"Gzip"}],"timeout":{"http":{"requestTimeout":"5s"}},"mergeType":"StrategicMerge"}}"""));

    [Test]
    public void Strategic_merge_replaces_lists_without_a_merge_key() =>
        Assert.That(
            Strategic("""{"spec":{"retry":{"retryOn":{"triggers":["5xx","reset"]}}}}""", """{"spec":{"retry":{"retryOn":{"triggers":["connect-failure"]}}}}"""),
            Is.EqualTo("""{"spec":{"retry":{"retryOn":{"triggers":["connect-failure"]}}}}"""));

    [Test]
    public void Strategic_merge_recurses_into_objects_and_route_scalars_win() =>
        Assert.That(
            Strategic("""{"spec":{"circuitBreaker":{"maxConnections":10,"maxPendingRequests":5}}}""", """{"spec":{"circuitBreaker":{"maxConnections":50}}}"""),
            Is.EqualTo("""{"spec":{"circuitBreaker":{"maxConnections":50,"maxPendingRequests":5}}}"""));

    [Test]
    public void Json_merge_replaces_lists_wholesale() =>
        Assert.That(
            JsonMerge("""{"spec":{"compressor":[{"type":"Gzip"}]}}""", """{"spec":{"compressor":[{"type":"Brotli"}]}}"""),
            Is.EqualTo("""{"spec":{"compressor":[{"type":"Brotli"}]}}"""));

    [Test]
    public void Json_merge_null_deletes_a_field() =>
        Assert.That(
            JsonMerge("""{"spec":{"timeout":{"tcp":{"connectTimeout":"1s"}},"retry":{"numRetries":3}}}""", """{"spec":{"retry":null}}"""),
            Is.EqualTo("""{"spec":{"timeout":{"tcp":{"connectTimeout":"1s"}}}}"""));

    [Test]
    public void Merging_does_not_modify_its_inputs()
    {
        var parent = Json("""{"spec":{"compressor":[{"type":"Gzip"}],"a":{"b":1}}}""");
        var route = Json("""{"spec":{"compressor":[{"type":"Brotli"}],"a":{"c":2}}}""");
        var (parentBefore, routeBefore) = (parent.ToJsonString(), route.ToJsonString());

        _ = StrategicMergePatch.Apply(parent, route, MergeKeys.BackendTrafficPolicy);
        _ = JsonMergePatch.Apply(parent, route);

        Assert.That((parent.ToJsonString(), route.ToJsonString()), Is.EqualTo((parentBefore, routeBefore)));
    }
}
