using System.Text.Json;
using Envoy.Config.Listener.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Envoy.Tests;

public sealed class FormattingRoundTripTests
{
    [TestCase(EnvoyJsonNaming.CamelCase, false)]
    [TestCase(EnvoyJsonNaming.SnakeCase, false)]
    [TestCase(EnvoyJsonNaming.CamelCase, true)]
    public void Listener_with_typed_http_filters_round_trips_through_json(EnvoyJsonNaming naming, bool indented)
    {
        var listener = SampleMessages.ListenerWithHttpFilters();

        var json = EnvoyJson.Format(listener, naming, indented);
        var back = EnvoyJson.Parse<Listener>(json);

        Assert.That(back, Is.EqualTo(listener));
        Assert.That(back.DefaultFilterChain.Filters[0].TypedConfig.Unpack<HttpConnectionManager>().HttpFilters, Has.Count.EqualTo(5));
    }

    [TestCase(EnvoyJsonNaming.CamelCase)]
    [TestCase(EnvoyJsonNaming.SnakeCase)]
    public void Listener_with_typed_http_filters_round_trips_through_yaml(EnvoyJsonNaming naming)
    {
        var listener = SampleMessages.ListenerWithHttpFilters();

        var yaml = EnvoyYaml.Format(listener, naming);
        var back = EnvoyYaml.Parse<Listener>(yaml);

        Assert.That(back, Is.EqualTo(listener), yaml);
    }

    [Test]
    public void CamelCase_json_uses_json_names_and_type_urls_in_every_any()
    {
        var json = EnvoyJson.Format(SampleMessages.ListenerWithHttpFilters());

        Assert.That(json, Does.Contain("\"typedConfig\""));
        Assert.That(json, Does.Contain("\"@type\": \"type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager\""));
        Assert.That(json, Does.Contain("\"@type\": \"type.googleapis.com/envoy.extensions.compression.gzip.compressor.v3.Gzip\""));
        Assert.That(json, Does.Not.Contain("typed_config"));
    }

    [Test]
    public void SnakeCase_json_uses_proto_field_names()
    {
        var json = EnvoyJson.Format(SampleMessages.ListenerWithHttpFilters(), EnvoyJsonNaming.SnakeCase);

        Assert.That(json, Does.Contain("\"typed_config\""));
        Assert.That(json, Does.Contain("\"per_connection_buffer_limit_bytes\""));
        Assert.That(json, Does.Not.Contain("typedConfig"));
    }

    [Test]
    public void Equal_messages_format_to_identical_bytes_whatever_the_map_insertion_order()
    {
        var a = SampleMessages.ListenerWithHttpFilters(reverseMapOrder: false);
        var b = SampleMessages.ListenerWithHttpFilters(reverseMapOrder: true);
        Assert.That(SampleMessages.JwtConfig(a), Is.EqualTo(SampleMessages.JwtConfig(b)), "precondition: equal JWT configs");
        Assert.That(a, Is.Not.EqualTo(b), "precondition: the packed bytes differ because map entries were added in another order");

        Assert.That(EnvoyJson.Format(b), Is.EqualTo(EnvoyJson.Format(a)));
        Assert.That(EnvoyYaml.Format(b), Is.EqualTo(EnvoyYaml.Format(a)));
    }

    [Test]
    public void Map_keys_are_written_in_ordinal_order_inside_any_payloads()
    {
        var json = EnvoyJson.Format(SampleMessages.ListenerWithHttpFilters(reverseMapOrder: true));

        var alpha = json.IndexOf("\"alpha\"", System.StringComparison.Ordinal);
        var beta = json.IndexOf("\"beta\"", System.StringComparison.Ordinal);
        var gamma = json.IndexOf("\"gamma\"", System.StringComparison.Ordinal);
        Assert.That(alpha, Is.GreaterThan(0));
        Assert.That(alpha, Is.LessThan(beta));
        Assert.That(beta, Is.LessThan(gamma));
    }

    [Test]
    public void Formatting_does_not_modify_the_message()
    {
        var listener = SampleMessages.ListenerWithHttpFilters(reverseMapOrder: true);
        var before = listener.Clone();

        _ = EnvoyJson.Format(listener);

        Assert.That(listener, Is.EqualTo(before));
    }

    [Test]
    public void Json_output_is_valid_json_with_64_bit_integers_as_strings()
    {
        var cluster = new global::Envoy.Config.Cluster.V3.Cluster { Name = "c", MaxRequestsPerConnection = 7, CircuitBreakers = new() };
        cluster.CircuitBreakers.Thresholds.Add(new global::Envoy.Config.Cluster.V3.CircuitBreakers.Types.Thresholds { MaxConnections = 1024 });
        var admin = new global::Envoy.Config.Core.V3.HealthCheck { Interval = new() { Seconds = 3 }, Timeout = new() { Nanos = 250_000_000 } };

        using var doc = JsonDocument.Parse(EnvoyJson.Format(cluster));
        Assert.That(doc.RootElement.GetProperty("circuitBreakers").GetProperty("thresholds")[0].GetProperty("maxConnections").GetInt32(), Is.EqualTo(1024));
        Assert.That(EnvoyJson.Format(admin), Does.Contain("\"0.250s\""));
    }
}
