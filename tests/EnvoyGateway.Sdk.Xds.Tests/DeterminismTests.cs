using EnvoyGateway.Sdk.TestSupport;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class DeterminismTests
{
    [TestCase("btp-circuit-breaker-gateway-two-routes")]
    [TestCase("ctp-mtls-verify-if-given-san")]
    [TestCase("sp-tcproute-authorization")]
    public void Translating_twice_gives_byte_identical_json(string caseName)
    {
        var file = System.IO.Path.Combine(SharedMaterial.Require("conformance/xds"), caseName, "in.yaml");
        var yaml = System.IO.File.ReadAllText(file);
        var first = Inputs.Json(Inputs.TranslateOne(yaml));
        var second = Inputs.Json(Inputs.TranslateOne(yaml));
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Does.Contain("\"@type\": \"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\"").Or.Contain("\"@type\":\"type.googleapis.com/envoy.admin.v3.ListenersConfigDump\""));
    }

    [Test]
    public void Gateways_come_out_in_name_order_whatever_the_input_order()
    {
        var listener = "- name: http\n  protocol: HTTP\n  port: 80";
        var gateways = Inputs.Translate(Inputs.GatewayClass, Inputs.Gateway("zeta", listener), Inputs.Gateway("alpha", listener));
        Assert.That(gateways.Length, Is.EqualTo(2));
        Assert.That(gateways[0].Gateway, Is.EqualTo("default/alpha"));
        Assert.That(gateways[1].Gateway, Is.EqualTo("default/zeta"));
    }
}
