using EnvoyGateway.Sdk.Translation.Features.Go;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Go.Tests;

/// <summary>The Go behaviours the validators reproduce: RE2 parsing, durations, Kubernetes quantities, CIDRs.</summary>
public class GoSemanticsTests
{
    [TestCase("^*")]
    [TestCase("a{,5}")]
    [TestCase("x{")]
    [TestCase("[]a]")]
    [TestCase(@"\Q*+?\E")]
    [TestCase("(?i)abc")]
    [TestCase("(?P<n>a)(?<m>b)")]
    [TestCase(@"\pL\p{Greek}\p{^Han}\PN")]
    [TestCase("[[:alpha:][:^digit:]]")]
    [TestCase("a|b|(c|d)*")]
    [TestCase(@"\x{10FFFF}\x41\101")]
    [TestCase(".*foo.*")]
    [TestCase("(?s:a.b)(?-i:x)")]
    [TestCase(@"[\d\-a-z]")]
    [TestCase("a{2}{,}")]
    [TestCase(@"\b\B\A\z$")]
    [TestCase("(a{10}){100}")]
    public void Regexes_go_accepts(string pattern) => Assert.That(GoRegexp.Parse(pattern), Is.Null);

    [TestCase("*.illegal.regex", "missing argument to repetition operator: `*`")]
    [TestCase("(", "missing closing ): `(`")]
    [TestCase("(a", "missing closing ): `(a`")]
    [TestCase(")", "unexpected ): `)`")]
    [TestCase("a)", "unexpected ): `a)`")]
    [TestCase("x{1001}", "invalid repeat count: `{1001}`")]
    [TestCase("x{2,1}", "invalid repeat count: `{2,1}`")]
    [TestCase("(a{500}){3}", "invalid repeat count: `{3}`")]
    [TestCase("a**", "invalid nested repetition operator: `**`")]
    [TestCase("a*+", "invalid nested repetition operator: `*+`")]
    [TestCase("a{2}{3}", "invalid nested repetition operator: `{2}{3}`")]
    [TestCase("[a", "missing closing ]: `[a`")]
    [TestCase("[z-a]", "invalid character class range: `z-a`")]
    [TestCase(@"\8", "invalid escape sequence: `\\8`")]
    [TestCase(@"\1", "invalid escape sequence: `\\1`")]
    [TestCase(@"\C", "invalid escape sequence: `\\C`")]
    [TestCase(@"a\", "trailing backslash at end of expression: ``")]
    [TestCase("(?P<name", "invalid named capture: `(?P<name`")]
    [TestCase("(?P<x y>a)", "invalid named capture: `(?P<x y>`")]
    [TestCase(@"\p{Foo}", "invalid character class range: `\\p{Foo}`")]
    [TestCase("[[:foo:]]", "invalid character class range: `[:foo:]`")]
    [TestCase("(?<=a)b", "invalid named capture: `(?<=a)b`")]
    [TestCase("(?!a)", "invalid or unsupported Perl syntax: `(?!`")]
    [TestCase("(?=a)", "invalid or unsupported Perl syntax: `(?=`")]
    [TestCase("a|*", "missing argument to repetition operator: `*`")]
    [TestCase("(*)", "missing argument to repetition operator: `*`")]
    [TestCase(@"\xZ", "invalid escape sequence: `\\xZ`")]
    public void Regexes_go_refuses(string pattern, string detail) =>
        Assert.That(GoRegexp.Parse(pattern), Is.EqualTo("error parsing regexp: " + detail));

    [TestCase("0", 0L)]
    [TestCase("1h2m3.5s", 3_723_500_000_000L)]
    [TestCase(".5s", 500_000_000L)]
    [TestCase("5.s", 5_000_000_000L)]
    [TestCase("-1.5h", -5_400_000_000_000L)]
    [TestCase("1\u00b5s", 1_000L)]
    [TestCase("2562047h", 9_223_369_200_000_000_000L)]
    public void Durations_go_accepts(string text, long nanoseconds)
    {
        Assert.That(GoDuration.TryParse(text, out var ns, out var error), Is.True, error);
        Assert.That(ns, Is.EqualTo(nanoseconds));
    }

    [TestCase("", "time: invalid duration \"\"")]
    [TestCase("5", "time: missing unit in duration \"5\"")]
    [TestCase("22mib", "time: unknown unit \"mib\" in duration \"22mib\"")]
    [TestCase("5sec", "time: unknown unit \"sec\" in duration \"5sec\"")]
    [TestCase("3000000h", "time: invalid duration \"3000000h\"")]
    [TestCase(".s", "time: invalid duration \".s\"")]
    public void Durations_go_refuses(string text, string message)
    {
        Assert.That(GoDuration.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Is.EqualTo(message));
    }

    [TestCase("100m", "100m", false, 0L)]
    [TestCase("1000m", "1", false, 0L)]
    [TestCase("0.1", "100m", false, 0L)]
    [TestCase("1.5Ki", "1536", false, 0L)]
    [TestCase("1024", "1024", true, 1024L)]
    [TestCase("2000", "2k", true, 2000L)]
    [TestCase("1k", "1k", true, 1000L)]
    [TestCase("3Ki", "3Ki", true, 3072L)]
    [TestCase("1024Ki", "1Mi", true, 1048576L)]
    [TestCase("512Ki", "512Ki", true, 524288L)]
    [TestCase("1e3", "1e3", true, 1000L)]
    [TestCase("-1", "-1", true, -1L)]
    [TestCase("0", "0", true, 0L)]
    [TestCase("1Ei", "1Ei", false, 0L)]
    public void Quantities_match_kubernetes(string text, string canonical, bool isInt64, long value)
    {
        var quantity = GoQuantity.Parse(text);
        Assert.That(quantity, Is.Not.Null);
        Assert.That(quantity!.ToString(), Is.EqualTo(canonical));
        Assert.That(quantity.TryAsInt64(out var v), Is.EqualTo(isInt64));
        if (isInt64)
        {
            Assert.That(v, Is.EqualTo(value));
        }
    }

    [TestCase("abc")]
    [TestCase("1x")]
    [TestCase("1e")]
    [TestCase("")]
    public void Quantities_kubernetes_refuses(string text) => Assert.That(GoQuantity.Parse(text), Is.Null);

    [TestCase("192.168.0.0/16", true)]
    [TestCase("10.0.0.1/32", true)]
    [TestCase("2001:db8::/32", true)]
    [TestCase("::ffff:1.2.3.4/120", true)]
    [TestCase("192.168.0.1", false)]
    [TestCase("192.168.0.0/33", false)]
    [TestCase("192.168.00.0/16", false)]
    [TestCase("fe80::1%eth0/64", false)]
    [TestCase("1.2.3/8", false)]
    public void Cidrs_match_go(string text, bool valid) => Assert.That(GoNet.ValidateCidr(text) is null, Is.EqualTo(valid));
}
