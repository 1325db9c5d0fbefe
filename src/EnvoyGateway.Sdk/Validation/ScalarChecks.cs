using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>enum, string (length, pattern, format) and number (bounds, multipleOf, int32/int64) checks of one value.</summary>
internal static class ScalarChecks
{
    /// <summary>Runs the checks; returns whether a blocking error (enum, maxLength) was found.</summary>
    public static bool Check(JsonNode node, SchemaNode schema, string path, ValidationContext context, List<ValidationError> sink)
    {
        var blocking = false;
        if (schema.Enum is { Count: > 0 } allowed)
        {
            var canonical = JsonValues.Canonical(node);
            if (!allowed.Any(value => JsonValues.Canonical(JsonNode.Parse(value.GetRawText())) == canonical))
            {
                var list = string.Join(", ", allowed.Select(value => value.GetRawText()));
                context.Report(sink, path, ValidationRules.Enum, $"{context.Quote(path, node)} is not one of the supported values: {list}", context.Show(path, node));
                blocking = true;
            }
        }

        if (JsonValues.IsString(node, out var text))
        {
            blocking |= CheckString(node, text, schema, path, context, sink);
        }
        else if (JsonValues.IsNumber(node))
        {
            CheckNumber(node, schema, path, context, sink);
        }

        return blocking;
    }

    private static bool CheckString(JsonNode node, string text, SchemaNode schema, string path, ValidationContext context, List<ValidationError> sink)
    {
        var blocking = false;
        var length = JsonValues.RuneCount(text);
        if (schema.MinLength is { } minLength && length < minLength)
        {
            context.Report(sink, path, ValidationRules.MinLength, $"{context.Quote(path, node)} is shorter than the minimum length {minLength}", context.Show(path, node));
        }

        if (schema.MaxLength is { } maxLength && length > maxLength)
        {
            context.Report(sink, path, ValidationRules.MaxLength, $"{(context.IsSecret(path) ? SecretRedactionText : "the value")} has {length} characters, more than the maximum length {maxLength}", context.Show(path, node));
            blocking = true;
        }

        if (schema.Pattern is { } pattern)
        {
            var match = PatternCache.IsMatch(pattern, text, out var problem);
            if (match is null)
            {
                context.Report(sink, path, ValidationRules.Pattern, $"the schema pattern {pattern} cannot be evaluated: {problem}", context.Show(path, node));
            }
            else if (match == false)
            {
                context.Report(sink, path, ValidationRules.Pattern, $"{context.Quote(path, node)} does not match the pattern {pattern}", context.Show(path, node));
            }
        }

        if (schema.Format is { } format && !schema.IntOrString && FormatChecks.CheckString(format, text) is { } formatProblem)
        {
            context.Report(sink, path, ValidationRules.Format, $"{context.Quote(path, node)} is not a valid {format}: {formatProblem}", context.Show(path, node));
        }

        return blocking;
    }

    private const string SecretRedactionText = "the value (<redacted>)";

    private static void CheckNumber(JsonNode node, SchemaNode schema, string path, ValidationContext context, List<ValidationError> sink)
    {
        var shown = context.Show(path, node);
        if (!JsonValues.TryDecimal(node, out var value))
        {
            var d = JsonValues.Double(node);
            value = d > 0 ? decimal.MaxValue : decimal.MinValue;
        }

        if (schema.Minimum is { } minimum)
        {
            if (schema.ExclusiveMinimum ? value <= minimum : value < minimum)
            {
                var rule = schema.ExclusiveMinimum ? ValidationRules.ExclusiveMinimum : ValidationRules.Minimum;
                var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
                context.Report(sink, path, rule, $"{shown} must be {relation} {SchemaNodeParser.Show(minimum)}", shown);
            }
        }

        if (schema.Maximum is { } maximum)
        {
            if (schema.ExclusiveMaximum ? value >= maximum : value > maximum)
            {
                var rule = schema.ExclusiveMaximum ? ValidationRules.ExclusiveMaximum : ValidationRules.Maximum;
                var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
                context.Report(sink, path, rule, $"{shown} must be {relation} {SchemaNodeParser.Show(maximum)}", shown);
            }
        }

        if (schema.MultipleOf is { } multipleOf && multipleOf != 0 && value % multipleOf != 0)
        {
            context.Report(sink, path, ValidationRules.MultipleOf, $"{shown} is not a multiple of {SchemaNodeParser.Show(multipleOf)}", shown);
        }

        if (schema.Format is "int32" or "int64" && JsonValues.IsIntegral(node))
        {
            var (low, high) = schema.Format == "int32" ? ((decimal)int.MinValue, (decimal)int.MaxValue) : (long.MinValue, (decimal)long.MaxValue);
            if (value < low || value > high)
            {
                context.Report(sink, path, ValidationRules.Format, $"{shown} is out of the {schema.Format} range", shown);
            }
        }
    }
}
