using Envoy.Config.Cluster.V3;
using Envoy.Config.Listener.V3;
using Google.Protobuf.WellKnownTypes;
using NUnit.Framework;
using Xds.Type.V3;

namespace EnvoyGateway.Sdk.Envoy.Tests;

public sealed class YamlParsingTests
{
    [Test]
    public void Scalars_take_the_type_of_their_field()
    {
        var cluster = EnvoyYaml.Parse<Cluster>("""
            name: 8080
            connect_timeout: 10s
            per_connection_buffer_limit_bytes: 32768
            ignore_health_on_host_removal: true
            lb_policy: LEAST_REQUEST
            """);

        Assert.That(cluster.Name, Is.EqualTo("8080"));
        Assert.That(cluster.ConnectTimeout.Seconds, Is.EqualTo(10));
        Assert.That(cluster.PerConnectionBufferLimitBytes, Is.EqualTo(32768));
        Assert.That(cluster.IgnoreHealthOnHostRemoval, Is.True);
        Assert.That(cluster.LbPolicy, Is.EqualTo(Cluster.Types.LbPolicy.LeastRequest));
    }

    [Test]
    public void Strings_that_look_like_other_types_are_quoted_and_read_back_as_strings()
    {
        var cluster = new Cluster { Name = "true", AltStatName = "1.10" };

        var yaml = EnvoyYaml.Format(cluster);

        Assert.That(yaml, Does.Contain("name: \"true\""));
        Assert.That(EnvoyYaml.Parse<Cluster>(yaml), Is.EqualTo(cluster));
    }

    [Test]
    public void Struct_values_keep_their_json_types()
    {
        var typed = new TypedStruct { TypeUrl = "type.googleapis.com/x.Y", Value = Struct.Parser.ParseJson("""{"n": 3, "s": "3", "b": false, "l": [1, "a"], "o": {"k": null}}""") };

        var back = EnvoyYaml.Parse<TypedStruct>(EnvoyYaml.Format(typed));

        Assert.That(back, Is.EqualTo(typed));
    }

    [Test]
    public void Unknown_field_is_reported_with_line_column_and_name()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyYaml.Parse<Listener>("""
            name: l
            address:
              socket_address:
                bogus_field: 1
            """));

        Assert.That(error!.Message, Does.StartWith("line 4, column 5:"));
        Assert.That(error.Message, Does.Contain("unknown field 'bogus_field' in envoy.config.core.v3.SocketAddress"));
    }

    [Test]
    public void A_list_where_an_object_belongs_is_reported_with_its_path()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyYaml.Parse<Listener>("address: [1, 2]\n"));

        Assert.That(error!.Message, Is.EqualTo("line 1, column 10: envoy.config.listener.v3.Listener.address: expected an object, found a list"));
    }

    [Test]
    public void Invalid_yaml_is_reported_with_its_position()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyYaml.Parse<Listener>("name: [unclosed\n"));

        Assert.That(error!.Message, Does.StartWith("line "));
        Assert.That(error.Message, Does.Contain("invalid YAML"));
    }

    [Test]
    public void An_any_with_an_unknown_type_is_reported()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyYaml.Parse<global::Envoy.Config.Core.V3.TypedExtensionConfig>("""
            name: x
            typed_config:
              "@type": type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth
            """));

        Assert.That(error!.Message, Does.Contain("unknown type 'type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth'"));
    }

    [Test]
    public void Invalid_json_value_is_wrapped_with_the_message_type()
    {
        var error = Assert.Throws<EnvoyFormatException>(() => EnvoyJson.Parse<Cluster>("""{"connectTimeout": "soon"}"""));

        Assert.That(error!.Message, Does.StartWith("Invalid JSON for envoy.config.cluster.v3.Cluster:"));
    }
}
