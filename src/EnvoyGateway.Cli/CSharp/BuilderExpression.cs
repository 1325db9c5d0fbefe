using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Cli.CSharp;

/// <summary>
/// Turns a generated model object into the fluent builder calls that rebuild it, by reflection over the model and
/// its <c>{Type}Builder</c>: one call per set property, nested objects as lambdas, list items one by one through the
/// singular adder (<c>AddTargetRef</c>, found by its <see cref="ListItemAdderAttribute"/>) or a policy target shortcut
/// (<c>TargetHTTPRoute</c>), map entries through <c>X(key, value)</c>, and string-convertible values (enums,
/// durations, quantities) as strings.
/// </summary>
internal sealed class BuilderExpression
{
    private const int LineWidth = 110;

    private readonly List<string> warnings;
    private readonly string document;

    public BuilderExpression(string document, List<string> warnings)
    {
        this.document = document;
        this.warnings = warnings;
    }

    /// <summary>The builder calls for <paramref name="model"/>: <c>.A(1).B(b => b.C("x"))</c>, on one line or one call per line.</summary>
    public List<string> Calls(object model, string path, int depth, params string[] skip)
    {
        var type = model.GetType();
        var builder = type.Assembly.GetType(type.FullName + "Builder");
        var calls = new List<string>();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonPropertyNameAttribute>() is not null && !skip.Contains(p.Name))
            .OrderBy(p => builder is not null && PolicyTargetShortcuts.IsTargetField(builder, p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name) ? 0 : 1); // stable
        foreach (var property in properties)
        {
            var value = property.GetValue(model);
            var wire = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
            if (value is null || builder is null)
            {
                continue;
            }

            calls.AddRange(CallsFor(builder, property, value, $"{path}.{wire}", depth));
        }

        if (type.GetProperty("AdditionalProperties")?.GetValue(model) is IDictionary<string, JsonElement> { Count: > 0 } extra)
        {
            warnings.Add($"{document}: {string.Join(", ", extra.Keys.Select(k => $"{path}.{k}"))}: not in the schema, no builder method; not emitted");
        }

        return calls;
    }

    /// <summary>A lambda configuring a nested builder: <c>x => x.A(1)</c>, broken over lines when long.</summary>
    public string Lambda(object model, string path, int depth)
    {
        var parameter = depth < 26 ? ((char)('a' + (depth % 26))).ToString() : "x" + depth.ToString(CultureInfo.InvariantCulture);
        var calls = Calls(model, path, depth + 1);
        return calls.Count == 0 ? $"{parameter} => {{ }}" : $"{parameter} => {Chain(parameter, calls, depth)}"; // {} enables a feature
    }

    /// <summary>Joins calls after a receiver, on one line when short and flat, else one per line.</summary>
    public static string Chain(string receiver, List<string> calls, int depth)
    {
        var flat = receiver + string.Concat(calls);
        if (!calls.Any(c => c.Contains('\n', StringComparison.Ordinal)) && flat.Length + (depth * 4) <= LineWidth)
        {
            return flat;
        }

        var indent = new string(' ', (depth + 1) * 4);
        return receiver + string.Concat(calls.Select(c => "\n" + indent + c));
    }

    private IEnumerable<string> CallsFor(Type builder, PropertyInfo property, object value, string path, int depth)
    {
        var name = property.Name;
        switch (value)
        {
            case IDictionary dictionary:
                if (dictionary.Count == 0)
                {
                    yield return $".{name}(new global::System.Collections.Generic.Dictionary<string, {TypeName(DictionaryValueType(property.PropertyType))}>())";
                }

                foreach (var key in dictionary.Keys.Cast<string>().Order(StringComparer.Ordinal))
                {
                    yield return $".{name}({CSharpLiterals.String(key)}, {Argument(dictionary[key]!, $"{path}.{key}", depth)})";
                }

                break;
            case IList list:
                if (list.Count == 0)
                {
                    yield return $".{name}(global::System.Array.Empty<{TypeName(ListItemType(property.PropertyType))}>())";
                }

                var adder = ItemAdder(builder, name);
                var wire = property.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name;
                for (var i = 0; i < list.Count; i++)
                {
                    yield return PolicyTargetShortcuts.TryWrite(builder, wire, list[i]!)
                        ?? $".{adder}({Argument(list[i]!, string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), depth)})";
                }

                break;
            default:
                if (!builder.GetMethods().Any(m => m.Name == name))
                {
                    warnings.Add($"{document}: {path}: the builder has no method {name}; not emitted");
                    yield break;
                }

                yield return $".{name}({Argument(value, path, depth)})";
                break;
        }
    }

    // The one-item adder of a list: the generated method marked with the list's name (AddTargetRef for TargetRefs).
    private static string ItemAdder(Type builder, string listProperty) =>
        builder.GetMethods().FirstOrDefault(m => m.GetCustomAttribute<ListItemAdderAttribute>()?.PropertyName == listProperty)?.Name
        ?? "Add" + listProperty;

    // A value as a builder argument: a literal, or a lambda for an object that has a builder.
    private string Argument(object value, string path, int depth) => value switch
    {
        string text => CSharpLiterals.String(text),
        bool flag => CSharpLiterals.Bool(flag),
        int or long => CSharpLiterals.Number(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double number => CSharpLiterals.Number(number),
        IntOrString { IntValue: { } number } => CSharpLiterals.Number(number),
        IntOrString text => CSharpLiterals.String(text.Value),
        Quantity quantity when quantity.IsNumber && long.TryParse(quantity.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => CSharpLiterals.Number(whole),
        RawJson raw => $"global::EnvoyGateway.Sdk.Runtime.RawJson.Parse({CSharpLiterals.String(raw.Element.GetRawText())})",
        _ when value.GetType().Assembly.GetType(value.GetType().FullName + "Builder") is not null => Lambda(value, path, depth),
        _ => CSharpLiterals.String(value.ToString() ?? string.Empty), // string enums, durations, quantities: implicit from string
    };

    private static Type ListItemType(Type listType) =>
        listType.IsGenericType ? listType.GetGenericArguments()[0] : typeof(object);

    private static Type DictionaryValueType(Type dictionaryType) =>
        dictionaryType.IsGenericType ? dictionaryType.GetGenericArguments()[1] : typeof(object);

    private static string TypeName(Type type) => type == typeof(string) ? "string" : type == typeof(long) ? "long" : type == typeof(int) ? "int" : "global::" + type.FullName!.Replace('+', '.');
}
