using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace EnvoyGateway.Sdk.Generators.Tests.Support;

/// <summary>
/// Exact-text snapshot baselines under <c>Baselines/{Scenario}/{HintName}.txt</c>. The generator version in
/// <c>[GeneratedCode]</c> is replaced by <c>{version}</c>. With <c>EGSDK_UPDATE_BASELINES=1</c> the baselines are
/// rewritten (stale files deleted) instead of compared.
/// </summary>
internal static class Baseline
{
    public const string UpdateVariable = "EGSDK_UPDATE_BASELINES";

    private static bool Update => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>Replaces the generator version with a placeholder so baselines survive version bumps.</summary>
    public static string Normalize(string text) =>
        text.Replace(
            "\"" + GeneratorInfo.ToolName + "\", \"" + GeneratorInfo.Version + "\"",
            "\"" + GeneratorInfo.ToolName + "\", \"{version}\"",
            StringComparison.Ordinal);

    /// <summary>Compares (or rewrites) the files of one scenario.</summary>
    public static void Verify(string scenario, IReadOnlyDictionary<string, string> actualFiles)
    {
        string directory = Path.Combine(TestPaths.Baselines, scenario);
        var actual = actualFiles.ToDictionary(p => p.Key + ".txt", p => Normalize(p.Value), StringComparer.Ordinal);
        if (Update)
        {
            Rewrite(directory, actual);
            return;
        }

        var expectedNames = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.txt").Select(Path.GetFileName).OfType<string>().OrderBy(n => n, StringComparer.Ordinal).ToList()
            : [];
        var actualNames = actual.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.That(actualNames, Is.EqualTo(expectedNames), $"Generated files differ from {directory}. Run with {UpdateVariable}=1 to update, then review the diff.");
        foreach (var (name, text) in actual)
        {
            string expected = File.ReadAllText(Path.Combine(directory, name)).ReplaceLineEndings("\n");
            if (!string.Equals(expected, text, StringComparison.Ordinal))
            {
                Assert.Fail($"{scenario}/{name} differs from the baseline at line {FirstDifferentLine(expected, text)}. Run with {UpdateVariable}=1 to update, then review the diff.");
            }
        }
    }

    private static void Rewrite(string directory, Dictionary<string, string> actual)
    {
        Directory.CreateDirectory(directory);
        foreach (string stale in Directory.GetFiles(directory, "*.txt"))
        {
            if (!actual.ContainsKey(Path.GetFileName(stale)))
            {
                File.Delete(stale);
            }
        }

        foreach (var (name, text) in actual)
        {
            File.WriteAllText(Path.Combine(directory, name), text);
        }

        Assert.Warn($"Baselines in {directory} were rewritten ({UpdateVariable}=1); review the diff.");
    }

    private static int FirstDifferentLine(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            if (!string.Equals(e[i], a[i], StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return Math.Min(e.Length, a.Length) + 1;
    }
}
