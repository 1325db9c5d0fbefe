using System;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>
/// Resolves a JSON Pointer (RFC 6901) into a parsed <c>openAPIV3Schema</c>, such as
/// <c>/properties/spec/properties/targetRefs/items</c>: the pointers generated object types carry to their schema.
/// </summary>
internal static class SchemaPointer
{
    /// <summary>Finds the schema at <paramref name="pointer"/>; empty is the root.</summary>
    /// <param name="root">The root schema.</param>
    /// <param name="pointer">The pointer.</param>
    /// <param name="node">The schema found.</param>
    /// <param name="underSecret">Whether a property on the way has a secret-suggesting name.</param>
    /// <returns><see langword="false"/> when the pointer does not lead to a schema.</returns>
    public static bool TryResolve(SchemaNode root, string pointer, out SchemaNode node, out bool underSecret)
    {
        node = root;
        underSecret = false;
        if (pointer.Length == 0)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        var tokens = pointer[1..].Split('/');
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = Unescape(tokens[i]);
            SchemaNode? next;
            switch (token)
            {
                case "properties" when i + 1 < tokens.Length:
                    var name = Unescape(tokens[++i]);
                    next = node.Properties is not null && node.Properties.TryGetValue(name, out var property) ? property : null;
                    underSecret |= SecretRedaction.IsSecretName(name);
                    break;
                case "items":
                    next = node.Items;
                    break;
                case "additionalProperties":
                    next = node.AdditionalProperties;
                    break;
                case "not":
                    next = node.Not;
                    break;
                case "allOf" or "anyOf" or "oneOf" when i + 1 < tokens.Length && int.TryParse(tokens[i + 1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index):
                    i++;
                    var list = token switch { "allOf" => node.AllOf, "anyOf" => node.AnyOf, _ => node.OneOf };
                    next = index < list.Count ? list[index] : null;
                    break;
                default:
                    next = null;
                    break;
            }

            if (next is null)
            {
                return false;
            }

            node = next;
        }

        return true;
    }

    private static string Unescape(string token) =>
        token.Contains('~', StringComparison.Ordinal) ? token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal) : token;
}
