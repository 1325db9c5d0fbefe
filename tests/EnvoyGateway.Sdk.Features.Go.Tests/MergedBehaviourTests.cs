using EnvoyGateway.Sdk.Translation.Features.Go;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Go.Tests;

/// <summary>
/// The points where the per-feature copies of these Go ports disagreed before they were merged: each case is Go's
/// own output (checked against the Go toolchain, or read from the Kubernetes source where noted).
/// </summary>
public class MergedBehaviourTests
{
    // strconv.Quote: non-ASCII spaces and astral private-use runes are escaped, other printable runes are kept.
    [TestCase("a\u00a0b", "\"a\\u00a0b\"")]
    [TestCase("x\U000F0000", "\"x\\U000f0000\"")]
    [TestCase("\U0001F600", "\"\U0001F600\"")]
    [TestCase("tab\there", "\"tab\\there\"")]
    [TestCase("\u007f", "\"\\x7f\"")]
    [TestCase("\u2028", "\"\\u2028\"")]
    [TestCase("e\u0301", "\"e\u0301\"")]
    public void Quote_matches_strconv(string text, string quoted) => Assert.That(GoFormat.Quote(text), Is.EqualTo(quoted));

    // time.ParseDuration quotes with the time package's own quote: UTF-8 bytes as \x escapes, DEL raw.
    [TestCase("1\u00e9", "time: unknown unit \"\\xc3\\xa9\" in duration \"1\\xc3\\xa9\"")]
    [TestCase("5\t", "time: unknown unit \"\\x09\" in duration \"5\\x09\"")]
    [TestCase("1\u007f", "time: unknown unit \"\u007f\" in duration \"1\u007f\"")]
    [TestCase("a\"b", "time: invalid duration \"a\\\"b\"")]
    public void Duration_errors_quote_like_the_time_package(string text, string message)
    {
        Assert.That(GoDuration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }

    // netip.ParseAddr rules: "::" must stand for at least one group, at most 4 hex digits a group.
    [TestCase("1::2:3:4:5:6:7:8/64", false)]
    [TestCase("1:2:3:4:5:6:7:8::/64", false)]
    [TestCase("::1:2:3:4:5:6:7/64", true)]
    [TestCase("1::1.2.3.4/128", true)]
    [TestCase("1:2:3:4:5:6:1.2.3.4/128", true)]
    [TestCase("00001::/16", false)]
    [TestCase("1.2.3.4/032", true)]
    [TestCase("1.2.3.4/+8", false)]
    [TestCase("[::1]/8", false)]
    public void Cidrs_follow_netip(string text, bool valid)
    {
        Assert.That(GoNet.ValidateCidr(text), valid ? Is.Null : Is.EqualTo("invalid CIDR address: " + text));
    }

    [TestCase("::ffff:1.2.3.4/120", "1.2.3.0/24", "1.2.3.4", false)]
    [TestCase("::1:2:3:4:5:6:7/64", "0:1:2:3::/64", "0:1:2:3:4:5:6:7", true)]
    public void Cidrs_keep_go_network_text(string text, string network, string ip, bool isIPv6)
    {
        var match = GoNet.ParseCidr(text, out var error);
        Assert.That(error, Is.Null);
        Assert.That(match, Is.EqualTo(new CidrMatch(network, ip, int.Parse(text[(text.IndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture), isIPv6)));
    }

    // Quantity.UnmarshalJSON trims white space before ParseQuantity; ParseQuantity itself does not.
    [Test]
    public void Model_quantities_are_trimmed_like_unmarshal_json()
    {
        Assert.That(GoQuantity.From(" 1Mi ")?.ToString(), Is.EqualTo("1Mi"));
        Assert.That(GoQuantity.Parse(" 1Mi "), Is.Null);
    }

    // The slow path caps BinarySI at MaxInt64 by exact comparison, not by the integer part.
    [Test]
    public void Binary_quantities_just_above_max_int64_are_capped()
    {
        var quantity = GoQuantity.Parse("9007199254740991.9999999Ki");
        Assert.That(quantity?.ToString(), Is.EqualTo("9223372036854775807"));
    }

    // A zero from the inf.Dec path is not an int64Amount, so AsInt64 reports false.
    [Test]
    public void Slow_path_zero_is_not_int64()
    {
        var quantity = GoQuantity.Parse("0.0000000000");
        Assert.That(quantity?.ToString(), Is.EqualTo("0"));
        Assert.That(quantity!.TryAsInt64(out _), Is.False);
        Assert.That(GoQuantity.Parse("0")!.TryAsInt64(out var zero) && zero == 0, Is.True);
    }

    // inf.Dec refuses a number without digits; the int64 fast path accepts "." as zero.
    [Test]
    public void Numbers_without_digits_fail_only_on_the_slow_path()
    {
        Assert.That(GoQuantity.Parse(".Ei"), Is.Null);
        Assert.That(GoQuantity.Parse(".")?.ToString(), Is.EqualTo("0"));
    }

    // The exponent is parsed as int64 and truncated to int32; large exponents stay on the fast path.
    [TestCase("1e1000", "10e999", false)]
    [TestCase("0e1000000000", "0", true)]
    [TestCase("1e-1000000000", "1e-9", false)]
    public void Large_exponents_follow_go(string text, string canonical, bool isInt64)
    {
        var quantity = GoQuantity.Parse(text);
        Assert.That(quantity?.ToString(), Is.EqualTo(canonical));
        Assert.That(quantity!.TryAsInt64(out _), Is.EqualTo(isInt64));
    }

    [Test]
    public void Exponents_beyond_int32_wrap_like_go()
    {
        Assert.That(GoQuantity.Parse("1e4294967296")!.TryAsInt64(out var value), Is.True);
        Assert.That(value, Is.EqualTo(1L));
    }
}
