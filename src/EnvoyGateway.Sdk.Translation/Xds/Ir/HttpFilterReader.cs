using System.Text.Json;
using EnvoyGateway.Sdk.Translation.Graph;

namespace EnvoyGateway.Sdk.Translation.Xds.Ir;

/// <summary>Reads the core HTTPRoute/GRPCRoute rule filters: header modifiers, RequestRedirect and URLRewrite.</summary>
internal static class HttpFilterReader
{
    public static void Apply(JsonElement? rule, HttpRouteIr route)
    {
        foreach (var item in rule.Get("filters").Items())
        {
            JsonElement? filter = item;
            switch (filter.Get("type").String())
            {
                case "RequestHeaderModifier":
                    Headers(filter.Get("requestHeaderModifier"), route.AddRequestHeaders, route.RemoveRequestHeaders);
                    break;
                case "ResponseHeaderModifier":
                    Headers(filter.Get("responseHeaderModifier"), route.AddResponseHeaders, route.RemoveResponseHeaders);
                    break;
                case "RequestRedirect":
                    var redirect = filter.Get("requestRedirect");
                    route.Redirect = new RedirectIr(redirect.Get("scheme").String(), redirect.Get("hostname").String(), redirect.Get("port").Int(),
                        redirect.Get("statusCode").Int() ?? 302, redirect.Get("path").Get("type").String(), PathValue(redirect.Get("path")));
                    break;
                case "URLRewrite":
                    var rewrite = filter.Get("urlRewrite");
                    route.Rewrite = new RewriteIr(rewrite.Get("hostname").String(), rewrite.Get("path").Get("type").String(), PathValue(rewrite.Get("path")));
                    break;
            }
        }
    }

    private static string? PathValue(JsonElement? path) =>
        path.Get("type").String() == "ReplaceFullPath" ? path.Get("replaceFullPath").String() : path.Get("replacePrefixMatch").String();

    private static void Headers(JsonElement? modifier, System.Collections.Generic.List<HeaderValueIr> add, System.Collections.Generic.List<string> remove)
    {
        foreach (var h in modifier.Get("set").Items())
        {
            JsonElement? e = h;
            add.Add(new HeaderValueIr(e.Get("name").String() ?? string.Empty, e.Get("value").String() ?? string.Empty, Append: false));
        }

        foreach (var h in modifier.Get("add").Items())
        {
            JsonElement? e = h;
            add.Add(new HeaderValueIr(e.Get("name").String() ?? string.Empty, e.Get("value").String() ?? string.Empty, Append: true));
        }

        foreach (var h in modifier.Get("remove").Items())
        {
            if (((JsonElement?)h).String() is { } name)
            {
                remove.Add(name);
            }
        }
    }
}
