using System;
using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace EnvoyGateway.Sdk.Generators.Parsing;

/// <summary>Rules that decide which special C# type a schema node maps to.</summary>
internal static class ShapeRules
{
    /// <summary>The start of the Kubernetes resource.Quantity pattern.</summary>
    private const string QuantityPatternPrefix = @"^(\+|-)?(([0-9]+(\.[0-9]*)?)";

    /// <summary>The unit group of the Gateway API duration pattern.</summary>
    private const string DurationPatternMarker = "(h|m|s|ms)";

    /// <summary><c>x-kubernetes-int-or-string</c>, or an untyped <c>anyOf: [integer, string]</c>.</summary>
    public static bool IsIntOrString(SchemaView view)
    {
        if (view.IntOrString)
        {
            return true;
        }

        if (view.Type is not null || view.AnyOf is not { Children.Count: 2 } anyOf)
        {
            return false;
        }

        bool hasInteger = false, hasString = false;
        foreach (YamlNode branch in anyOf.Children)
        {
            var branchView = SchemaView.Read(branch);
            hasInteger |= branchView.Type == "integer";
            hasString |= branchView.Type == "string";
        }

        return hasInteger && hasString;
    }

    /// <summary>Whether the node (or one of its composition branches) carries the Kubernetes quantity pattern.</summary>
    public static bool HasQuantityPattern(SchemaView view) =>
        IsQuantityPattern(view.Pattern) || BranchHasQuantityPattern(view.AllOf) || BranchHasQuantityPattern(view.AnyOf);

    /// <summary>A string with <c>format: duration</c> or the Gateway API duration pattern.</summary>
    public static bool IsDuration(SchemaView view) =>
        view.Format == "duration" || (view.Pattern is { } pattern && pattern.IndexOf(DurationPatternMarker, StringComparison.Ordinal) >= 0);

    /// <summary>
    /// Returns a description of the first composition keyword whose branches change the value's shape (new
    /// properties, another type, ...), or <see langword="null"/> when every branch only adds constraints.
    /// </summary>
    public static string? FindShapeChangingComposition(SchemaView view)
    {
        if (!AllConstraintOnly(view.AllOf, view))
        {
            return "allOf branches that change the value's shape";
        }

        if (!AllConstraintOnly(view.AnyOf, view))
        {
            return "anyOf branches that change the value's shape";
        }

        if (!AllConstraintOnly(view.OneOf, view))
        {
            return "oneOf branches that change the value's shape";
        }

        return null;
    }

    /// <summary>The intersection of the string enums of all <c>allOf</c> branches (kubebuilder emits these).</summary>
    public static List<string>? AllOfEnumIntersection(SchemaView view)
    {
        if (view.AllOf is not { Children.Count: > 0 } allOf)
        {
            return null;
        }

        List<string>? values = null;
        foreach (YamlNode branch in allOf.Children)
        {
            var branchView = SchemaView.Read(branch);
            if (branchView.Enum is null)
            {
                continue;
            }

            var branchValues = ConstraintReader.Scalars(branchView.Enum);
            if (values is null)
            {
                values = new List<string>(branchValues);
                continue;
            }

            var set = new HashSet<string>(branchValues, StringComparer.Ordinal);
            values.RemoveAll(v => !set.Contains(v));
        }

        return values;
    }

    private static bool IsQuantityPattern(string? pattern) =>
        pattern is not null && pattern.StartsWith(QuantityPatternPrefix, StringComparison.Ordinal);

    private static bool BranchHasQuantityPattern(YamlSequenceNode? branches)
    {
        if (branches is null)
        {
            return false;
        }

        foreach (YamlNode branch in branches.Children)
        {
            if (IsQuantityPattern(SchemaView.Read(branch).Pattern))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllConstraintOnly(YamlSequenceNode? branches, SchemaView owner)
    {
        if (branches is null)
        {
            return true;
        }

        foreach (YamlNode branch in branches.Children)
        {
            if (!IsConstraintOnly(SchemaView.Read(branch), owner))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConstraintOnly(SchemaView branch, SchemaView owner)
    {
        if (!branch.IsMapping)
        {
            return false;
        }

        if (branch.Ref is not null || branch.AdditionalProperties is not null || branch.IntOrString
            || branch.PreserveUnknownFields || branch.EmbeddedResource)
        {
            return false;
        }

        if (branch.Type is not null && branch.Type != owner.Type)
        {
            return false;
        }

        if (branch.Items is not null
            && (owner.Items is null || !IsConstraintOnly(SchemaView.Read(branch.Items), SchemaView.Read(owner.Items))))
        {
            return false;
        }

        if (branch.Properties is not null && !PropertiesConstraintOnly(branch.Properties, owner.Properties))
        {
            return false;
        }

        return AllConstraintOnly(branch.AllOf, owner) && AllConstraintOnly(branch.AnyOf, owner) && AllConstraintOnly(branch.OneOf, owner);
    }

    private static bool PropertiesConstraintOnly(YamlMappingNode branchProperties, YamlMappingNode? ownerProperties)
    {
        if (ownerProperties is null)
        {
            return false;
        }

        foreach (var pair in branchProperties.Children)
        {
            if (!ownerProperties.Children.TryGetValue(pair.Key, out YamlNode? ownerProperty)
                || !IsConstraintOnly(SchemaView.Read(pair.Value), SchemaView.Read(ownerProperty)))
            {
                return false;
            }
        }

        return true;
    }
}
