using System;
using System.IO;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Envoy;

/// <summary>YAML formatting and parsing of any Envoy message, using the proto3 JSON mapping.</summary>
/// <remarks>
/// YAML output is the proto3 JSON of the message written as YAML (deterministic, like <see cref="EnvoyJson"/>);
/// strings that YAML would read as another type are quoted. Parsing reads scalars by the type of the field they
/// belong to, so <c>name: 8080</c> is the string "8080" in a string field and a number in a numeric one.
/// </remarks>
public static class EnvoyYaml
{
    /// <summary>Formats a message as a YAML document.</summary>
    /// <param name="message">The message to format.</param>
    /// <param name="naming">camelCase JSON names (the default) or snake_case proto names.</param>
    /// <returns>The YAML text, ending in a newline.</returns>
    public static string Format(IMessage message, EnvoyJsonNaming naming = EnvoyJsonNaming.CamelCase)
    {
        using var json = JsonDocument.Parse(EnvoyJson.Format(message, naming));
        return JsonToYaml.Write(json.RootElement);
    }

    /// <summary>Parses a YAML document into a message of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The Envoy message type.</typeparam>
    /// <param name="yaml">One YAML document.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyFormatException">The text is not valid YAML, or not valid for <typeparamref name="T"/>; the message gives line and column.</exception>
    public static T Parse<T>(string yaml)
        where T : IMessage<T>, new() =>
        (T)Parse(yaml, new T().Descriptor);

    /// <summary>Parses a YAML document into a message described by <paramref name="descriptor"/>.</summary>
    /// <param name="yaml">One YAML document.</param>
    /// <param name="descriptor">The message type to read.</param>
    /// <returns>The parsed message.</returns>
    /// <exception cref="EnvoyFormatException">The text is not valid YAML, or not valid for the message type.</exception>
    public static IMessage Parse(string yaml, MessageDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(descriptor);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new EnvoyFormatException($"line {e.Start.Line}, column {e.Start.Column}: invalid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1)
        {
            throw new EnvoyFormatException($"expected exactly one YAML document for {descriptor.FullName}, found {stream.Documents.Count}");
        }

        var json = YamlToJson.Convert(stream.Documents[0].RootNode, descriptor);
        return EnvoyJson.Parse(json, descriptor);
    }
}
