using System.Collections.Generic;
using EnvoyGateway.Sdk.Generators.Model;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>Extracts the validation-relevant keywords of a schema node into <see cref="SchemaConstraints"/>.</summary>
internal static class ConstraintReader
{
    /// <summary>Reads the constraints of <paramref name="view"/>, composition branches included.</summary>
    public static SchemaConstraints Read(SchemaView view)
    {
        if (!view.IsMapping)
        {
            return SchemaConstraints.None;
        }

        return new SchemaConstraints
        {
            Format = view.Format,
            Pattern = view.Pattern,
            Minimum = view.Minimum,
            Maximum = view.Maximum,
            ExclusiveMinimum = view.ExclusiveMinimum,
            ExclusiveMaximum = view.ExclusiveMaximum,
            MultipleOf = view.MultipleOf,
            MinLength = view.MinLength,
            MaxLength = view.MaxLength,
            MinItems = view.MinItems,
            MaxItems = view.MaxItems,
            UniqueItems = view.UniqueItems,
            MinProperties = view.MinProperties,
            MaxProperties = view.MaxProperties,
            Nullable = view.Nullable,
            Enum = Scalars(view.Enum),
            Required = Scalars(view.Required),
            ListType = view.ListType,
            ListMapKeys = Scalars(view.ListMapKeys),
            MapType = view.MapType,
            Rules = Rules(view.Validations),
            AllOf = Branches(view.AllOf),
            AnyOf = Branches(view.AnyOf),
            OneOf = Branches(view.OneOf),
            Not = view.Not is null ? null : Branch(view.Not),
        };
    }

    /// <summary>The scalar items of a sequence, in order (non-scalars are skipped).</summary>
    public static EquatableArray<string> Scalars(YamlSequenceNode? sequence)
    {
        if (sequence is null || sequence.Children.Count == 0)
        {
            return EquatableArray<string>.Empty;
        }

        var values = new List<string>(sequence.Children.Count);
        foreach (YamlNode item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                values.Add(value);
            }
        }

        return EquatableArray<string>.From(values);
    }

    private static EquatableArray<ValidationRuleModel> Rules(YamlSequenceNode? sequence)
    {
        if (sequence is null || sequence.Children.Count == 0)
        {
            return EquatableArray<ValidationRuleModel>.Empty;
        }

        var rules = new List<ValidationRuleModel>(sequence.Children.Count);
        foreach (YamlNode item in sequence.Children)
        {
            if (item is not YamlMappingNode mapping)
            {
                continue;
            }

            string? rule = null, message = null, messageExpression = null, fieldPath = null, reason = null;
            foreach (var pair in mapping.Children)
            {
                string? value = SchemaView.Scalar(pair.Value);
                switch (SchemaView.Scalar(pair.Key))
                {
                    case "rule": rule = value; break;
                    case "message": message = value; break;
                    case "messageExpression": messageExpression = value; break;
                    case "fieldPath": fieldPath = value; break;
                    case "reason": reason = value; break;
                    default: break;
                }
            }

            if (rule is not null)
            {
                rules.Add(new ValidationRuleModel(rule, message, messageExpression, fieldPath, reason));
            }
        }

        return EquatableArray<ValidationRuleModel>.From(rules);
    }

    private static EquatableArray<SchemaBranch> Branches(YamlSequenceNode? sequence)
    {
        if (sequence is null || sequence.Children.Count == 0)
        {
            return EquatableArray<SchemaBranch>.Empty;
        }

        var branches = new List<SchemaBranch>(sequence.Children.Count);
        foreach (YamlNode item in sequence.Children)
        {
            branches.Add(Branch(item));
        }

        return EquatableArray<SchemaBranch>.From(branches);
    }

    private static SchemaBranch Branch(YamlNode node)
    {
        var view = SchemaView.Read(node);
        if (view.Properties is null || view.Properties.Children.Count == 0)
        {
            return new SchemaBranch(Read(view), EquatableArray<PropertyConstraint>.Empty);
        }

        var properties = new List<PropertyConstraint>(view.Properties.Children.Count);
        foreach (var pair in view.Properties.Children)
        {
            if (SchemaView.Scalar(pair.Key) is { } name)
            {
                properties.Add(new PropertyConstraint(name, Read(SchemaView.Read(pair.Value))));
            }
        }

        return new SchemaBranch(Read(view), EquatableArray<PropertyConstraint>.From(properties));
    }
}
