using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using EnvoyGateway.Sdk.Generators.Diagnostics;
using EnvoyGateway.Sdk.Generators.Model;
using EnvoyGateway.Sdk.Generators.Naming;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>
/// Parses one input file (YAML, multi-document, or JSON) into the CRD versions to generate. Never throws except
/// for cancellation: problems become diagnostics.
/// </summary>
internal static class CrdParser
{
    private const string CrdKind = "CustomResourceDefinition";
    private const string CrdApiVersion = "apiextensions.k8s.io/v1";

    /// <summary>Parses <paramref name="input"/>; files that are not CRDs give an empty result.</summary>
    public static CrdFileResult Parse(CrdInput input, CancellationToken cancellationToken)
    {
        // Cheap pre-filter: a file that never mentions the CRD kind is not a CRD input and is ignored silently.
        if (input.Text.IndexOf(CrdKind, StringComparison.Ordinal) < 0)
        {
            return CrdFileResult.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var versions = new List<CrdVersionModel>();
        try
        {
            if (!Identifier.IsValidNamespace(input.Namespace))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNamespace, input.Path, SourceSpan.FileStart, input.Namespace, input.Path));
                return Result(versions, diagnostics);
            }

            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(input.Text));
            }
            catch (YamlException e)
            {
                diagnostics.Add(Unreadable(input.Path, MarkSpan(e.Start, e.End), e.Message));
                return Result(versions, diagnostics);
            }

            for (int i = 0; i < stream.Documents.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                new DocumentParser(input, i, diagnostics, versions).Parse(stream.Documents[i].RootNode);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, input.Path, SourceSpan.FileStart, input.Path, e.GetType().Name + ": " + e.Message));
        }

        return Result(versions, diagnostics);
    }

    /// <summary>An EGSDK1001 diagnostic.</summary>
    internal static DiagnosticInfo Unreadable(string path, SourceSpan span, string reason) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableCrd, path, span, path, reason);

    private static CrdFileResult Result(List<CrdVersionModel> versions, List<DiagnosticInfo> diagnostics) =>
        versions.Count == 0 && diagnostics.Count == 0
            ? CrdFileResult.Empty
            : new CrdFileResult(EquatableArray<CrdVersionModel>.From(versions), EquatableArray<DiagnosticInfo>.From(diagnostics));

    private static SourceSpan MarkSpan(Mark start, Mark end)
    {
        int startIndex = SourceSpan.Clamp(start.Index);
        int endIndex = Math.Max(startIndex, SourceSpan.Clamp(end.Index));
        return new SourceSpan(
            startIndex,
            endIndex - startIndex,
            SourceSpan.Clamp(start.Line - 1),
            SourceSpan.Clamp(start.Column - 1),
            SourceSpan.Clamp(end.Line - 1),
            SourceSpan.Clamp(end.Column - 1));
    }

    /// <summary>Parses one YAML document that may be a CRD.</summary>
    private sealed class DocumentParser
    {
        private readonly CrdInput _input;
        private readonly int _document;
        private readonly List<DiagnosticInfo> _diagnostics;
        private readonly List<CrdVersionModel> _versions;

        public DocumentParser(CrdInput input, int document, List<DiagnosticInfo> diagnostics, List<CrdVersionModel> versions)
        {
            _input = input;
            _document = document;
            _diagnostics = diagnostics;
            _versions = versions;
        }

        public void Parse(YamlNode root)
        {
            if (root is not YamlMappingNode document || Child(document, "kind") is not YamlScalarNode { Value: CrdKind })
            {
                return; // not a CRD document (e.g. a ConfigMap next to the CRD): ignored
            }

            YamlNode? apiVersion = Child(document, "apiVersion");
            if (SchemaView.Scalar(apiVersion) != CrdApiVersion)
            {
                Error(apiVersion ?? document, "apiVersion '" + SchemaView.Scalar(apiVersion) + "' is not supported; only " + CrdApiVersion + " is");
                return;
            }

            if (Required(document, "spec", "spec") is not YamlMappingNode spec
                || RequiredScalar(spec, "group", "spec.group") is not { } group
                || Required(spec, "names", "spec.names") is not YamlMappingNode names
                || RequiredScalar(names, "kind", "spec.names.kind") is not { } kind
                || RequiredScalar(names, "plural", "spec.names.plural") is not { } plural
                || Required(spec, "versions", "spec.versions") is not YamlSequenceNode versions)
            {
                return;
            }

            string scope = SchemaView.Scalar(Child(spec, "scope")) ?? "Namespaced";
            HashSet<string>? filter = VersionFilter(_input.Versions);
            var served = new HashSet<string>(StringComparer.Ordinal);
            foreach (YamlNode versionNode in versions.Children)
            {
                if (versionNode is not YamlMappingNode version
                    || RequiredScalar(version, "name", "spec.versions[].name") is not { } versionName)
                {
                    continue;
                }

                if (SchemaView.Scalar(Child(version, "served")) is "false" or "False")
                {
                    continue;
                }

                served.Add(versionName);
                if (filter is not null && !filter.Contains(versionName))
                {
                    continue;
                }

                if (Child(version, "schema") is not YamlMappingNode schema
                    || Child(schema, "openAPIV3Schema") is not YamlMappingNode openApi)
                {
                    Error(version, "version '" + versionName + "' has no schema.openAPIV3Schema");
                    continue;
                }

                _versions.Add(ParseVersion(group, kind, plural, scope, versionName, openApi));
            }

            if (filter is not null)
            {
                ReportUnknownVersions(filter, served, group + "/" + kind, versions);
            }
        }

        private CrdVersionModel ParseVersion(string group, string kind, string plural, string scope, string version, YamlMappingNode schema)
        {
            var walker = new SchemaWalker(_input.Path, kind + " " + version, _diagnostics);
            ObjectTypeModel root = walker.WalkRoot(schema, kind);
            string ns = _input.Namespace + "." + Identifier.Version(version);
            // One linear pass per version; the capacity hint keeps the builder from regrowing on large CRDs.
            string schemaJson = SchemaJsonWriter.Write(schema, (int)Math.Min(1 << 20, Math.Max(1024, (schema.End.Index - schema.Start.Index) / 2)));
            return new CrdVersionModel(_input.Path, _document, ns, group, version, kind, plural, scope, root, walker.Objects, walker.Enums, schemaJson);
        }

        private void ReportUnknownVersions(HashSet<string> filter, HashSet<string> served, string crd, YamlNode versions)
        {
            var missing = new List<string>();
            foreach (string name in filter)
            {
                if (!served.Contains(name))
                {
                    missing.Add(name);
                }
            }

            missing.Sort(StringComparer.Ordinal);
            foreach (string name in missing)
            {
                _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownVersion, _input.Path, SchemaWalker.Span(versions), name, crd));
            }
        }

        private static HashSet<string>? VersionFilter(string? versions)
        {
            if (string.IsNullOrWhiteSpace(versions))
            {
                return null;
            }

            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (string part in versions!.Split(','))
            {
                string trimmed = part.Trim();
                if (trimmed.Length > 0)
                {
                    result.Add(trimmed);
                }
            }

            return result.Count == 0 ? null : result;
        }

        private YamlNode? Required(YamlMappingNode parent, string key, string path)
        {
            YamlNode? node = Child(parent, key);
            if (node is null)
            {
                Error(parent, "'" + path + "' is missing");
            }

            return node;
        }

        private string? RequiredScalar(YamlMappingNode parent, string key, string path)
        {
            YamlNode? node = Required(parent, key, path);
            if (node is null)
            {
                return null;
            }

            if (node is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                Error(node, "'" + path + "' must be a non-empty string");
                return null;
            }

            return value;
        }

        private void Error(YamlNode node, string reason) =>
            _diagnostics.Add(Unreadable(_input.Path, SchemaWalker.Span(node), reason));

        private static YamlNode? Child(YamlMappingNode parent, string key)
        {
            foreach (var pair in parent.Children)
            {
                if (pair.Key is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }
}
