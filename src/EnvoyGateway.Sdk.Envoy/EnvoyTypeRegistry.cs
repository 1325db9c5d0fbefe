using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>
/// The descriptors of every Envoy, xDS, googleapis and protoc-gen-validate file compiled into this assembly.
/// </summary>
/// <remarks>
/// <see cref="Registry"/> is what <see cref="Google.Protobuf.JsonFormatter"/> and <see cref="Google.Protobuf.JsonParser"/>
/// need to format and parse a <see cref="Google.Protobuf.WellKnownTypes.Any"/> holding an Envoy message
/// (for example an <c>HttpConnectionManager</c> inside a listener filter).
/// </remarks>
public static class EnvoyTypeRegistry
{
    private static readonly Lazy<ImmutableArray<FileDescriptor>> LazyFiles = new(DiscoverFiles);
    private static readonly Lazy<TypeRegistry> LazyRegistry = new(() => TypeRegistry.FromFiles(LazyFiles.Value));

    /// <summary>Every file descriptor compiled into this assembly, ordered by proto file name.</summary>
    public static ImmutableArray<FileDescriptor> Files => LazyFiles.Value;

    /// <summary>A registry over <see cref="Files"/> and their dependencies (including the well-known types).</summary>
    public static TypeRegistry Registry => LazyRegistry.Value;

    /// <summary>Finds a message descriptor by its full proto name (for example <c>envoy.config.listener.v3.Listener</c>).</summary>
    /// <param name="fullName">The full proto message name, without a <c>type.googleapis.com/</c> prefix.</param>
    /// <returns>The descriptor, or <see langword="null"/> when no compiled file defines that message.</returns>
    public static MessageDescriptor? FindMessage(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        return Registry.Find(fullName);
    }

    // protoc emits one static "<File>Reflection" class per .proto file, each exposing its FileDescriptor.
    private static ImmutableArray<FileDescriptor> DiscoverFiles() =>
        typeof(EnvoyTypeRegistry).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToImmutableArray();
}
