import KontorStore
import XCTest

final class StoreURLTests: XCTestCase {
    func testValidURLs() throws {
        let postgres = PostgresLocation(
            host: "db.example", port: 5433, user: "kontor", password: "p@ss:word", database: "kontor",
            parameters: [("sslmode", "require")])
        let table: [(String, StoreURL)] = [
            ("sqlite:kontor.db", .sqliteFile(path: "kontor.db")),
            ("sqlite:data/kontor.db", .sqliteFile(path: "data/kontor.db")),
            ("  sqlite:kontor.db\n", .sqliteFile(path: "kontor.db")),
            ("SQLite:kontor.db", .sqliteFile(path: "kontor.db")),
            ("sqlite:///var/lib/kontor/kontor.db", .sqliteFile(path: "/var/lib/kontor/kontor.db")),
            ("sqlite:/var/lib/kontor/kontor.db", .sqliteFile(path: "/var/lib/kontor/kontor.db")),
            ("sqlite::memory:", .sqliteMemory),
            ("postgres://kontor@localhost/kontor", .postgres(PostgresLocation(user: "kontor", database: "kontor"))),
            ("postgresql://db.example", .postgres(PostgresLocation(host: "db.example"))),
            ("postgres://kontor:p%40ss%3Aword@db.example:5433/kontor?sslmode=require", .postgres(postgres)),
            ("postgres://[::1]:6543/k", .postgres(PostgresLocation(host: "::1", port: 6543, database: "k"))),
            ("postgres:///kontor", .postgres(PostgresLocation(database: "kontor"))),
        ]
        for (text, expected) in table {
            XCTAssertEqual(try StoreURL(parsing: text), expected, text)
        }
    }

    func testInvalidURLsSayWhatIsWrong() {
        let table: [(String, String)] = [
            ("", "the store URL is empty; use sqlite:kontor.db"),
            ("kontor.db", "store URL 'kontor.db' names no engine; did you mean 'sqlite:kontor.db'?"),
            ("sqlit:kontor.db", "unknown store engine 'sqlit' in 'sqlit:kontor.db'; did you mean 'sqlite'?"),
            ("postgre://db/kontor", "unknown store engine 'postgre' in 'postgre://db/kontor'; did you mean 'postgres'?"),
            ("mysql://db/kontor", "unknown store engine 'mysql' in 'mysql://db/kontor'; use sqlite:kontor.db"),
            ("sqlite:", "store URL 'sqlite:' has no file path; e.g. 'sqlite:kontor.db'"),
            ("sqlite:///", "store URL 'sqlite:///' has no file path"),
            ("sqlite:memory", ""),
            ("sqlite::memory", "store URL 'sqlite::memory' is not valid; did you mean 'sqlite::memory:'?"),
            ("sqlite://kontor.db", "names a host, but a SQLite store is a local file; did you mean 'sqlite:kontor.db' (relative) or 'sqlite:///kontor.db' (absolute)?"),
            ("sqlite:kontor.db?mode=ro", "has query parameters; SQLite stores take none"),
            ("sqlite:data/", "names a folder; add a file name, e.g. 'sqlite:data/kontor.db'"),
            ("postgres:kontor", "PostgreSQL URLs look like postgres://user:password@host:5432/database"),
            ("postgres://db:99999/kontor", "has port '99999'; a port is a number from 1 to 65535"),
            ("postgres://db:abc/kontor", "has port 'abc'"),
            ("postgres://db/kontor?sslmode", "has parameter 'sslmode' without 'name=value'"),
            ("postgres://[::1/kontor", "has an unclosed '[' in its host"),
        ]
        for (text, fragment) in table {
            do {
                let url = try StoreURL(parsing: text)
                if !fragment.isEmpty { XCTFail("'\(text)' parsed as \(url)") }
            } catch {
                XCTAssertEqual(error.kind, .invalidURL, text)
                XCTAssertTrue(error.message.contains(fragment), "'\(text)': \(error.message)")
            }
        }
    }

    func testSqliteMemoryWithoutColonIsARelativeFile() throws {
        XCTAssertEqual(try StoreURL(parsing: "sqlite:memory"), .sqliteFile(path: "memory"))
    }

    func testPasswordsNeverShow() throws {
        let url = try StoreURL(parsing: "postgres://kontor:s3cret@db.example/kontor?password=other&sslmode=require")
        XCTAssertEqual(url.description, "postgres://kontor:***@db.example/kontor?password=***&sslmode=require")
        do {
            _ = try StoreURL(parsing: "postgres://kontor:s3cret@db.example:x/kontor")
            XCTFail("expected an invalid port")
        } catch {
            XCTAssertFalse(error.message.contains("s3cret"), error.message)
            XCTAssertTrue(error.message.contains("postgres://kontor:***@db.example:x/kontor"), error.message)
        }
        XCTAssertThrowsError(try StoreURL(parsing: "postgresx://u:s3cret@h/d")) { error in
            XCTAssertEqual("\(error)", "unknown store engine 'postgresx' in 'postgresx://u:***@h/d'; did you mean 'postgres'?")
        }
    }

    func testDescriptionIsCanonical() throws {
        let table: [(String, String)] = [
            ("sqlite:kontor.db", "sqlite:kontor.db"),
            ("sqlite:/abs/k.db", "sqlite:///abs/k.db"),
            ("sqlite::memory:", "sqlite::memory:"),
            ("postgresql://kontor@db:5432/kontor", "postgres://kontor@db/kontor"),
            ("postgres://db:6543", "postgres://db:6543"),
        ]
        for (text, expected) in table {
            XCTAssertEqual(try StoreURL(parsing: text).description, expected, text)
        }
    }

    func testEngineAndResolution() throws {
        XCTAssertEqual(try StoreURL(parsing: "sqlite:k.db").engine, "sqlite")
        XCTAssertEqual(try StoreURL(parsing: "postgres://h/d").engine, "postgres")
        let table: [(StoreURL, String, StoreURL)] = [
            (.sqliteFile(path: "k.db"), "/etc/kontor", .sqliteFile(path: "/etc/kontor/k.db")),
            (.sqliteFile(path: "k.db"), "/etc/kontor/", .sqliteFile(path: "/etc/kontor/k.db")),
            (.sqliteFile(path: "/var/k.db"), "/etc/kontor", .sqliteFile(path: "/var/k.db")),
            (.sqliteFile(path: "k.db"), "", .sqliteFile(path: "k.db")),
            (.sqliteMemory, "/etc/kontor", .sqliteMemory),
        ]
        for (url, folder, expected) in table {
            XCTAssertEqual(url.resolved(relativeTo: folder), expected, "\(url) in \(folder)")
        }
    }
}
