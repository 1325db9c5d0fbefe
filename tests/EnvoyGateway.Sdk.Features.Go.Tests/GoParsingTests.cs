using EnvoyGateway.Sdk.Translation.Features.Go;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Go.Tests;

public class GoParsingTests
{
    [TestCase("0", 0L)]
    [TestCase("-0", 0L)]
    [TestCase("10s", 10_000_000_000L)]
    [TestCase("1h30m", 5_400_000_000_000L)]
    [TestCase("1.5s", 1_500_000_000L)]
    [TestCase(".5s", 500_000_000L)]
    [TestCase("5.s", 5_000_000_000L)]
    [TestCase("100ms", 100_000_000L)]
    [TestCase("3us", 3_000L)]
    [TestCase("3\u00b5s", 3_000L)]
    [TestCase("-2m", -120_000_000_000L)]
    [TestCase("2562047h", 9_223_369_200_000_000_000L)]
    public void Valid_go_durations_parse(string text, long expected)
    {
        Assert.That(GoDuration.TryParse(text, out var ns), Is.True);
        Assert.That(ns, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("10")]
    [TestCase("10sec")]
    [TestCase("10mib")]
    [TestCase("1d")]
    [TestCase(".s")]
    [TestCase("s")]
    [TestCase("2562048h")]
    [TestCase("9223372036854775808ns")]
    [TestCase("1 s")]
    public void Invalid_go_durations_fail(string text) => Assert.That(GoDuration.TryParse(text, out _), Is.False);

    [TestCase("100G", "100G", true, 100_000_000_000L)]
    [TestCase("1Ki", "1Ki", true, 1024L)]
    [TestCase("1Ti", "1Ti", true, 1_099_511_627_776L)]
    [TestCase("64Ki", "64Ki", true, 65536L)]
    [TestCase("1024Ki", "1Mi", true, 1_048_576L)]
    [TestCase("1.5Ki", "1536", false, 0L)]
    [TestCase("100m", "100m", false, 0L)]
    [TestCase("1.5k", "1500", true, 1500L)]
    [TestCase("2.0", "2", false, 0L)]
    [TestCase("1000", "1k", true, 1000L)]
    [TestCase("0100", "100", true, 100L)]
    [TestCase("-1", "-1", true, -1L)]
    [TestCase("1e3", "1e3", true, 1000L)]
    [TestCase("0", "0", true, 0L)]
    [TestCase("512", "512", true, 512L)]
    [TestCase("0.1Ki", "102400m", false, 0L)]
    [TestCase("20000000000000000000", "20E", false, 0L)]
    public void Quantities_follow_kubernetes_rules(string text, string canonical, bool isInt64, long value)
    {
        var q = GoQuantity.Parse(text);
        Assert.That(q, Is.Not.Null);
        Assert.That(q!.ToString(), Is.EqualTo(canonical));
        Assert.That(q.TryAsInt64(out var v), Is.EqualTo(isInt64));
        if (isInt64)
        {
            Assert.That(v, Is.EqualTo(value));
        }
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("10K")]
    [TestCase("1Xi")]
    [TestCase("1e")]
    public void Invalid_quantities_fail(string text) => Assert.That(GoQuantity.Parse(text), Is.Null);

    [Test]
    public void Go_quote_escapes_like_strconv()
    {
        Assert.That(GoFormat.Quote("a/b"), Is.EqualTo("\"a/b\""));
        Assert.That(GoFormat.Quote("x\"y\n"), Is.EqualTo("\"x\\\"y\\n\""));
    }
}
