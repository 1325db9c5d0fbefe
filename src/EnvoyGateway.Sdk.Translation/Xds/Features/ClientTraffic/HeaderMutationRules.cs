using System.Collections.Generic;
using System.Linq;
using Envoy.Config.Core.V3;
using EnvoyGateway.Sdk.Translation.Features.ClientTraffic;
using MutationRule = Envoy.Config.Common.MutationRules.V3.HeaderMutation;

namespace EnvoyGateway.Sdk.Translation.Xds.Features.ClientTraffic;

/// <summary>
/// Header add/set/addIfAbsent/remove lists as <c>mutation_rules.v3.HeaderMutation</c> rules, the way Envoy Gateway builds
/// them for early request and late response headers: adds first, then removals; an empty value keeps the header.
/// </summary>
internal static class HeaderMutationRules
{
    public const string RemoveOnMatchMessage = "envoy.config.common.mutation_rules.v3.HeaderMutation";

    public static IEnumerable<MutationRule> Build(IReadOnlyList<HeaderMutation> adds, IReadOnlyList<string> removes) =>
        adds.Select(Add).Concat(removes.Select(name => new MutationRule { Remove = name }));

    private static MutationRule Add(HeaderMutation header)
    {
        var option = new HeaderValueOption
        {
            Header = new HeaderValue { Key = header.Name, Value = header.Value },
            AppendAction = header.Action switch
            {
                "Append" => HeaderValueOption.Types.HeaderAppendAction.AppendIfExistsOrAdd,
                "AddIfAbsent" => HeaderValueOption.Types.HeaderAppendAction.AddIfAbsent,
                _ => HeaderValueOption.Types.HeaderAppendAction.OverwriteIfExistsOrAdd,
            },
        };
        if (header.Value.Length == 0)
        {
            option.KeepEmptyValue = true;
        }

        return new MutationRule { Append = option };
    }
}
