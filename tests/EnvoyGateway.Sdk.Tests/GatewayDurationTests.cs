using System;
using EnvoyGateway.Sdk.Runtime;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Tests;

public class GatewayDurationTests
{
    [TestCase("0s", 0L, true)]
    [TestCase("1h", 36_000_000_000L, true)]
    [TestCase("1h30m", 54_000_000_000L, true)]
    [TestCase("10s", 100_000_000L, true)]
    [TestCase("500ms", 5_000_000L, true)]
    [TestCase("1h30m10s500ms", 54_105_000_000L, true)]
    [TestCase("99999h", 99_999L * 36_000_000_000L, true)]
    [TestCase("90m", 54_000_000_000L, true)]
    [TestCase("1m1m", 1_200_000_000L, true)]
    [TestCase("1.5s", 15_000_000L, false)]
    [TestCase("0", 0L, false)]
    [TestCase("-1m", -600_000_000L, false)]
    [TestCase("+2s", 20_000_000L, false)]
    [TestCase("300us", 3_000L, false)]
    [TestCase("300\u00b5s", 3_000L, false)]
    [TestCase("1500ns", 15L, false)]
    [TestCase("150ns", 1L, false)]
    [TestCase(".5h", 18_000_000_000L, false)]
    [TestCase("100000h", 100_000L * 36_000_000_000L, false)]
    public void Valid_values_parse(string text, long ticks, bool gatewayApiFormat)
    {
        var duration = GatewayDuration.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(duration.TryGetTimeSpan(out var value), Is.True);
            Assert.That(value.Ticks, Is.EqualTo(ticks));
            Assert.That(duration.IsGatewayApiFormat, Is.EqualTo(gatewayApiFormat));
            Assert.That(duration.Value, Is.EqualTo(text));
        });
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("10")]
    [TestCase("s")]
    [TestCase("1d")]
    [TestCase("1 h")]
    [TestCase("1h ")]
    [TestCase("h1")]
    [TestCase("1..5s")]
    [TestCase(".s")]
    [TestCase("-")]
    [TestCase("1e3s")]
    [TestCase("١s")]
    [TestCase("9999999999999999999999999999999999999h")]
    [TestCase("256204779h")]
    [TestCase("ms")]
    [TestCase("1hh")]
    public void Invalid_values_are_kept_and_never_throw(string text)
    {
        var duration = GatewayDuration.Parse(text);
        Assert.Multiple(() =>
        {
            Assert.That(duration.TryGetTimeSpan(out var value), Is.False);
            Assert.That(value, Is.EqualTo(TimeSpan.Zero));
            Assert.That(duration.IsGatewayApiFormat, Is.False);
            Assert.That(duration.Value, Is.EqualTo(text));
        });
    }

    [Test]
    public void Random_text_never_throws()
    {
        var random = new Random(1234);
        const string alphabet = "0123456789.hmsnuµ+- x";
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 12)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.DoesNotThrow(() => GatewayDuration.Parse(text).TryGetTimeSpan(out _), text);
        }
    }

    [TestCase(0L, "0s")]
    [TestCase(36_000_000_000L, "1h")]
    [TestCase(54_000_000_000L, "1h30m")]
    [TestCase(600_000_000L, "1m")]
    [TestCase(15_000_000L, "1s500ms")]
    [TestCase(5_000_000L, "500ms")]
    [TestCase(54_105_000_000L, "1h30m10s500ms")]
    [TestCase(36_000_000_001L, "1h0.0000001s")]
    [TestCase(1_000L, "0.0001s")]
    [TestCase(-600_000_000L, "-1m")]
    [TestCase(-15_000_000L, "-1.5s")]
    public void FromTimeSpan_formats_in_Gateway_API_style(long ticks, string expected)
    {
        var duration = GatewayDuration.FromTimeSpan(TimeSpan.FromTicks(ticks));
        Assert.Multiple(() =>
        {
            Assert.That(duration.Value, Is.EqualTo(expected));
            Assert.That(duration.TryGetTimeSpan(out var back), Is.True, "formatted values parse back");
            Assert.That(back.Ticks, Is.EqualTo(ticks));
        });
    }

    [Test]
    public void Extreme_TimeSpans_format_without_throwing()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GatewayDuration.FromTimeSpan(TimeSpan.MaxValue).TryGetTimeSpan(out var max), Is.True);
            Assert.That(max, Is.EqualTo(TimeSpan.MaxValue));
            Assert.That(GatewayDuration.FromTimeSpan(TimeSpan.MinValue).Value, Does.StartWith("-"));
        });
    }

    [Test]
    public void Conversions_and_text_equality()
    {
        GatewayDuration fromTimeSpan = TimeSpan.FromSeconds(90);
        GatewayDuration fromString = "1m30s";
        Assert.Multiple(() =>
        {
            Assert.That(fromTimeSpan, Is.EqualTo(fromString));
            Assert.That(fromTimeSpan == fromString, Is.True);
            Assert.That(fromTimeSpan.GetHashCode(), Is.EqualTo(fromString.GetHashCode()));
            Assert.That((GatewayDuration)"90s" != fromString, Is.True, "equality compares the text");
            Assert.That(fromString.ToString(), Is.EqualTo("1m30s"));
        });
    }
}
