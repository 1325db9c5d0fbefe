using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NUnit.Framework;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Tests;

/// <summary>
/// Semantic JSON comparison for tests, and an independent YAML-to-JSON reader (YamlDotNet's representation model,
/// YAML 1.2 core schema) so round-trip tests do not check the SDK's reader with itself.
/// </summary>
internal static partial class JsonAssert
{
    public static void AreEquivalent(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case null:
                Assert.That(actual, Is.Null, path);
                break;
            case JsonObject expectedObject:
                Assert.That(actual, Is.InstanceOf<JsonObject>(), path);
                var actualObject = (JsonObject)actual!;
                Assert.That(actualObject.Select(p => p.Key).Order(StringComparer.Ordinal), Is.EqualTo(expectedObject.Select(p => p.Key).Order(StringComparer.Ordinal)), path + " keys");
                foreach (var (key, value) in expectedObject)
                {
                    AreEquivalent(value, actualObject[key], path + "." + key);
                }

                break;
            case JsonArray expectedArray:
                Assert.That(actual, Is.InstanceOf<JsonArray>(), path);
                var actualArray = (JsonArray)actual!;
                Assert.That(actualArray, Has.Count.EqualTo(expectedArray.Count), path + " length");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    AreEquivalent(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.That(actual, Is.InstanceOf<JsonValue>(), path);
                var e = expected.AsValue();
                var a = actual!.AsValue();
                Assert.That(a.GetValueKind(), Is.EqualTo(e.GetValueKind()), path + " kind");
                if (e.GetValueKind() == System.Text.Json.JsonValueKind.Number)
                {
                    Assert.That(NumbersEqual(e.ToJsonString(), a.ToJsonString()), Is.True, $"{path}: expected {e.ToJsonString()} but was {a.ToJsonString()}");
                }
                else
                {
                    Assert.That(a.ToJsonString(), Is.EqualTo(e.ToJsonString()), path);
                }

                break;
        }
    }

    private static bool NumbersEqual(string expected, string actual) =>
        decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            ? e == a
            : double.Parse(expected, CultureInfo.InvariantCulture) == double.Parse(actual, CultureInfo.InvariantCulture);

    public static JsonArray ParseYamlStream(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var documents = new JsonArray();
        foreach (var document in stream.Documents)
        {
            documents.Add(ToJson(document.RootNode));
        }

        return documents;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(c => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar when scalar.Style is ScalarStyle.Plain or ScalarStyle.Any => scalar.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            var text when JsonNumber().IsMatch(text) => JsonNode.Parse(text),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    // Plain scalars that are JSON-shaped numbers are numbers (the SDK's documented rule); everything else is a string.
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();
}
