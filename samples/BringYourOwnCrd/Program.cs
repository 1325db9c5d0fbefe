using System;
using Contoso.Models.V1;
using EnvoyGateway.Sdk.Runtime;

// Author the custom resource fluently, print it, and validate it against its own CRD's rules.
var rollout = Rollout.Build("checkout", "shop")
    .Spec(s => s
        .Service("checkout")
        .Strategy(RolloutSpecStrategy.Canary)
        .PauseBetweenSteps(TimeSpan.FromSeconds(30))
        .AddStep(step => step.Weight(10))
        .AddStep(step => step.Weight(50))
        .AddStep(step => step.Weight(100)))
    .Build();

Console.Write(ResourceSerializer.ToYaml([rollout]));

var broken = Rollout.Build("broken", "shop").Spec(s => s.Service("").AddStep(step => step.Weight(150))).Build();
foreach (var error in broken.Validate())
{
    Console.WriteLine(error);
}
