#!/usr/bin/env python3
"""Regenerates EnvoyProtos.props: the transitive import closure of the Envoy API files the SDK compiles.

Usage: python3 envoy_proto_closure.py <unpacked @grpc/grpc-js-xds package dir> > ../EnvoyProtos.props

The seed list is the set of files the three policies need (shared docs, envoy-mapping.md section 9.1)
plus admin config dumps and the ADS service. Globs cannot be used: some directories hold files whose
imports the npm package does not ship (opencensus, prometheus), so the closure is computed explicitly.
"""
import os
import re
import sys

ROOTS = ["envoy-api", "xds", "googleapis", "protoc-gen-validate"]
SEEDS = """
envoy/config/listener/v3/listener.proto envoy/config/listener/v3/listener_components.proto
envoy/config/listener/v3/udp_listener_config.proto envoy/config/listener/v3/quic_config.proto
envoy/config/route/v3/route.proto envoy/config/route/v3/route_components.proto
envoy/config/cluster/v3/cluster.proto envoy/config/cluster/v3/circuit_breaker.proto envoy/config/cluster/v3/outlier_detection.proto
envoy/config/endpoint/v3/endpoint.proto envoy/config/endpoint/v3/endpoint_components.proto
envoy/config/core/v3/address.proto envoy/config/core/v3/base.proto envoy/config/core/v3/config_source.proto
envoy/config/core/v3/extension.proto envoy/config/core/v3/grpc_service.proto envoy/config/core/v3/health_check.proto
envoy/config/core/v3/http_uri.proto envoy/config/core/v3/protocol.proto envoy/config/core/v3/proxy_protocol.proto
envoy/config/core/v3/socket_option.proto envoy/config/core/v3/substitution_format_string.proto
envoy/config/accesslog/v3/accesslog.proto envoy/extensions/access_loggers/file/v3/file.proto
envoy/extensions/transport_sockets/tls/v3/tls.proto envoy/extensions/transport_sockets/tls/v3/common.proto
envoy/extensions/transport_sockets/tls/v3/secret.proto envoy/extensions/transport_sockets/quic/v3/quic_transport.proto
envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto
envoy/extensions/filters/network/tcp_proxy/v3/tcp_proxy.proto envoy/extensions/filters/udp/udp_proxy/v3/udp_proxy.proto
envoy/extensions/filters/http/router/v3/router.proto envoy/extensions/filters/http/health_check/v3/health_check.proto
envoy/extensions/upstreams/http/v3/http_protocol_options.proto
envoy/extensions/load_balancing_policies/common/v3/common.proto
envoy/extensions/load_balancing_policies/least_request/v3/least_request.proto
envoy/extensions/load_balancing_policies/round_robin/v3/round_robin.proto
envoy/extensions/load_balancing_policies/random/v3/random.proto
envoy/extensions/load_balancing_policies/maglev/v3/maglev.proto
envoy/extensions/load_balancing_policies/client_side_weighted_round_robin/v3/client_side_weighted_round_robin.proto
envoy/extensions/load_balancing_policies/wrr_locality/v3/wrr_locality.proto
envoy/extensions/retry/host/previous_hosts/v3/previous_hosts.proto
envoy/extensions/retry/priority/previous_priorities/v3/previous_priorities_config.proto
envoy/type/v3/token_bucket.proto envoy/type/v3/hash_policy.proto envoy/type/tracing/v3/custom_tag.proto
envoy/extensions/filters/http/fault/v3/fault.proto envoy/extensions/filters/http/local_ratelimit/v3/local_rate_limit.proto
envoy/extensions/filters/http/ratelimit/v3/rate_limit.proto envoy/extensions/filters/http/bandwidth_limit/v3/bandwidth_limit.proto
envoy/extensions/filters/http/compressor/v3/compressor.proto envoy/extensions/filters/http/custom_response/v3/custom_response.proto
envoy/extensions/filters/http/buffer/v3/buffer.proto envoy/extensions/filters/http/admission_control/v3/admission_control.proto
envoy/extensions/filters/http/upstream_codec/v3/upstream_codec.proto
envoy/extensions/filters/common/fault/v3/fault.proto envoy/extensions/common/ratelimit/v3/ratelimit.proto
envoy/config/ratelimit/v3/rls.proto
envoy/extensions/compression/gzip/compressor/v3/gzip.proto envoy/extensions/compression/brotli/compressor/v3/brotli.proto
envoy/extensions/compression/zstd/compressor/v3/zstd.proto
envoy/extensions/http/custom_response/local_response_policy/v3/local_response_policy.proto
envoy/extensions/http/custom_response/redirect_policy/v3/redirect_policy.proto
envoy/type/matcher/v3/http_inputs.proto envoy/type/matcher/v3/status_code_input.proto
envoy/extensions/transport_sockets/proxy_protocol/v3/upstream_proxy_protocol.proto
envoy/extensions/transport_sockets/raw_buffer/v3/raw_buffer.proto
envoy/extensions/health_check/event_sinks/file/v3/file.proto
xds:xds/type/matcher/v3/matcher.proto xds:xds/type/matcher/v3/cel.proto xds:xds/type/matcher/v3/http_inputs.proto
xds:xds/type/v3/cel.proto xds:xds/type/v3/typed_struct.proto xds:xds/core/v3/extension.proto
envoy/extensions/filters/listener/proxy_protocol/v3/proxy_protocol.proto
envoy/extensions/filters/listener/tls_inspector/v3/tls_inspector.proto
envoy/extensions/filters/network/connection_limit/v3/connection_limit.proto
envoy/extensions/http/original_ip_detection/xff/v3/xff.proto
envoy/extensions/http/original_ip_detection/custom_header/v3/custom_header.proto
envoy/extensions/http/early_header_mutation/header_mutation/v3/header_mutation.proto
envoy/config/common/mutation_rules/v3/mutation_rules.proto
envoy/extensions/filters/http/header_mutation/v3/header_mutation.proto
envoy/extensions/http/header_formatters/preserve_case/v3/preserve_case.proto
envoy/extensions/request_id/uuid/v3/uuid.proto
envoy/extensions/filters/http/grpc_web/v3/grpc_web.proto envoy/extensions/filters/http/grpc_stats/v3/config.proto
envoy/extensions/filters/http/cors/v3/cors.proto envoy/extensions/filters/http/csrf/v3/csrf.proto
envoy/extensions/filters/http/basic_auth/v3/basic_auth.proto envoy/extensions/filters/http/jwt_authn/v3/config.proto
envoy/extensions/filters/http/oauth2/v3/oauth.proto envoy/extensions/filters/http/ext_authz/v3/ext_authz.proto
envoy/extensions/filters/http/rbac/v3/rbac.proto envoy/extensions/filters/http/geoip/v3/geoip.proto
envoy/config/rbac/v3/rbac.proto envoy/extensions/filters/network/rbac/v3/rbac.proto
envoy/extensions/matching/common_inputs/network/v3/network_inputs.proto
envoy/extensions/matching/input_matchers/ip/v3/ip.proto
envoy/extensions/geoip_providers/common/v3/common.proto envoy/extensions/geoip_providers/maxmind/v3/maxmind.proto
envoy/admin/v3/config_dump.proto envoy/admin/v3/config_dump_shared.proto
envoy/service/discovery/v3/ads.proto envoy/service/discovery/v3/discovery.proto
""".split()

# Built into protoc / Google.Protobuf; never compiled from the package.
BUILTIN = re.compile(r"^google/protobuf/")
IMPORT = re.compile(r'^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;', re.M)


def locate(deps, rel):
    for root in ROOTS:
        if os.path.isfile(os.path.join(deps, root, rel)):
            return root
    raise SystemExit(f"import not found in any root: {rel}")


def main():
    deps = os.path.join(sys.argv[1], "deps")
    pending = [s.split(":", 1)[1] if s.startswith("xds:") else s for s in SEEDS]
    found = {}
    while pending:
        rel = pending.pop()
        if rel in found or BUILTIN.match(rel):
            continue
        root = locate(deps, rel)
        found[rel] = root
        with open(os.path.join(deps, root, rel), encoding="utf-8") as f:
            pending.extend(IMPORT.findall(f.read()))
    print("<!-- Generated by tools/envoy_proto_closure.py: the .proto files compiled into EnvoyGateway.Sdk.Envoy. -->")
    print("<!-- validate/validate.proto is not listed: the build compiles a patched copy (see the .csproj). -->")
    print("<Project>")
    print("  <ItemGroup>")
    for rel in sorted(found, key=lambda r: (ROOTS.index(found[r]), r)):
        root = found[rel]
        if root == "protoc-gen-validate":
            continue
        print(f'    <EnvoyProto Include="$(EnvoyDeps){root}/{rel}" ProtoRoot="$(EnvoyDeps){root}" />')
    print("  </ItemGroup>")
    print("</Project>")
    print(f"<!-- {len(found)} files -->", file=sys.stderr)


if __name__ == "__main__":
    main()
