[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("EnvoyGateway.Sdk.Features.ClientTraffic.Tests")]
