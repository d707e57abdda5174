import PostgresNIO

extension PostgresURL {
    /// The PostgresNIO connection settings for this address.
    /// - Parameter startupParameters: session settings sent with the login (`TimeZone`, `statement_timeout`).
    /// - Throws: NIOSSL's error when no TLS context can be made.
    func configuration(startupParameters: [(String, String)] = []) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case .disable:
            tls = .disable
        case .prefer, .require:
            var settings = TLSConfiguration.makeClientConfiguration()
            settings.certificateVerification = .none
            let context = try NIOSSLContext(configuration: settings)
            tls = sslMode == .prefer ? .prefer(context) : .require(context)
        case .verifyFull:
            tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls
        )
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// `user@host:port/database`, for messages: never the password.
    var displayName: String { "\(username)@\(host):\(port)/\(database)" }
}
