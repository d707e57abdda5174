import KontorCore

extension PluginChecker {
    /// Inbound: exactly one of `stream` / `route`, existing target streams,
    /// a route by header or by value, and a tolerance only with a timestamp.
    mutating func checkInbound() {
        guard let inbound = plugin.inbound else { return }
        let streams = plugin.streams.keys
        if (inbound.stream == nil) == (inbound.route == nil) {
            error(["inbound"], "inbound needs either 'stream' or 'route'")
        }
        if let name = inbound.stream, plugin.streams[name] == nil {
            unknownName(["inbound", "stream"], "unknown stream '\(name)' in inbound", name, among: streams)
        }
        if let route = inbound.route {
            if (route.header == nil) == (route.value == nil) {
                error(["inbound", "route"], "a route needs either 'header' or 'value'")
            }
            for (match, name) in route.streams where plugin.streams[name] == nil {
                unknownName(["inbound", "route", "streams", match], "unknown stream '\(name)' in route", name, among: streams)
            }
            if let name = route.default, plugin.streams[name] == nil {
                unknownName(["inbound", "route", "default"], "unknown stream '\(name)' in route", name, among: streams)
            }
        }
        if let signature = inbound.signature, signature.tolerance != nil, signature.timestampHeader == nil {
            error(["inbound", "signature", "tolerance"], "'tolerance' requires 'timestamp_header'")
        }
    }
}
