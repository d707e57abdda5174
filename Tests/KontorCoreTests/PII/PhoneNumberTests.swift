import KontorCore
import XCTest

final class PhoneNumberTests: XCTestCase {
    func testNationalAndInternationalForms() {
        let table: [(input: String, country: String?, e164: String?)] = [
            ("+49 (0)151 1234-5678", nil, "+4915112345678"),
            ("0151 12345678", "DE", "+4915112345678"),
            ("0049 151 12345678", nil, "+4915112345678"),
            ("4915112345678", "DE", "+4915112345678"),
            ("15112345678", "DE", "+4915112345678"),
            ("0151 12345678", "Deutschland", "+4915112345678"),
            ("0151 12345678", "deu", "+4915112345678"),
            ("0664 1234567", "AT", "+436641234567"),
            ("079 123 45 67", "CH", "+41791234567"),
            ("06 12 34 56 78", "FR", "+33612345678"),
            ("06-12345678", "NL", "+31612345678"),
            ("0470 12 34 56", "BE", "+32470123456"),
            ("06 1234 5678", "IT", "+390612345678"),
            ("+39 06 1234 5678", nil, "+390612345678"),
            ("333 123 4567", "IT", "+393331234567"),
            ("612 345 678", "ES", "+34612345678"),
            ("512 345 678", "PL", "+48512345678"),
            ("07700 900123", "GB", "+447700900123"),
            ("+44 (0)7700 900123", nil, "+447700900123"),
            ("087 123 4567", "IE", "+353871234567"),
            ("20 12 34 56", "DK", "+4520123456"),
            ("070-123 45 67", "SE", "+46701234567"),
            ("412 34 567", "NO", "+4741234567"),
            ("040 1234567", "FI", "+358401234567"),
            ("(650) 555-1234", "US", "+16505551234"),
            ("1-650-555-1234", "US", "+16505551234"),
            ("011 49 151 12345678", "US", "+4915112345678"),
            ("416 555 0123", "CA", "+14165550123"),
            ("0412 345 678", "AU", "+61412345678"),
            ("+７ ９１２ ３４５ ６７８９", nil, "+79123456789"),
            // No country can be determined.
            ("0151 12345678", nil, nil),
            ("151 12345678", "ZZ", nil),
            // Implausible digit counts.
            ("0151 1", "DE", nil),
            ("079 123 45 678", "CH", nil),
            ("+49 1234567890123456", nil, nil),
            ("555-1234", "US", nil),
            // Unknown calling code, no digits.
            ("+999 1234567", nil, nil),
            ("call me", "DE", nil),
        ]
        for row in table {
            let parsed = PhoneNumber(parsing: row.input, defaultCountry: row.country)
            XCTAssertEqual(parsed?.e164, row.e164, "\(row.input) [\(row.country ?? "-")]")
        }
    }

    func testDigitsDropThePlus() throws {
        let number = try XCTUnwrap(PhoneNumber(parsing: "+49 (0)151 1234-5678"))
        XCTAssertEqual(number.callingCode, "49")
        XCTAssertEqual(number.nationalNumber, "15112345678")
        XCTAssertEqual(number.digits, "4915112345678")
    }
}
