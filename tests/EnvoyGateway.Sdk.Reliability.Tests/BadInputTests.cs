using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NUnit.Framework;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>
/// Every file of the bad-input corpus gets exactly the outcome written in <c>BadInput/expectations.yaml</c> from
/// the library (load, validate, resolve, translate) and from <c>egsdk</c> (exit code, one clear message, no stack
/// trace), within the one-second budget.
/// </summary>
[Parallelizable(ParallelScope.None)]
public sealed class BadInputTests
{
    private static IEnumerable<string> CorpusFiles() => BadInputCorpus.Files();

    [OneTimeSetUp]
    public void WarmUp()
    {
        // JIT and schema loading are paid once here, not by the first case's time budget.
        var text = BadInputCorpus.Read("anchors-and-aliases-valid.yaml");
        PipelineOutcome.Run(text, "warm-up.yaml");
        CliRunner.RunWithStdin(text, "translate", "-f", "-", "--output", "all");
        CliRunner.RunWithStdin(text, "validate", "-");
    }

    [Test]
    public void The_corpus_has_at_least_sixty_files_and_every_file_has_an_expectation()
    {
        var files = CorpusFiles().ToList();
        Assert.That(files, Has.Count.GreaterThanOrEqualTo(60));
        Assert.That(files.Where(f => !BadInputCorpus.Expectations.ContainsKey(f)), Is.Empty, "files without a row in expectations.yaml");
        Assert.That(BadInputCorpus.Expectations.Keys.Where(f => !files.Contains(f)), Is.Empty, "rows without a file");
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public void Library_outcome_is_exactly_the_expected_one(string file)
    {
        var text = BadInputCorpus.Read(file);
        if (BadInputCorpus.Expectations.TryGetValue(file, out var known) && known.KnownIssue is { } issue)
        {
            try
            {
                PipelineOutcome.Run(text, file);
            }
            catch (Exception crash)
            {
                Assert.That(Cli.InternalError.Describe(crash), Is.EqualTo(issue));
                return;
            }

            Assert.Fail("the known issue is fixed: replace knownIssue with the real outcome in expectations.yaml");
        }

        var actual = PipelineOutcome.Run(text, file);
        Assert.That(BadInputCorpus.Expectations.TryGetValue(file, out var expected), Is.True, "no expectation; actual:\n" + Describe(file, actual));

        Assert.Multiple(() =>
        {
            Assert.That(actual.Load, Is.EqualTo(expected!.Load), "load");
            Assert.That(actual.LoadPath, Is.EqualTo(expected.LoadPath), "load error path");
            if (expected.Load != "ok")
            {
                Assert.That(actual.Load, Does.Match("^" + Regex.Escape(file) + @":[1-9][0-9]*:[1-9][0-9]*: document [1-9]"), "file:line:column: document N");
            }
            else
            {
                Assert.That(actual.Resources, Is.EqualTo(expected.Resources), "resources loaded");
                Assert.That(actual.Resolve, Is.EqualTo(expected.Resolve ?? "ok"), "resolve");
            }

            Assert.That(actual.Status, Is.EqualTo(expected.Status ?? []), "status conditions");
            Assert.That(actual.XdsWarnings, Is.EqualTo(expected.XdsWarnings ?? []), "xDS warnings");

            Assert.That(actual.Validate, Is.EqualTo(expected.Validate), "validation problems");
            Assert.That(actual.Slowest, Is.LessThanOrEqualTo(Timed.Budget), $"{actual.SlowestStage} took {actual.Slowest.TotalMilliseconds:F0} ms");
        });
    }

    [TestCaseSource(nameof(CorpusFiles))]
    public void Cli_exits_with_the_expected_code_and_one_clear_message(string file)
    {
        var text = BadInputCorpus.Read(file);
        var expected = BadInputCorpus.Expectations[file];

        var (translateExit, _, translateErr) = Run(text, "translate", "-f", "-", "--output", "all");
        var (validateExit, _, validateErr) = Run(text, "validate", "-");

        Assert.Multiple(() =>
        {
            Assert.That(translateExit, Is.EqualTo(expected.Translate), "egsdk translate exit code; stderr: " + translateErr);
            Assert.That(validateExit, Is.EqualTo(expected.ValidateExit), "egsdk validate exit code; stderr: " + validateErr);
            foreach (var stderr in new[] { translateErr, validateErr })
            {
                Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
                if (expected.KnownIssue is null)
                {
                    Assert.That(stderr, Does.Not.Contain("Exception"), "no exception type names");
                }
            }

            if (expected.KnownIssue is { } issue)
            {
                Assert.That(translateErr, Is.EqualTo($"egsdk: internal error ({issue}); this is a bug in egsdk, please report it with the input" + Environment.NewLine));
            }
            else if (translateExit == 1)
            {
                var error = expected.Load != "ok" ? expected.Load : expected.Resolve!;
                Assert.That(translateErr, Is.EqualTo("egsdk: " + error.Replace(file + ":", "<stdin>:", StringComparison.Ordinal) + Environment.NewLine), "one message: the library's");
            }

            if (validateExit == 1)
            {
                Assert.That(validateErr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one message");
            }
        });
    }

    /// <summary>
    /// Writes the actual outcomes of every corpus file as expectations.yaml rows to <c>EGSDK_BADINPUT_DUMP</c>, for a
    /// person to review before they become expectations.
    /// </summary>
    [Test]
    [Explicit("writes the actual outcomes for review")]
    public void Write_actual_outcomes()
    {
        var path = Environment.GetEnvironmentVariable("EGSDK_BADINPUT_DUMP") ?? Path.Combine(TestContext.CurrentContext.WorkDirectory, "actual-outcomes.yaml");
        using var writer = new StreamWriter(path);
        foreach (var file in CorpusFiles())
        {
            try
            {
                writer.Write(Describe(file, PipelineOutcome.Run(BadInputCorpus.Read(file), file)));
            }
            catch (Exception e)
            {
                writer.WriteLine($"# CRASH {file}: {e.GetBaseException().GetType().Name}: {e.GetBaseException().Message}");
            }
        }

        TestContext.Out.WriteLine("written to " + path);
    }

    private static (int, string, string) Run(string text, params string[] args)
    {
        (int, string, string) result = default;
        var elapsed = Timed.Run(() => result = CliRunner.RunWithStdin(text, args));
        Assert.That(elapsed, Is.LessThanOrEqualTo(Timed.Budget + Timed.Budget), $"egsdk {args[0]} took {elapsed.TotalMilliseconds:F0} ms");
        return result;
    }

    private static string Describe(string file, PipelineOutcome actual)
    {
        var (translate, _, _) = CliRunner.RunWithStdin(BadInputCorpus.Read(file), "translate", "-f", "-", "--output", "all");
        var (validate, _, _) = CliRunner.RunWithStdin(BadInputCorpus.Read(file), "validate", "-");
        var row = new Expectation
        {
            File = file,
            Why = BadInputCorpus.Expectations.TryGetValue(file, out var known) ? known.Why : "TODO",
            Load = actual.Load,
            LoadPath = actual.LoadPath,
            Resources = actual.Load == "ok" ? actual.Resources : null,
            Resolve = actual.Load == "ok" ? actual.Resolve : null,
            Status = actual.Status.Count == 0 ? null : actual.Status,
            XdsWarnings = actual.XdsWarnings.Count == 0 ? null : actual.XdsWarnings,
            Validate = actual.Validate,
            Translate = translate,
            ValidateExit = validate,
        };
        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull)
            .Build();
        return serializer.Serialize(new[] { row }) + $"# slowest: {actual.SlowestStage} {actual.Slowest.TotalMilliseconds:F0} ms\n";
    }
}
