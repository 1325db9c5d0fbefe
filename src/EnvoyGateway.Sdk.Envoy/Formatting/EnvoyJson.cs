using System;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>Proto3 JSON formatting and parsing of any Envoy message, including <c>Any</c> payloads.</summary>
/// <remarks>
/// Output is deterministic: map entries are written in key order and <c>Any</c> payloads are canonicalised the
/// same way, so two equal messages always give the same bytes, whatever order their maps were filled in.
/// </remarks>
public static class EnvoyJson
{
    private static readonly JsonParser Parser =
        new(JsonParser.Settings.Default.WithTypeRegistry(EnvoyTypeRegistry.Registry).WithIgnoreUnknownFields(false));

    /// <summary>Formats a message as proto3 JSON.</summary>
    /// <param name="message">The message to format.</param>
    /// <param name="naming">camelCase JSON names (the default, as the admin API prints them) or snake_case proto names.</param>
    /// <param name="indented">Two-space indentation instead of a single line.</param>
    /// <returns>The JSON text; fields at their default value are omitted, 64-bit integers are strings.</returns>
    public static string Format(IMessage message, EnvoyJsonNaming naming = EnvoyJsonNaming.CamelCase, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = JsonFormatter.Settings.Default
            .WithTypeRegistry(EnvoyTypeRegistry.Registry)
            .WithPreserveProtoFieldNames(naming == EnvoyJsonNaming.SnakeCase);
        if (indented)
        {
            settings = settings.WithIndentation("  ");
        }

        return new JsonFormatter(settings).Format(MessageCanonicalizer.Canonicalize(message));
    }

    /// <summary>Parses proto3 JSON (camelCase or snake_case names) into a message of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The Envoy message type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyFormatException">The text is not valid JSON for <typeparamref name="T"/>.</exception>
    public static T Parse<T>(string json)
        where T : IMessage<T>, new() =>
        (T)Parse(json, new T().Descriptor);

    /// <summary>Parses proto3 JSON into a message described by <paramref name="descriptor"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="descriptor">The message type to read.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyFormatException">The text is not valid JSON for the message type.</exception>
    public static IMessage Parse(string json, MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(descriptor);
        try
        {
            return Parser.Parse(json, descriptor);
        }
        catch (Exception e) when (e is InvalidJsonException or InvalidProtocolBufferException or FormatException or InvalidOperationException)
        {
            throw new EnvoyFormatException($"Invalid JSON for {descriptor.FullName}: {e.Message}", e);
        }
    }
}
