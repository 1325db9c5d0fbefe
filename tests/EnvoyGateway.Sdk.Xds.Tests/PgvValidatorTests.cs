using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Cluster.V3;
using Envoy.Config.Core.V3;
using Envoy.Config.Listener.V3;
using Envoy.Config.Route.V3;
using Envoy.Extensions.Filters.Http.Router.V3;
using Envoy.Extensions.Filters.Network.HttpConnectionManager.V3;
using Envoy.Extensions.TransportSockets.Tls.V3;
using Envoy.Type.Matcher.V3;
using Envoy.Type.V3;
using EnvoyGateway.Sdk.Translation.Xds.Validation;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using NUnit.Framework;
using Validate;
using XdsMatcher = Xds.Type.Matcher.V3.Matcher;

namespace EnvoyGateway.Sdk.Xds.Tests;

public class PgvValidatorTests
{
    private static Route ValidRoute() => new()
    {
        Name = "r",
        Match = new RouteMatch { Prefix = "/" },
        Route_ = new RouteAction { Cluster = "c" },
    };

    private static IReadOnlyList<string> Check(IMessage message) => PgvValidator.Validate(message);

    [Test]
    public void A_valid_route_has_no_violations() => Assert.That(Check(ValidRoute()), Is.Empty);

    [Test]
    public void Required_message()
    {
        var route = ValidRoute();
        route.Match = null;
        Assert.That(Check(route), Is.EqualTo(new[] { "match: value is required" }));
    }

    [Test]
    public void Required_oneof()
    {
        var route = ValidRoute();
        route.ClearAction();
        Assert.That(Check(route), Has.Some.StartsWith("action: exactly one field is required"));
    }

    [Test]
    public void String_min_len()
    {
        var host = new VirtualHost { Name = string.Empty, Domains = { "*" } };
        Assert.That(Check(host), Has.Some.StartsWith("name: must be at least 1"));
    }

    [Test]
    public void String_max_bytes_and_well_known_header_name()
    {
        var header = new HeaderValue { Key = new string('k', 16385) };
        Assert.That(Check(header), Has.Some.Contains("at most 16384 bytes"));
        var matcher = new HeaderMatcher { Name = "bad\nname", PresentMatch = true };
        Assert.That(Check(matcher), Has.Some.StartsWith("name: must be a valid HTTP header name"));
    }

    [Test]
    public void String_pattern()
    {
        var route = ValidRoute();
        route.Match = new RouteMatch { PathSeparatedPrefix = "/api/" };
        Assert.That(Check(route), Has.Some.StartsWith("match.pathSeparatedPrefix: does not match pattern"));
    }

    [Test]
    public void String_in()
    {
        var hcm = ValidHcm();
        hcm.SchemeHeaderTransformation = new SchemeHeaderTransformation { SchemeToOverwrite = "ftp" };
        Assert.That(Check(hcm), Has.Some.StartsWith("schemeHeaderTransformation.schemeToOverwrite: must be one of [http, https]"));
    }

    [Test]
    public void Uint32_range_on_a_wrapper()
    {
        var options = new Http2ProtocolOptions { InitialStreamWindowSize = 100, MaxConcurrentStreams = 0 };
        var violations = Check(options);
        Assert.That(violations, Has.Some.StartsWith("initialStreamWindowSize: value 100 is out of range (>= 65535, <= 2147483647)"));
        Assert.That(violations, Has.Some.StartsWith("maxConcurrentStreams: value 0 is out of range"));
    }

    [Test]
    public void Double_range() => Assert.That(Check(new Percent { Value = 150 }), Has.Some.StartsWith("value: value 150 is out of range (>= 0, <= 100)"));

    [Test]
    public void Enum_defined_only_and_not_in()
    {
        var cluster = new Cluster { Name = "c", DnsLookupFamily = (Cluster.Types.DnsLookupFamily)99 };
        Assert.That(Check(cluster), Has.Some.StartsWith("dnsLookupFamily: value 99 is not defined"));
        var san = new SubjectAltNameMatcher { Matcher = new StringMatcher { Exact = "a" } };
        Assert.That(Check(san), Has.Some.StartsWith("sanType: value 0 is not allowed"));
    }

    [Test]
    public void Duration_gt()
    {
        var cluster = new Cluster { Name = "c", ConnectTimeout = new Duration() };
        Assert.That(Check(cluster), Has.Some.StartsWith("connectTimeout: value \"0s\" is out of range (> 0)"));
    }

    [Test]
    public void Repeated_min_and_max_items()
    {
        Assert.That(Check(new VirtualHost { Name = "v" }), Has.Some.StartsWith("domains: must contain at least 1 item"));
        var host = new VirtualHost { Name = "v", Domains = { "*" } };
        host.RequestHeadersToAdd.AddRange(Enumerable.Range(0, 1001).Select(i => new HeaderValueOption { Header = new HeaderValue { Key = "k", Value = "v" } }));
        Assert.That(Check(host), Has.Some.StartsWith("requestHeadersToAdd: must contain no more than 1000 item(s)"));
    }

    [Test]
    public void Map_min_pairs()
    {
        var matcher = new XdsMatcher { MatcherTree = new XdsMatcher.Types.MatcherTree { Input = Extension(), ExactMatchMap = new XdsMatcher.Types.MatcherTree.Types.MatchMap() } };
        Assert.That(Check(matcher), Has.Some.StartsWith("matcherTree.exactMatchMap.map: must contain at least 1 pair"));
    }

    [Test]
    public void Bool_const()
    {
        var predicate = new ListenerFilterChainMatchPredicate { AnyMatch = false };
        Assert.That(Check(predicate), Has.Some.StartsWith("anyMatch: must equal true"));
    }

    [Test]
    public void Any_required_and_payloads_are_walked()
    {
        Assert.That(Check(new TypedExtensionConfig { Name = "x" }), Has.Some.StartsWith("typedConfig: value is required"));

        var hcm = ValidHcm();
        hcm.StatPrefix = string.Empty;
        var filter = new global::Envoy.Config.Listener.V3.Filter { Name = "envoy.filters.network.http_connection_manager", TypedConfig = Any.Pack(hcm) };
        Assert.That(Check(filter), Is.EqualTo(new[]
        {
            "typedConfig<envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager>.statPrefix: must be at least 1 character(s) long",
        }));
    }

    [Test]
    public void Nested_lists_report_their_index()
    {
        var config = new RouteConfiguration { Name = "rc", VirtualHosts = { new VirtualHost { Name = "v", Domains = { "*" }, Routes = { ValidRoute(), new Route { Match = new RouteMatch { Prefix = "/" } } } } } };
        Assert.That(Check(config), Has.Some.StartsWith("virtualHosts[0].routes[1].action: exactly one field is required"));
    }

    [Test]
    public void Map_values_report_their_key_and_payload_type()
    {
        var hcm = ValidHcm();
        hcm.StatPrefix = string.Empty;
        var route = ValidRoute();
        route.TypedPerFilterConfig.Add("envoy.filters.x", Any.Pack(hcm));
        Assert.That(Check(route), Is.EqualTo(new[]
        {
            "typedPerFilterConfig[\"envoy.filters.x\"]<envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager>.statPrefix: must be at least 1 character(s) long",
        }));
    }

    [TestCase("x-ok", true)]
    [TestCase(":authority", true)]
    [TestCase(":", false)]
    [TestCase("", false)]
    [TestCase("bad name", false)]
    [TestCase("trailing-newline\n", false)]
    public void Strict_header_names(string name, bool valid)
    {
        var violations = new List<string>();
        PgvStringRules.Check(name, new StringRules { WellKnownRegex = KnownRegex.HttpHeaderName }, "name", violations);
        Assert.That(violations, valid ? Is.Empty : Is.EqualTo(new[] { "name: must be a valid HTTP header name" }));
    }

    [TestCase("tab\tis fine", true)]
    [TestCase("line\nbreak", false)]
    [TestCase("trailing newline\n", false)]
    [TestCase("del\u007f", false)]
    public void Strict_header_values(string value, bool valid)
    {
        var violations = new List<string>();
        PgvStringRules.Check(value, new StringRules { WellKnownRegex = KnownRegex.HttpHeaderValue }, "value", violations);
        Assert.That(violations, valid ? Is.Empty : Is.EqualTo(new[] { "value: must be a valid HTTP header value" }));
    }

    [Test]
    public void Loose_header_values_only_reject_nul_cr_and_lf() =>
        Assert.That(Check(new HeaderValue { Key = "k", Value = "del\u007f but\r" }), Is.EqualTo(new[] { "value: must be a valid HTTP header value" }));

    [Test]
    public void Lengths_count_code_points_not_utf16_units()
    {
        var violations = new List<string>();
        PgvStringRules.Check("\U0001F600\U0001F600", new StringRules { MaxLen = 2, MinLen = 2 }, "emoji", violations);
        PgvStringRules.Check("\U0001F600\U0001F600\U0001F600", new StringRules { MaxLen = 2 }, "three", violations);
        Assert.That(violations, Is.EqualTo(new[] { "three: must be at most 2 characters long" }));
    }

    // Rule kinds no compiled Envoy field uses: checked on the rule functions directly.
    [Test]
    public void String_rules_without_an_envoy_field()
    {
        var violations = new List<string>();
        PgvStringRules.Check("hello", new StringRules { Prefix = "x", Suffix = "y", Contains = "z", NotContains = "ell", MaxLen = 3, Len = 4, Const = "c", LenBytes = 1 }, "f", violations);
        Assert.That(violations, Has.Count.EqualTo(8));
        violations.Clear();
        PgvStringRules.Check("not-an-ip", new StringRules { Ipv4 = true }, "f", violations);
        PgvStringRules.Check("a@", new StringRules { Email = true }, "g", violations);
        PgvStringRules.Check("-bad-.example", new StringRules { Hostname = true }, "h", violations);
        PgvStringRules.Check("nope", new StringRules { Uuid = true }, "i", violations);
        Assert.That(violations, Is.EqualTo(new[]
        {
            "f: must be a valid IPv4 address", "g: must be a valid email address", "h: must be a valid hostname", "i: must be a valid UUID",
        }));
        violations.Clear();
        PgvStringRules.Check(string.Empty, new StringRules { MinLen = 3, IgnoreEmpty = true }, "f", violations);
        Assert.That(violations, Is.Empty);
    }

    [Test]
    public void Bytes_rules()
    {
        var violations = new List<string>();
        PgvStringRules.Check(ByteString.CopyFromUtf8("abc"), new BytesRules { MinLen = 4, Ipv4 = true }, "b", violations);
        Assert.That(violations, Is.EqualTo(new[] { "b: must be at least 4 byte(s) long", "b: must be a valid IP address in byte form" }));
    }

    [Test]
    public void Repeated_unique_and_map_max_pairs()
    {
        var violations = new List<string>();
        PgvRules.Repeated(new List<string> { "a", "a" }, new RepeatedRules { Unique = true }, "r", violations);
        PgvRules.Map(3, new MapRules { MaxPairs = 2 }, "m", violations);
        Assert.That(violations, Is.EqualTo(new[] { "r: repeated value must contain unique items", "m: must contain no more than 2 pair(s)" }));
    }

    [Test]
    public void Timestamp_and_any_type_rules()
    {
        var violations = new List<string>();
        var now = System.DateTimeOffset.FromUnixTimeSeconds(1_000_000);
        PgvRules.Timestamp(new Timestamp { Seconds = 2_000_000 }, new TimestampRules { LtNow = true, Lt = new Timestamp { Seconds = 10 } }, now, "t", violations);
        PgvRules.Any(Any.Pack(new Router()), new AnyRules { In = { "type.googleapis.com/envoy.config.route.v3.Route" } }, "a", violations);
        PgvRules.Any(Any.Pack(new Router()), new AnyRules { NotIn = { "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router" } }, "n", violations);
        Assert.That(violations, Has.Count.EqualTo(4));
        Assert.That(violations[1], Is.EqualTo("t: must be in the past"));
    }

    [Test]
    public void Exclusive_ranges_reject_values_inside_the_gap()
    {
        var field = Percent.Descriptor.FindFieldByName("value");
        var violations = new List<string>();
        // lt < gt: valid values are outside (lt, gt)
        PgvRules.Scalar(field, 5.0, new FieldRules { Double = new DoubleRules { Lt = 1, Gt = 10 } }, "v", violations);
        PgvRules.Scalar(field, 0.5, new FieldRules { Double = new DoubleRules { Lt = 1, Gt = 10 } }, "w", violations);
        PgvRules.Scalar(field, 3.0, new FieldRules { Double = new DoubleRules { In = { 1, 2 } } }, "x", violations);
        Assert.That(violations, Is.EqualTo(new[] { "v: value 5 is out of range (> 10, < 1)", "x: value 3 must be one of [1, 2]" }));
    }

    private static global::Xds.Core.V3.TypedExtensionConfig Extension() => new() { Name = "input", TypedConfig = Any.Pack(new Router()) };

    private static HttpConnectionManager ValidHcm() => new()
    {
        StatPrefix = "http",
        Rds = new Rds { RouteConfigName = "r", ConfigSource = new ConfigSource { Ads = new AggregatedConfigSource() } },
    };
}
