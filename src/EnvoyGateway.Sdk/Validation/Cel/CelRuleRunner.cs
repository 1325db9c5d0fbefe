using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Validation;

/// <summary>Runs the <c>x-kubernetes-validations</c> of a node during one validation run and reports failures.</summary>
internal sealed class CelRuleRunner
{
    private readonly ValidationContext context;
    private readonly CelValues values = new();

    public CelRuleRunner(ValidationContext context)
    {
        this.context = context;
    }

    public void Run(JsonNode node, SchemaNode schema, string path, List<ValidationError> sink)
    {
        var self = values.Convert(node, schema, context.IsResourceRoot(path));
        foreach (var rule in schema.Rules)
        {
            var outcome = CelRules.Evaluate(rule.Rule, self);
            var target = rule.FieldPath is { Length: > 0 } fieldPath ? Append(path, fieldPath) : path;
            var shown = node is JsonValue ? context.Show(target, node) : null;
            switch (outcome.Kind)
            {
                case CelOutcomeKind.Failed:
                    context.Report(sink, target, ValidationRules.Cel, Message(rule, self, path), shown);
                    break;
                case CelOutcomeKind.Error:
                    context.Report(sink, target, ValidationRules.Cel, $"{Message(rule, self, path)} (rule evaluation error: {outcome.Detail})", shown);
                    break;
                case CelOutcomeKind.NotEvaluated:
                    context.Report(sink, target, ValidationRules.CelNotEvaluated, $"rule '{rule.Rule}' could not be evaluated: {outcome.Detail}", shown);
                    break;
            }
        }
    }

    private string Message(CelRule rule, object? self, string path)
    {
        string? message = null;
        if (rule.MessageExpression is { } expression && !context.IsSecret(path))
        {
            message = CelRules.EvaluateMessage(expression, self);
        }

        message ??= string.IsNullOrEmpty(rule.Message) ? "failed rule: " + rule.Rule : rule.Message;
        return rule.Reason is { Length: > 0 } reason && reason != "FieldValueInvalid" ? message + " (" + reason + ")" : message;
    }

    /// <summary>Appends a rule's <c>fieldPath</c> (<c>.a.b</c>, <c>['key']</c>, <c>[0]</c>) to a path.</summary>
    internal static string Append(string path, string fieldPath)
    {
        var i = 0;
        while (i < fieldPath.Length)
        {
            if (fieldPath[i] == '.')
            {
                var start = ++i;
                while (i < fieldPath.Length && fieldPath[i] is not ('.' or '['))
                {
                    i++;
                }

                path = JsonPath.Property(path, fieldPath[start..i]);
            }
            else if (fieldPath[i] == '[' && i + 1 < fieldPath.Length && fieldPath[i + 1] is '\'' or '"')
            {
                var quote = fieldPath[i + 1];
                var name = new StringBuilder();
                i += 2;
                while (i < fieldPath.Length && fieldPath[i] != quote)
                {
                    name.Append(fieldPath[i++]);
                }

                i += 2;
                path = JsonPath.Property(path, name.ToString());
            }
            else if (fieldPath[i] == '[')
            {
                var end = fieldPath.IndexOf(']', i);
                end = end < 0 ? fieldPath.Length : end;
                path = int.TryParse(fieldPath.AsSpan(i + 1, end - i - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? JsonPath.Index(path, index)
                    : path;
                i = end + 1;
            }
            else
            {
                var start = i;
                while (i < fieldPath.Length && fieldPath[i] is not ('.' or '['))
                {
                    i++;
                }

                path = JsonPath.Property(path, fieldPath[start..i]);
            }
        }

        return path;
    }
}
