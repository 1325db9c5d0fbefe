using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Validate;

namespace EnvoyGateway.Sdk.Translation.Xds.Validation;

/// <summary>One field the validator must visit: its rules (if any) and whether its value is a message to walk into.</summary>
internal sealed record PgvFieldPlan(FieldDescriptor Field, FieldRules? Rules, bool IsNestedMessage);

/// <summary>
/// What the validator needs to know about one message type, read once from its descriptor options: reading options
/// through <c>GetOptions()</c> clones them, which is far too slow to repeat for every field of every resource.
/// Fields that can never yield a violation (no rules and no rules anywhere below them) are left out.
/// </summary>
internal sealed class PgvMessagePlan
{
    private static readonly ConcurrentDictionary<MessageDescriptor, PgvMessagePlan> Plans = new();
    private static readonly ConcurrentDictionary<MessageDescriptor, bool> Checked = new();

    private PgvMessagePlan(bool disabled, OneofDescriptor[] requiredOneofs, PgvFieldPlan[] fields)
    {
        Disabled = disabled;
        RequiredOneofs = requiredOneofs;
        Fields = fields;
    }

    /// <summary><c>validate.disabled</c>: the message is not checked at all.</summary>
    public bool Disabled { get; }

    /// <summary>Oneofs with <c>validate.required</c>.</summary>
    public OneofDescriptor[] RequiredOneofs { get; }

    /// <summary>The fields to visit, in field-number order.</summary>
    public PgvFieldPlan[] Fields { get; }

    public static PgvMessagePlan For(MessageDescriptor message) => Plans.GetOrAdd(message, Build);

    /// <summary>Whether a wrapper type (<c>google.protobuf.UInt32Value</c>…): its rules apply to the wrapped value.</summary>
    public static bool IsWrapper(MessageDescriptor type) => type.File == WrappersReflection.Descriptor;

    private static PgvMessagePlan Build(MessageDescriptor message)
    {
        var disabled = message.GetOptions()?.GetExtension(ValidateExtensions.Disabled) == true;
        var oneofs = message.Oneofs.Where(o => !o.IsSynthetic && o.GetOptions()?.GetExtension(ValidateExtensions.Required) == true).ToArray();
        var fields = new List<PgvFieldPlan>();
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var rules = field.GetOptions()?.GetExtension(ValidateExtensions.Rules);
            var nested = field.FieldType == FieldType.Message && !field.IsMap && !IsWrapper(field.MessageType);
            var mapNested = field.IsMap && field.MessageType.FindFieldByNumber(2) is { FieldType: FieldType.Message } value
                && !IsWrapper(value.MessageType) && MayHaveRules(value.MessageType);
            if (rules is not null || (nested && MayHaveRules(field.MessageType)) || mapNested)
            {
                fields.Add(new PgvFieldPlan(field, rules, nested));
            }
        }

        return new PgvMessagePlan(disabled, oneofs, fields.ToArray());
    }

    // Whether any message reachable from the type has a rule, a required oneof or an Any (whose payload is checked).
    // Computed by a full reachability walk per root, so types on a cycle get the right answer.
    private static bool MayHaveRules(MessageDescriptor root) => Checked.GetOrAdd(root, static r =>
    {
        var seen = new HashSet<MessageDescriptor> { r };
        var pending = new Stack<MessageDescriptor>([r]);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (type.FullName == Any.Descriptor.FullName)
            {
                return true;
            }

            if (type.GetOptions()?.GetExtension(ValidateExtensions.Disabled) == true)
            {
                continue; // a disabled message is never checked, nor anything below it
            }

            if (type.Oneofs.Any(o => !o.IsSynthetic && o.GetOptions()?.GetExtension(ValidateExtensions.Required) == true))
            {
                return true;
            }

            foreach (var field in type.Fields.InFieldNumberOrder())
            {
                if (field.GetOptions()?.GetExtension(ValidateExtensions.Rules) is not null)
                {
                    return true;
                }

                if (field.FieldType == FieldType.Message && seen.Add(field.MessageType))
                {
                    pending.Push(field.MessageType);
                }
            }
        }

        return false;
    });
}
