import KontorRuntime

extension SQLDriverRegistry {
    /// The SQL drivers the `kontor` executable links: `postgres`.
    public static var builtIn: SQLDriverRegistry { SQLDriverRegistry([PostgresSQLDriver()]) }
}
