using System.Linq;
using EnvoyGateway.Sdk.Translation.Features.BackendTraffic;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.BackendTraffic.Tests;

/// <summary>
/// Rate-limit rules the CRD would refuse but a file can hold (unknown unit, missing limit, null items, missing names):
/// a <c>RateLimit</c> error naming the JSON path and the bad value, never a crash or a zero fill interval.
/// </summary>
public class RateLimitRequiredValueTests
{
    private const string Local = "rateLimit:\n  type: Local\n  local:\n    rules:\n";
    private const string Global = "rateLimit:\n  type: Global\n  global:\n    rules:\n";

    [TestCase(Local + "    - limit: {requests: 10, unit: Fortnight}", "RateLimit: spec.rateLimit.local.rules[0].limit.unit: unknown unit \"Fortnight\", expected one of Second, Minute, Hour, Day, Week, Month, Year")]
    [TestCase(Local + "    - limit: {requests: 10, unit: Hour}\n    - clientSelectors: [{headers: [{name: x, value: a}]}]\n      limit: {requests: 5, unit: second}", "RateLimit: spec.rateLimit.local.rules[1].limit.unit: unknown unit \"second\", expected one of Second, Minute, Hour, Day, Week, Month, Year")]
    [TestCase(Global + "    - clientSelectors: [{headers: [{name: x, value: a}]}]\n      limit: {requests: 10, unit: ''}", "RateLimit: spec.rateLimit.global.rules[0].limit.unit: unknown unit \"\", expected one of Second, Minute, Hour, Day, Week, Month, Year")]
    [TestCase(Local + "    - limit: {requests: 10}", "RateLimit: spec.rateLimit.local.rules[0].limit.unit is required")]
    [TestCase(Local + "    - clientSelectors: [{headers: [{name: x, value: a}]}]", "RateLimit: spec.rateLimit.local.rules[0].limit is required")]
    [TestCase(Global + "    - clientSelectors: [{headers: [{name: x, value: a}]}]", "RateLimit: spec.rateLimit.global.rules[0].limit is required")]
    [TestCase(Local + "    - null", "RateLimit: spec.rateLimit.local.rules[0] must not be null")]
    [TestCase(Global + "    - limit: {requests: 1, unit: Hour}\n    - null", "RateLimit: spec.rateLimit.global.rules[1] must not be null")]
    [TestCase(Local + "    - clientSelectors: [null]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.local.rules[0].clientSelectors[0] must not be null")]
    [TestCase(Global + "    - clientSelectors: [{headers: [null]}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.global.rules[0].clientSelectors[0].headers[0] must not be null")]
    [TestCase(Local + "    - clientSelectors: [{headers: [{value: a}]}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.local.rules[0].clientSelectors[0].headers[0].name is required")]
    [TestCase(Global + "    - clientSelectors: [{methods: [null]}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.global.rules[0].clientSelectors[0].methods[0] must not be null")]
    [TestCase(Local + "    - clientSelectors: [{methods: [{invert: true}]}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.local.rules[0].clientSelectors[0].methods[0].value is required")]
    [TestCase(Global + "    - clientSelectors: [{queryParams: [{type: Distinct}]}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.global.rules[0].clientSelectors[0].queryParams[0].name is required")]
    [TestCase(Local + "    - clientSelectors: [{path: {value: /a}}, {sourceCIDR: {type: Distinct}}]\n      limit: {requests: 1, unit: Hour}", "RateLimit: spec.rateLimit.local.rules[0].clientSelectors[1].sourceCIDR.value is required")]
    public void Rules_the_crd_would_refuse_are_errors_naming_the_path(string spec, string expected)
    {
        var errors = BackendTrafficFeatures.Build(Policies.FromSpec(spec), new FakeFeatureContext());
        Assert.That(string.Join('\n', errors.Items), Is.EqualTo(expected));
    }

    [Test]
    public void Every_crd_unit_is_accepted_and_has_a_fill_interval()
    {
        foreach (var unit in RateLimitFeature.Units)
        {
            var spec = Local + "    - limit: {requests: 10, unit: " + unit + "}";
            var set = BackendTrafficFeatures.BuildAll(Policies.FromSpec(spec), new FakeFeatureContext(), null, BackendTrafficOptions.Default);
            Assert.Multiple(() =>
            {
                Assert.That(set.Errors.Items, Is.Empty, unit);
                Assert.That(set.RateLimit!.Local!.DefaultUnit, Is.EqualTo(unit));
                Assert.That(RateLimitFeature.UnitSeconds(unit), Is.GreaterThan(0), unit);
            });
        }
    }

    [Test]
    public void An_invalid_rule_leaves_no_rate_limit_to_translate()
    {
        var spec = Local + "    - limit: {requests: 10, unit: Fortnight}";
        var set = BackendTrafficFeatures.BuildAll(Policies.FromSpec(spec), new FakeFeatureContext(), null, BackendTrafficOptions.Default);
        Assert.Multiple(() =>
        {
            Assert.That(set.RateLimit, Is.Null);
            Assert.That(set.Errors.Items.Single(), Does.StartWith("RateLimit: spec.rateLimit.local.rules[0].limit.unit: unknown unit \"Fortnight\""));
        });
    }
}
