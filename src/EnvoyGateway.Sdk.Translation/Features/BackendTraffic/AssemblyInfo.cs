[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("EnvoyGateway.Sdk.Features.BackendTraffic.Tests")]
