import KontorCore
import XCTest

final class NormalizerTests: XCTestCase {
    private func check(
        _ normalizer: Normalizer, _ table: [(String, String?)], country: String? = nil,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        for (input, expected) in table {
            XCTAssertEqual(
                normalizer.normalize(input, defaultCountry: country), expected,
                "\(normalizer.rawValue)(\(input.debugDescription))", file: file, line: line)
        }
    }

    func testEmail() {
        check(.email, [
            (" Test@Example.COM ", "test@example.com"), ("a b@x.de", "ab@x.de"), ("\tANN@X.DE\n", "ann@x.de"),
            ("john.smith+news@gmail.com", "john.smith+news@gmail.com"), ("", nil), ("   ", nil),
        ])
    }

    func testGoogleEmailDropsDotsAndTagsOnlyForGmail() {
        check(.emailGoogle, [
            ("John.Smith+news@Gmail.com", "johnsmith@gmail.com"), ("j.o.h.n@googlemail.com", "john@googlemail.com"),
            ("john.smith+news@example.com", "john.smith+news@example.com"), ("no-at-sign", "no-at-sign"), (" ", nil),
        ])
    }

    func testName() {
        check(.name, [
            ("  John ", "john"), ("O'Brien", "obrien"), ("Anne-Marie", "annemarie"), ("Müller", "müller"),
            ("«José»", "josé"), ("Dr. Who!", "dr who"), ("...", nil),
        ])
    }

    func testCity() {
        check(.city, [
            ("New York", "newyork"), ("Frankfurt am Main", "frankfurtammain"), ("St. Gallen", "stgallen"),
            ("München", "münchen"), ("Halle (Saale)", "hallesaale"), ("san_jose", "sanjose"), ("--", nil),
        ])
    }

    func testState() {
        check(.state, [
            ("California", "ca"), ("new york", "ny"), ("NY", "ny"), ("US-TX", "tx"), ("District of Columbia", "dc"),
            ("Bayern", "bayern"), ("Nordrhein-Westfalen", "nordrheinwestfalen"), ("BY", "by"),
        ])
    }

    func testZip() {
        check(.zip, [
            ("94045-1234", "94045"), (" 10115 ", "10115"), ("SW1A 1AA", "sw1a1aa"), ("00-950", "00-950"),
        ])
        check(.zip, [("940451234", "94045"), ("94045-1234", "94045"), ("94045", "94045")], country: "US")
    }

    func testCountry() {
        check(.country, [
            ("DE", "de"), ("deu", "de"), ("Germany", "de"), ("Deutschland", "de"), ("Österreich", "at"),
            ("Schweiz", "ch"), ("United States of America", "us"), ("U.S.A.", "us"), ("USA", "us"), ("UK", "gb"),
            ("United Kingdom", "gb"), ("the Netherlands", "nl"), ("Côte d'Ivoire", "ci"), ("south korea", "kr"),
            ("Atlantis", nil), ("XX", nil),
        ])
    }

    func testGender() {
        check(.gender, [
            ("Male", "m"), ("m", "m"), ("BOY", "m"), ("man", "m"), ("männlich", "m"), ("Female", "f"), ("woman", "f"),
            ("girl", "f"), ("F", "f"), ("w", "f"), ("divers", nil), ("", nil),
        ])
    }

    func testDate() {
        check(.date, [
            ("1990-05-17", "19900517"), ("1990-05-17T08:30:00Z", "19900517"), ("19900517", "19900517"),
            ("17.05.1990", "19900517"), ("05/17/1990", "19900517"), ("17/05/1990", "19900517"),
            ("04/05/1990", "19900405"), ("17 May 1990", "19900517"), ("May 17, 1990", "19900517"),
            ("17. Mai 1990", "19900517"), ("1990/5/7", "19900507"), ("2000-02-29", "20000229"),
            ("1900-02-29", nil), ("1990-13-01", nil), ("yesterday", nil), ("17.05.90", nil),
        ])
    }

    func testDateParts() {
        check(.year, [("1990", "1990"), ("1990-05-17", "1990"), ("90", nil)])
        check(.month, [("5", "05"), ("12", "12"), ("13", nil), ("May", "05"), ("Sept", "09"), ("1990-05-17", "05")])
        check(.day, [("7", "07"), ("31", "31"), ("32", nil), ("1990-05-17", "17")])
    }

    func testSimpleNormalizers() {
        check(.trim, [("  Ann Lee ", "Ann Lee")])
        check(.lowercase, [(" O'Brien ", "o'brien")])
        check(.firstInitial, [(" John", "j"), ("Élodie", "é"), ("'", nil)])
    }

    func testPhoneNormalizers() {
        check(.phoneE164, [
            ("+49 (0)151 1234-5678", "+4915112345678"), ("0151 12345678", "+4915112345678"),
            ("0049 151 12345678", "+4915112345678"),
        ], country: "DE")
        check(.digits, [
            ("+49 (0)151 1234-5678", "4915112345678"), ("0151 12345678", "4915112345678"),
        ], country: "DE")
        check(.phoneE164, [("0151 12345678", nil), ("+1 (650) 555-1234", "+16505551234")])
        check(.digits, [("0049151", "49151"), ("+1 650 555 1234", "16505551234"), ("n/a", nil)])
    }

    func testEveryNormalizerRejectsBlankInput() {
        for normalizer in Normalizer.allCases {
            XCTAssertNil(normalizer.normalize(" \t ", defaultCountry: "DE"), normalizer.rawValue)
        }
    }

    func testRawValuesAreTheConfigNames() {
        XCTAssertEqual(Normalizer(rawValue: "phone_e164"), .phoneE164)
        XCTAssertEqual(Normalizer(rawValue: "email_google"), .emailGoogle)
        XCTAssertEqual(Normalizer(rawValue: "first_initial"), .firstInitial)
    }
}
