using System.Text;
using System.Text.Json;

namespace EnvoyGateway.Sdk.Runtime;

/// <summary>Small helpers shared by the JSON converters.</summary>
internal static class JsonTokens
{
    /// <summary>
    /// Reads the current scalar token as text: a string as its value, a number with its original text, a boolean as
    /// <c>true</c>/<c>false</c>. Anything else fails with a message naming <paramref name="expected"/>.
    /// </summary>
    public static string ReadScalarText(ref Utf8JsonReader reader, string expected) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? string.Empty,
        JsonTokenType.Number => RawText(ref reader),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw Mismatch(reader.TokenType, expected),
    };

    /// <summary>Returns the original UTF-8 text of the current (number) token.</summary>
    public static string RawText(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? Encoding.UTF8.GetString(reader.ValueSequence) : Encoding.UTF8.GetString(reader.ValueSpan);

    /// <summary>Creates the exception for a token of the wrong kind.</summary>
    public static JsonException Mismatch(JsonTokenType found, string expected) =>
        new($"expected {expected}, found {Describe(found)}");

    /// <summary>Describes a token kind in words ("an object", "a list", ...).</summary>
    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "an unexpected token",
    };
}
