[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("EnvoyGateway.Sdk.Features.Go.Tests")]
