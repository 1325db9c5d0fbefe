using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>
/// Null list items and nameless entries the CRD would refuse but a file can hold, in the features outside rate limit:
/// an error naming the feature and the JSON path, never a crash (each was one, found by the bad-input sweep).
/// </summary>
public class NullItemTests
{
    [TestCase("loadBalancer: {type: ConsistentHash, consistentHash: {type: Headers, headers: [null]}}", "LoadBalancer: spec.loadBalancer.consistentHash.headers[0] must not be null")]
    [TestCase("loadBalancer: {type: ConsistentHash, consistentHash: {type: Headers, headers: [{name: a}, {}]}}", "LoadBalancer: spec.loadBalancer.consistentHash.headers[1].name is required")]
    [TestCase("loadBalancer: {type: ConsistentHash, consistentHash: {type: QueryParams, queryParams: [null]}}", "LoadBalancer: spec.loadBalancer.consistentHash.queryParams[0] must not be null")]
    [TestCase("retry: {retryOn: {triggers: [5xx, null]}}", "Retry: spec.retry.retryOn.triggers[1] must not be null")]
    [TestCase("responseOverride: [null]", "ResponseOverride: spec.responseOverride[0] must not be null")]
    [TestCase("responseOverride: [{match: {statusCodes: [null]}, response: {contentType: text/plain}}]", "ResponseOverride: spec.responseOverride[0].match.statusCodes[0] must not be null")]
    [TestCase("responseOverride: [{match: {statusCodes: [{value: 500}]}, response: {header: {add: [{value: x}]}}}]", "ResponseOverride: spec.responseOverride[0].response.header.add[0].name is required")]
    [TestCase("compressor: [null]", "Compression: spec.compressor[0] must not be null")]
    [TestCase("compression: [{type: Gzip}, null]", "Compression: spec.compression[1] must not be null")]
    public void Null_items_are_errors_naming_the_path(string spec, string expected)
    {
        var errors = BackendTrafficFeatures.Build(Policies.FromSpec(spec), new FakeFeatureContext());
        Assert.That(string.Join('\n', errors.Items), Is.EqualTo(expected));
    }

    [Test]
    public void A_null_compressor_item_leaves_no_compression_to_translate()
    {
        var set = BackendTrafficFeatures.BuildAll(Policies.FromSpec("compressor: [{type: Gzip}, null]"), new FakeFeatureContext(), null, BackendTrafficOptions.Default);
        Assert.That(set.Compression, Is.Null);
    }
}
