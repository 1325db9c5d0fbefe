using System.Diagnostics;
using System.Linq;
using EnvoyGateway.Sdk.Translation.Features.Go;
using EnvoyGateway.Sdk.Validation;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Features.Go.Tests;

/// <summary>
/// <c>egsdk validate</c> checks route regexes with <see cref="Re2Syntax"/>, the translator with <see cref="GoRegexp"/>
/// (Envoy Gateway's own check): both must accept and refuse the same patterns, so a route validate passes is never
/// dropped at translation and the other way round.
/// </summary>
public class Re2AgreementTests
{
    [TestCase("^*")]
    [TestCase("a{,5}")]
    [TestCase("x{")]
    [TestCase("[]a]")]
    [TestCase("[^]a]")]
    [TestCase(@"\Q*+?\E")]
    [TestCase(@"\Qunterminated")]
    [TestCase("(?i)abc")]
    [TestCase("(?U)a*")]
    [TestCase("(?)")]
    [TestCase("(?P<n>a)(?<m>b)")]
    [TestCase(@"\pL\p{Greek}\p{^Han}\PN")]
    [TestCase("[[:alpha:][:^digit:]]")]
    [TestCase("a|b|(c|d)*")]
    [TestCase(@"\x{10FFFF}\x41\101\12\0")]
    [TestCase(".*foo.*")]
    [TestCase("(?s:a.b)(?-i:x)")]
    [TestCase(@"[\d\-a-z]")]
    [TestCase("a{2}{,}")]
    [TestCase(@"\b\B\A\z$")]
    [TestCase("(a{10}){100}")]
    [TestCase(@"\_\@\/\ \-")]
    [TestCase("/api/v[0-9]+/users/[a-f0-9-]{36}$")]
    [TestCase("[a-z-[aeiou]]")]
    [TestCase("[a-[b]]")]
    [TestCase("*.illegal.regex")]
    [TestCase("(")]
    [TestCase(")")]
    [TestCase("x{1001}")]
    [TestCase("x{2,1}")]
    [TestCase("a**")]
    [TestCase("a*+")]
    [TestCase("a{2}{3}")]
    [TestCase("[a")]
    [TestCase("[z-a]")]
    [TestCase(@"\8")]
    [TestCase(@"\1")]
    [TestCase(@"\18")]
    [TestCase(@"\C")]
    [TestCase(@"a\")]
    [TestCase("(?P<name")]
    [TestCase("(?P<x y>a)")]
    [TestCase("[[:foo:]]")]
    [TestCase("(?<=a)b")]
    [TestCase("(?<!a)b")]
    [TestCase("(?!a)")]
    [TestCase("(?=a)")]
    [TestCase("(?>a)")]
    [TestCase("(?#comment)")]
    [TestCase("(?'n'a)")]
    [TestCase("(?x)a")]
    [TestCase("(?i-)a")]
    [TestCase("a|*")]
    [TestCase("(*)")]
    [TestCase(@"\xZ")]
    [TestCase(@"\x{110000}")]
    [TestCase(@"\e")]
    [TestCase(@"\u0041")]
    [TestCase(@"\cA")]
    [TestCase(@"\Z")]
    [TestCase(@"\G")]
    [TestCase(@"\k<n>")]
    [TestCase(@"[\b]")]
    [TestCase(@"\é")]
    public void Validate_and_translation_agree_on_whether_re2_takes_a_pattern(string pattern) =>
        Assert.That(Re2Syntax.Check(pattern) is null, Is.EqualTo(GoRegexp.Parse(pattern) is null),
            $"Re2Syntax: {Re2Syntax.Check(pattern) ?? "accepts"}; GoRegexp: {GoRegexp.Parse(pattern) ?? "accepts"}");

    // Both used to slice strings per character or rescan for '}' per '{': a 1 MB route regex took minutes.
    [TestCase("a")]
    [TestCase("{")]
    [TestCase("[[:")]
    [TestCase(@"\Q")]
    public void Both_checks_stay_linear_on_a_megabyte_pattern(string unit)
    {
        var pattern = string.Concat(Enumerable.Repeat(unit, 1_000_000 / unit.Length));
        var clock = Stopwatch.StartNew();
        _ = Re2Syntax.Check(pattern);
        _ = GoRegexp.Parse(pattern);
        Assert.That(clock.Elapsed.TotalSeconds, Is.LessThan(5), "quadratic work on 1 MB takes minutes; linear work well under a second");
    }
}
