using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Envoy.Config.Cluster.V3;
using Google.Protobuf.Reflection;
using NUnit.Framework;
using Validate;

namespace EnvoyGateway.Sdk.Envoy.Tests;

public sealed class TypeRegistryTests
{
    [Test]
    public void Files_cover_every_proto_listed_for_compilation_plus_the_patched_validate_proto()
    {
        var listed = Regex.Matches(File.ReadAllText(Path.Combine(RepositoryLayout.Root, "src", "EnvoyGateway.Sdk.Envoy", "EnvoyProtos.props")),
                "\\$\\(EnvoyDeps\\)[^/]+/(?<rel>[^\"]+\\.proto)\"")
            .Select(m => m.Groups["rel"].Value)
            .Append("validate/validate.proto")
            .OrderBy(n => n, System.StringComparer.Ordinal)
            .ToList();

        var compiled = EnvoyTypeRegistry.Files.Select(f => f.Name).ToList();

        Assert.That(compiled, Is.EqualTo(listed));
        Assert.That(compiled, Has.Count.GreaterThan(140));
    }

    [Test]
    public void Registry_finds_every_message_of_every_compiled_file()
    {
        var missing = EnvoyTypeRegistry.Files
            .SelectMany(f => f.MessageTypes.SelectMany(AllNested))
            .Where(m => EnvoyTypeRegistry.Registry.Find(m.FullName) is null)
            .Select(m => m.FullName)
            .ToList();

        Assert.That(missing, Is.Empty);
    }

    [TestCase("envoy.config.listener.v3.Listener")]
    [TestCase("envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager")]
    [TestCase("envoy.admin.v3.ConfigDump")]
    [TestCase("envoy.service.discovery.v3.DiscoveryResponse")]
    [TestCase("xds.type.v3.TypedStruct")]
    [TestCase("google.protobuf.Duration")]
    public void FindMessage_resolves_full_names(string name) =>
        Assert.That(EnvoyTypeRegistry.FindMessage(name)?.FullName, Is.EqualTo(name));

    [Test]
    public void FindMessage_returns_null_for_an_unknown_name() =>
        Assert.That(EnvoyTypeRegistry.FindMessage("envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth"), Is.Null);

    [Test]
    public void Validate_annotations_are_kept_in_the_descriptors()
    {
        var connectTimeout = Cluster.Descriptor.FindFieldByName("connect_timeout");
        var rules = connectTimeout.GetOptions().GetExtension(ValidateExtensions.Rules);

        Assert.That(rules, Is.Not.Null);
        Assert.That(rules.Duration.Gt, Is.Not.Null, "Cluster.connect_timeout carries (validate.rules).duration.gt");
    }

    [Test]
    public void Ads_service_base_class_is_generated() =>
        Assert.That(typeof(global::Envoy.Service.Discovery.V3.AggregatedDiscoveryService.AggregatedDiscoveryServiceBase).IsAbstract, Is.True);

    private static IEnumerable<MessageDescriptor> AllNested(MessageDescriptor message) =>
        new[] { message }.Concat(message.NestedTypes.SelectMany(AllNested));
}
