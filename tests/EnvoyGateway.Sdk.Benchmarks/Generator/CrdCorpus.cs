using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using EnvoyGateway.Sdk.Benchmarks.Harness;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Benchmarks.Generator;

/// <summary>One CRD file as the generator sees it: path, text and the per-file MSBuild metadata.</summary>
internal sealed record CrdFile(string Path, string Text, string Namespace, string? Versions);

/// <summary>One generated version of a CRD, as NJsonSchema gets it: its openAPIV3Schema as JSON.</summary>
internal sealed record CrdSchemaJson(string Kind, string Version, string Namespace, string Json);

/// <summary>A named set of CRD files and the schemas of the versions the generator emits for them.</summary>
internal sealed record CrdCorpus(string Name, IReadOnlyList<CrdFile> Files)
{
    /// <summary>Our schemas/, with the metadata src/EnvoyGateway.Sdk gives them.</summary>
    public static CrdCorpus Ours()
    {
        var folder = System.IO.Path.Combine(Repository.Root, "schemas");
        return new("ours (schemas/)", Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal)
            .Select(path => System.IO.Path.GetFileName(path).StartsWith("gateway.envoyproxy.io_", StringComparison.Ordinal)
                ? new CrdFile(path, File.ReadAllText(path), "Bench.Policies", null)
                : new CrdFile(path, File.ReadAllText(path), "Bench.GatewayApi", "v1"))
            .ToList());
    }

    /// <summary>Every upstream CRD in ../shared/reference, every served version.</summary>
    public static CrdCorpus Upstream()
    {
        var folder = Repository.Shared("reference");
        return new("upstream (../shared/reference)", Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(path => new CrdFile(path, File.ReadAllText(path), "Upstream." + Identifier(System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(path))!), null))
            .ToList());
    }

    public long Bytes => Files.Sum(f => (long)f.Text.Length);

    /// <summary>The served versions (filtered like the generator's EgsdkVersions) with their schemas as JSON.</summary>
    public IReadOnlyList<CrdSchemaJson> Schemas() => Files.SelectMany(SchemasOf).ToList();

    private static IEnumerable<CrdSchemaJson> SchemasOf(CrdFile file)
    {
        var filter = file.Versions?.Split(',', StringSplitOptions.TrimEntries);
        foreach (var crd in YamlJson.Documents(file.Text))
        {
            var spec = (YamlMappingNode)crd["spec"];
            var kind = ((YamlScalarNode)((YamlMappingNode)spec["names"])["kind"]).Value!;
            foreach (var version in ((YamlSequenceNode)spec["versions"]).Children.Cast<YamlMappingNode>())
            {
                var name = ((YamlScalarNode)version["name"]).Value!;
                var served = !version.Children.TryGetValue("served", out var s) || ((YamlScalarNode)s).Value is not ("false" or "False");
                if (!served || (filter is not null && !filter.Contains(name)))
                {
                    continue;
                }

                var schema = ((YamlMappingNode)version["schema"])["openAPIV3Schema"];
                yield return new CrdSchemaJson(kind, name, file.Namespace + "." + Identifier(name), YamlJson.ToJson(schema)!.ToJsonString());
            }
        }
    }

    private static string Identifier(string text) =>
        string.Concat(text.Split('-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
