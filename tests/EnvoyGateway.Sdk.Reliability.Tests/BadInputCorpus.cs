using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace EnvoyGateway.Sdk.Reliability.Tests;

/// <summary>
/// The bad-input corpus: one YAML document per file in <c>BadInput/</c> and, in <c>BadInput/expectations.yaml</c>,
/// the exact outcome expected for each. Files are decoded as UTF-8 without dropping a byte order mark, so a BOM
/// reaches the library as <c>U+FEFF</c>. Big inputs are written as templates: <c>{{repeat N "text"}}</c> expands to
/// <c>text</c> N times, so a 10 MB string does not have to live in the repository.
/// </summary>
internal static partial class BadInputCorpus
{
    public const string ExpectationsFile = "expectations.yaml";

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "BadInput");

    /// <summary>Every corpus file, in ordinal order.</summary>
    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory)
            .Select(Path.GetFileName)
            .Where(name => name != ExpectationsFile && name != ".gitattributes")
            .Order(StringComparer.Ordinal)!;

    /// <summary>The text of a corpus file, templates expanded.</summary>
    public static string Read(string file) => Expand(new UTF8Encoding(false, false).GetString(File.ReadAllBytes(Path.Combine(Directory, file))));

    /// <summary>Expands <c>{{repeat N "text"}}</c>.</summary>
    public static string Expand(string text) =>
        Repeat().Replace(text, m => new StringBuilder().Insert(0, m.Groups[2].Value, int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToString());

    /// <summary>The expectations, by file name.</summary>
    public static IReadOnlyDictionary<string, Expectation> Expectations { get; } = LoadExpectations();

    private static Dictionary<string, Expectation> LoadExpectations()
    {
        var path = Path.Combine(Directory, ExpectationsFile);
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var table = deserializer.Deserialize<List<Expectation>>(File.ReadAllText(path)) ?? [];
        return table.ToDictionary(e => e.File, StringComparer.Ordinal);
    }

    [GeneratedRegex("""\{\{repeat (\d+) "(.*?)"\}\}""", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Repeat();
}

/// <summary>The expected outcome of one corpus file (one entry of <c>expectations.yaml</c>).</summary>
internal sealed class Expectation
{
    /// <summary>The file name in <c>BadInput/</c>.</summary>
    public string File { get; set; } = string.Empty;

    /// <summary>Why the case exists and what it proves.</summary>
    public string Why { get; set; } = string.Empty;

    /// <summary>
    /// A crash of the library on this input that is known and reported to the owner of the code, as
    /// <c>Exception in Class.Method</c>: the test asserts that it still happens (and fails once it is fixed, so the
    /// real expectation replaces it), and the fuzzer does not count it again.
    /// </summary>
    public string? KnownIssue { get; set; }

    /// <summary><c>ok</c>, or the exact message of the <see cref="Runtime.ResourceLoadException"/> of <c>ResourceSet.FromYaml</c>.</summary>
    public string Load { get; set; } = "ok";

    /// <summary>The JSON path the load error names, when it names one.</summary>
    public string? LoadPath { get; set; }

    /// <summary>How many resources load (when <see cref="Load"/> is <c>ok</c>).</summary>
    public int? Resources { get; set; }

    /// <summary><c>ok</c> or the exact message of the error of <c>PolicyResolver.Resolve</c>.</summary>
    public string? Resolve { get; set; }

    /// <summary>Every status condition of every policy (see <see cref="PipelineOutcome.Status"/>); absent: none.</summary>
    public List<string>? Status { get; set; }

    /// <summary>Every xDS translator warning (PGV violations included); absent: none.</summary>
    public List<string>? XdsWarnings { get; set; }

    /// <summary>Every validation problem as <c>path: rule</c> (empty: valid), or one line <c>load: message</c>.</summary>
    public List<string> Validate { get; set; } = [];

    /// <summary>The exit code of <c>egsdk translate -f - --output all</c>.</summary>
    public int Translate { get; set; }

    /// <summary>The exit code of <c>egsdk validate -</c>.</summary>
    public int ValidateExit { get; set; }
}
