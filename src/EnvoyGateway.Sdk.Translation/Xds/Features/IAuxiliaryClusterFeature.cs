using System.Collections.Generic;
using Envoy.Config.Cluster.V3;
using EnvoyGateway.Sdk.Translation.Xds.Ir;

namespace EnvoyGateway.Sdk.Translation.Xds.Features;

/// <summary>
/// A feature that needs clusters of its own besides the route destinations (e.g. the rate-limit service cluster).
/// Each cluster carries its endpoints inline (<c>load_assignment</c>); a name already emitted is skipped.
/// </summary>
internal interface IAuxiliaryClusterFeature : IXdsFeature
{
    IEnumerable<Cluster> AuxiliaryClusters(GatewayIr gateway);
}
