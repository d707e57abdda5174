import PostgresNIO

/// A bind parameter sent as text with no declared type (OID 0): the server
/// types it from where it stands, as it does a quoted literal in psql. So a
/// stored cursor `"2025-03-01 10:00:00.123456+00"` compares with a
/// `timestamptz` column, and `"4711"` with a `bigint` key, without casts.
struct UntypedText: PostgresDynamicTypeEncodable {
    var text: String

    var psqlType: PostgresDataType { .null }
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}
