using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using k8s.Models;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>
/// Maps <c>apiVersion</c> + <c>kind</c> to the C# type that models it. Generated models register themselves from a
/// module initializer; the Kubernetes core kinds that KubernetesClient models (Service, Secret, ConfigMap,
/// EndpointSlice, ...) are known without registration. A registered type wins over a built-in one.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class ResourceKinds
{
    private static readonly ConcurrentDictionary<string, Type> Registered = new(StringComparer.Ordinal);
    private static readonly Lazy<Dictionary<string, Type>> BuiltIn = new(LoadBuiltIn);

    /// <summary>Registers a resource type carrying a <see cref="KubernetesEntityAttribute"/>.</summary>
    /// <param name="kind">The type.</param>
    /// <exception cref="ArgumentNullException"><paramref name="kind"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The type has no <see cref="KubernetesEntityAttribute"/> or it names no kind.</exception>
    public static void Register(Type kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"The type {kind.FullName} has no [KubernetesEntity] attribute.", nameof(kind));
        if (string.IsNullOrEmpty(entity.Kind) || string.IsNullOrEmpty(entity.ApiVersion))
        {
            throw new ArgumentException($"The [KubernetesEntity] attribute of {kind.FullName} must set Kind and ApiVersion.", nameof(kind));
        }

        Registered[Key(ApiVersionOf(entity), entity.Kind)] = kind;
    }

    /// <summary>
    /// Registers <paramref name="kind"/> for another served <c>apiVersion</c> whose schema is identical (for example
    /// Gateway API <c>v1beta1</c> HTTPRoute read into the <c>v1</c> model). The document's own <c>apiVersion</c> is kept.
    /// </summary>
    /// <param name="apiVersion">The additional <c>group/version</c>.</param>
    /// <param name="kind">The type, which must carry a <see cref="KubernetesEntityAttribute"/>.</param>
    public static void RegisterAlias(string apiVersion, Type kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        var entity = kind.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"The type {kind.FullName} has no [KubernetesEntity] attribute.", nameof(kind));
        Registered[Key(apiVersion, entity.Kind)] = kind;
    }

    /// <summary>True when some <c>apiVersion</c> of this group and kind is known (to tell "unknown version" from "unknown kind").</summary>
    /// <param name="group">The API group (empty for the core group).</param>
    /// <param name="kind">The kind.</param>
    /// <returns><see langword="true"/> when the kind is known under any version of the group.</returns>
    public static bool IsKnownKind(string group, string kind)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(kind);
        var prefix = group.Length == 0 ? string.Empty : group + "/";
        bool Matches(string key) =>
            key.EndsWith("\n" + kind, StringComparison.Ordinal) && key.StartsWith(prefix, StringComparison.Ordinal)
            && (group.Length > 0 || !key[..key.IndexOf('\n', StringComparison.Ordinal)].Contains('/', StringComparison.Ordinal));
        foreach (var key in Registered.Keys)
        {
            if (Matches(key))
            {
                return true;
            }
        }

        foreach (var key in BuiltIn.Value.Keys)
        {
            if (Matches(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds the type registered (or built in) for an <c>apiVersion</c> and <c>kind</c>.</summary>
    /// <param name="apiVersion">The API version, <c>group/version</c> or just <c>version</c> for the core group.</param>
    /// <param name="kind">The kind.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns><see langword="true"/> when a type is known.</returns>
    public static bool TryGetType(string apiVersion, string kind, [NotNullWhen(true)] out Type? type)
    {
        ArgumentNullException.ThrowIfNull(apiVersion);
        ArgumentNullException.ThrowIfNull(kind);
        var key = Key(apiVersion, kind);
        return Registered.TryGetValue(key, out type) || BuiltIn.Value.TryGetValue(key, out type);
    }

    /// <summary>Returns the <c>apiVersion</c> (<c>group/version</c>, or <c>version</c> for the core group) of an entity attribute.</summary>
    /// <param name="entity">The attribute.</param>
    /// <returns>The API version.</returns>
    internal static string ApiVersionOf(KubernetesEntityAttribute entity) =>
        string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : entity.Group + "/" + entity.ApiVersion;

    private static string Key(string apiVersion, string kind) => apiVersion + "\n" + kind;

    private static Dictionary<string, Type> LoadBuiltIn()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(V1Service).Assembly.GetExportedTypes())
        {
            if (type.GetCustomAttribute<KubernetesEntityAttribute>() is { Kind.Length: > 0, ApiVersion.Length: > 0 } entity)
            {
                map.TryAdd(Key(ApiVersionOf(entity), entity.Kind), type);
            }
        }

        return map;
    }
}
