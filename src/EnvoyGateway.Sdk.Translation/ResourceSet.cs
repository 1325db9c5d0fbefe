using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json;
using EnvoyGateway.Sdk.Runtime;
using k8s;
using k8s.Models;

namespace EnvoyGateway.Sdk.Translation;

/// <summary>
/// An immutable set of Kubernetes resources (Gateway API kinds, core kinds and the three policies) in input order,
/// read from YAML/JSON files or built in code. The input of <see cref="PolicyResolver"/>.
/// </summary>
public sealed class ResourceSet
{
    private ResourceSet(ImmutableArray<LoadedResource> resources) => Resources = resources;

    /// <summary>An empty set.</summary>
    public static ResourceSet Empty { get; } = new(ImmutableArray<LoadedResource>.Empty);

    /// <summary>The resources in input order, with their source positions when read from text.</summary>
    public ImmutableArray<LoadedResource> Resources { get; }

    /// <summary>Reads every document of a multi-document YAML text.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file name used in error messages.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ResourceLoadException">The text is not valid YAML or a document does not fit its kind.</exception>
    public static ResourceSet FromYaml(string yaml, string? fileName = null) => Empty.AddYaml(yaml, fileName);

    /// <summary>Reads YAML (or JSON) files, in the order given.</summary>
    /// <param name="paths">The files.</param>
    /// <returns>The set.</returns>
    /// <exception cref="ResourceLoadException">A file is not valid YAML or a document does not fit its kind.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static ResourceSet FromFiles(params string[] paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var set = Empty;
        foreach (var path in paths)
        {
            set = set.AddYaml(File.ReadAllText(path), path);
        }

        return set;
    }

    /// <summary>Builds a set from objects made in code (for example with the fluent builders).</summary>
    /// <param name="resources">Typed Kubernetes objects.</param>
    /// <returns>The set.</returns>
    public static ResourceSet From(params IKubernetesObject<V1ObjectMeta>[] resources) => Empty.Add(resources);

    /// <summary>A new set with the documents of <paramref name="yaml"/> appended.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The file name used in error messages.</param>
    /// <returns>The new set.</returns>
    public ResourceSet AddYaml(string yaml, string? fileName = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        return new ResourceSet(Resources.AddRange(ResourceSerializer.LoadYaml(yaml, fileName)));
    }

    /// <summary>A new set with objects made in code appended.</summary>
    /// <param name="resources">Typed Kubernetes objects.</param>
    /// <returns>The new set.</returns>
    public ResourceSet Add(params IKubernetesObject<V1ObjectMeta>[] resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        // Round-trip through the serializer so objects built in code are indexed exactly like documents read from files.
        var yaml = ResourceSerializer.ToYaml(resources.Cast<object>());
        return resources.Length == 0 ? this : AddYaml(yaml, "(code)");
    }
}
