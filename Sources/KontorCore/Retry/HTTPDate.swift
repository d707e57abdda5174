import Foundation

/// Parses the date formats HTTP allows in headers such as `Retry-After`:
/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), RFC 850
/// (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime (`Sun Nov  6 08:49:37 1994`).
/// All are UTC. Written by hand so Core needs no `DateFormatter`.
public enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The date, or `nil` when `text` is not an HTTP date.
    public static func parse(_ text: String) -> Date? {
        let tokens = text.split { $0 == " " || $0 == "," || $0 == "-" }.map(String.init)
        var month: Int?
        var numbers: [Int] = []
        var time: (Int, Int, Int)?
        for token in tokens {
            if let index = months.firstIndex(of: token.lowercased()) {
                month = index + 1
            } else if token.contains(":") {
                let parts = token.split(separator: ":").compactMap { Int($0) }
                guard parts.count == 3 else { return nil }
                time = (parts[0], parts[1], parts[2])
            } else if let number = Int(token) {
                numbers.append(number)
            }
        }
        // All three formats give the day before the year.
        guard let month, let time, numbers.count == 2 else { return nil }
        let (day, rawYear) = (numbers[0], numbers[1])
        let year = rawYear < 100 ? (rawYear < 70 ? 2000 + rawYear : 1900 + rawYear) : rawYear
        guard (1...31).contains(day), (0...23).contains(time.0), (0...59).contains(time.1), (0...60).contains(time.2)
        else { return nil }
        let days = CivilDay(year: year, month: month, day: day).days
        let seconds = days * 86_400 + time.0 * 3600 + time.1 * 60 + time.2
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
