using System.Linq;
using Google.Protobuf.WellKnownTypes;
using NUnit.Framework;
using Xds.Type.V3;

namespace EnvoyGateway.Sdk.Envoy.Tests;

public sealed class EnvoyApiGapsTests
{
    private static readonly EnvoyApiGap[] MessageGaps = EnvoyApiGaps.All.Where(g => g.Field is null).ToArray();
    private static readonly EnvoyApiGap[] FieldGaps = EnvoyApiGaps.All.Where(g => g.Field is not null).ToArray();

    [TestCaseSource(nameof(MessageGaps))]
    public void Listed_missing_message_is_really_absent(EnvoyApiGap gap) =>
        Assert.That(EnvoyTypeRegistry.FindMessage(gap.Message), Is.Null, $"{gap.Name} is compiled now: remove it from EnvoyApiGaps");

    [TestCaseSource(nameof(FieldGaps))]
    public void Listed_missing_field_belongs_to_a_compiled_message_that_lacks_it(EnvoyApiGap gap)
    {
        var message = EnvoyTypeRegistry.FindMessage(gap.Message);

        Assert.That(message, Is.Not.Null, $"{gap.Message} is not compiled: list the message, not its field");
        Assert.That(message!.FindFieldByName(gap.Field!), Is.Null, $"{gap.Name} exists now: remove it from EnvoyApiGaps");
    }

    [Test]
    public void Catalogue_is_ordered_and_free_of_duplicates()
    {
        Assert.That(EnvoyApiGaps.All.Select(g => g.Name).Distinct().Count(), Is.EqualTo(EnvoyApiGaps.All.Length));
        Assert.That(EnvoyApiGaps.Find("envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth")?.Feature, Is.EqualTo("SecurityPolicy apiKeyAuth"));
        Assert.That(EnvoyApiGaps.Find("envoy.config.route.v3.RateLimit", "hits_addend"), Is.Not.Null);
        Assert.That(EnvoyApiGaps.Find("envoy.config.route.v3.RateLimit", "stage"), Is.Null);
    }

    [Test]
    public void Missing_extension_config_packs_as_a_typed_struct_that_formats_and_parses()
    {
        var config = Struct.Parser.ParseJson("""{"credentials": [{"client": "team-a"}], "keySources": [{"header": "x-api-key"}]}""");

        var any = EnvoyApiGaps.PackAsTypedStruct("envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth", config);

        Assert.That(any.TypeUrl, Is.EqualTo("type.googleapis.com/xds.type.v3.TypedStruct"));
        var typed = any.Unpack<TypedStruct>();
        Assert.That(typed.TypeUrl, Is.EqualTo("type.googleapis.com/envoy.extensions.filters.http.api_key_auth.v3.ApiKeyAuth"));
        Assert.That(typed.Value, Is.EqualTo(config));

        var holder = new global::Envoy.Config.Core.V3.TypedExtensionConfig { Name = "envoy.filters.http.api_key_auth", TypedConfig = any };
        Assert.That(EnvoyJson.Parse<global::Envoy.Config.Core.V3.TypedExtensionConfig>(EnvoyJson.Format(holder)), Is.EqualTo(holder));
    }
}
