using System.Collections.Generic;
using EnvoyGateway.Sdk.Generators.Model;

namespace EnvoyGateway.Sdk.Generators.Emit;

/// <summary>
/// The emit step as a pure function: one CRD version model -> its generated files. Each concern has its own
/// emitter (models, enums, builders); a validation emitter can be added next to them.
/// </summary>
internal static class CrdEmitter
{
    /// <summary>Emits every file of <paramref name="model"/> using <paramref name="hintStem"/> (normally <c>{Group}.{Version}.{Kind}</c>).</summary>
    public static List<GeneratedSource> Emit(CrdVersionModel model, string hintStem)
    {
        var sources = new List<GeneratedSource>(3)
        {
            new(hintStem + ".g.cs", ModelEmitter.Emit(model)),
        };

        if (EnumEmitter.Emit(model) is { } enums)
        {
            sources.Add(new(hintStem + ".Enums.g.cs", enums));
        }

        sources.Add(new(hintStem + ".Builders.g.cs", BuilderEmitter.Emit(model)));
        return sources;
    }
}
