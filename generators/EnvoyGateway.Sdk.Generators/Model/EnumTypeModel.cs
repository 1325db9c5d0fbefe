namespace EnvoyGateway.Sdk.Generators.Model;

/// <summary>A generated string-enum class (derived from <c>StringEnum&lt;T&gt;</c>).</summary>
/// <param name="Name">The C# class name.</param>
/// <param name="Path">The schema path.</param>
/// <param name="Description">The schema description, if any.</param>
/// <param name="Members">The known values in schema order.</param>
internal sealed record EnumTypeModel(string Name, string Path, string? Description, EquatableArray<EnumMemberModel> Members);

/// <summary>One known value of a string enum.</summary>
/// <param name="Name">The C# member name (collision-free).</param>
/// <param name="Value">The wire value.</param>
internal sealed record EnumMemberModel(string Name, string Value);
