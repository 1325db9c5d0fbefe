using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using EnvoyGateway.Sdk.Envoy;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace EnvoyGateway.Sdk.Translation.Xds.Validation;

/// <summary>
/// Checks any protobuf message against the protoc-gen-validate rules (<c>validate.rules</c>, <c>validate.required</c>,
/// <c>validate.disabled</c>) kept in the Envoy descriptors, walking nested messages, repeated fields, maps and the
/// payloads of <c>google.protobuf.Any</c> (resolved through <see cref="EnvoyTypeRegistry"/>). Envoy rejects a resource
/// that breaks these rules (NACK), so a violation here is a translation bug or an invalid input value.
/// </summary>
public static class PgvValidator
{
    /// <summary>Every violation of <paramref name="message"/>, as <c>&lt;json path&gt;: &lt;rule&gt;</c>, in field order.</summary>
    /// <param name="message">Any message (Envoy, xDS or well-known type).</param>
    /// <returns>The violations; empty when the message is valid.</returns>
    public static IReadOnlyList<string> Validate(IMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var violations = new List<string>();
        new Walker(violations, DateTimeOffset.UtcNow).Message(message);
        return violations;
    }

    private sealed class Walker(List<string> violations, DateTimeOffset now)
    {
        private readonly PgvPath path = new();

        public void Message(IMessage message)
        {
            var plan = PgvMessagePlan.For(message.Descriptor);
            if (plan.Disabled)
            {
                return;
            }

            if (message is Any any)
            {
                Payload(any);
                return;
            }

            foreach (var oneof in plan.RequiredOneofs)
            {
                if (oneof.Accessor.GetCaseFieldDescriptor(message) is null)
                {
                    path.PushField(oneof.Name);
                    violations.Add($"{path}: exactly one field is required in oneof {oneof.Name}");
                    path.Pop();
                }
            }

            foreach (var field in plan.Fields)
            {
                path.PushField(field.Field.JsonName);
                Field(message, field.Field, field.Rules);
                path.Pop();
            }
        }

        private void Field(IMessage message, FieldDescriptor field, FieldRules? rules)
        {
            if (field.RealContainingOneof is { } oneof && oneof.Accessor.GetCaseFieldDescriptor(message) != field)
            {
                return; // rules of an unset oneof member do not apply
            }

            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                MapField(field, (IDictionary)value, rules);
            }
            else if (field.IsRepeated)
            {
                RepeatedField(field, (IList)value, rules);
            }
            else
            {
                Single(field, value, rules);
            }
        }

        private void RepeatedField(FieldDescriptor field, IList items, FieldRules? rules)
        {
            var repeated = rules?.Repeated;
            if (repeated is not null)
            {
                PgvRules.Repeated(items, repeated, path, violations);
            }

            for (var i = 0; i < items.Count; i++)
            {
                path.PushIndex(i);
                Single(field, items[i], repeated?.Items);
                path.Pop();
            }
        }

        private void MapField(FieldDescriptor field, IDictionary map, FieldRules? rules)
        {
            var mapRules = rules?.Map;
            if (mapRules is not null)
            {
                PgvRules.Map(map.Count, mapRules, path, violations);
            }

            var keyField = field.MessageType.FindFieldByNumber(1);
            var valueField = field.MessageType.FindFieldByNumber(2);
            foreach (var key in map.Keys.Cast<object>().OrderBy(k => k.ToString(), StringComparer.Ordinal))
            {
                path.PushKey(key);
                path.PushKeySuffix();
                Single(keyField, key, mapRules?.Keys);
                path.Pop();
                Single(valueField, map[key], mapRules?.Values);
                path.Pop();
            }
        }

        // One value (a singular field, a list item or a map key/value) against its rules, then into nested messages.
        private void Single(FieldDescriptor field, object? value, FieldRules? rules)
        {
            if (field.FieldType == FieldType.Message && !PgvMessagePlan.IsWrapper(field.MessageType))
            {
                var message = value as IMessage;
                if (message is null)
                {
                    if (rules?.Message?.Required == true || rules?.Duration?.Required == true || rules?.Timestamp?.Required == true || rules?.Any?.Required == true)
                    {
                        violations.Add($"{path}: value is required");
                    }

                    return;
                }

                switch (message)
                {
                    case Duration duration when rules?.Duration is { } durationRules:
                        PgvRules.Duration(duration, durationRules, path, violations);
                        break;
                    case Timestamp timestamp when rules?.Timestamp is { } timestampRules:
                        PgvRules.Timestamp(timestamp, timestampRules, now, path, violations);
                        break;
                    case Any any when rules?.Any is { } anyRules:
                        PgvRules.Any(any, anyRules, path, violations);
                        break;
                }

                if (rules?.Message?.Skip != true)
                {
                    Message(message);
                }

                return;
            }

            if (value is null)
            {
                // an unset wrapper: only "required" could apply, and PGV has no such rule for scalars
                return;
            }

            if (rules is null)
            {
                return;
            }

            PgvRules.Scalar(field, value, rules, path, violations);
        }

        private void Payload(Any any)
        {
            if (string.IsNullOrEmpty(any.TypeUrl))
            {
                return;
            }

            var typeName = Any.GetTypeName(any.TypeUrl);
            if (EnvoyTypeRegistry.FindMessage(typeName) is not { } descriptor)
            {
                violations.Add($"{path}: unknown type {typeName} in Any");
                return;
            }

            IMessage payload;
            try
            {
                payload = descriptor.Parser.ParseFrom(any.Value);
            }
            catch (InvalidProtocolBufferException e)
            {
                violations.Add($"{path}: Any payload is not a valid {typeName}: {e.Message}");
                return;
            }

            path.PushType(typeName);
            Message(payload);
            path.Pop();
        }
    }
}
