using System.Runtime.CompilerServices;
using EnvoyGateway.Sdk.Runtime;

namespace EnvoyGateway.Sdk.Tests.Models;

// Mirrors the generated EgsdkGeneratedKinds registration.
internal static class TestKinds
{
#pragma warning disable CA2255 // The module initializer is the registration mechanism the generator uses too.
    [ModuleInitializer]
    internal static void Register() => ResourceKinds.Register(typeof(SamplePolicy));
#pragma warning restore CA2255
}
