/// A product category the Kontor use cases segment on.
public enum ProductCategory: String, Sendable, Hashable, CaseIterable {
    case runningApparel = "running_apparel"
    case runningShoes = "running_shoes"
    case coffee
    case organic
    case groceries
    case tv
}

/// A catalogue entry: what order line items refer to.
public struct Product: Sendable, Hashable {
    public var productID: Int
    public var variantID: Int
    public var sku: String
    public var title: String
    public var category: ProductCategory
    /// The brand.
    public var vendor: String
    public var priceCents: Int
}

/// The fixed catalogue every generated order draws from (fictional brands).
///
/// `RUN-JKT-AUT` (an autumn running jacket) serves the seasonal early-access use case,
/// `COF-BERG-1KG` the loyalty coffee discount, `TV-LUM-55` the online-to-store TV, and
/// `RUN-SOCK-RACE` is the one to "recall".
public enum Catalog {
    public static let products: [Product] = [
        item(1, "RUN-JKT-AUT", "Stride Autumn Running Jacket", .runningApparel, "Stride", 12_900),
        item(2, "RUN-TGT-AUT", "Stride Thermal Running Tights", .runningApparel, "Stride", 7_900),
        item(3, "RUN-SHRT-MER", "Pacer Merino Running Shirt", .runningApparel, "Pacer", 5_900),
        item(4, "RUN-SOCK-RACE", "Pacer Race Socks (3 pairs)", .runningApparel, "Pacer", 1_900),
        item(5, "RUN-SHOE-TRL", "Pacer Trail Running Shoes", .runningShoes, "Pacer", 13_900),
        item(6, "RUN-SHOE-RD", "Stride Road Running Shoes", .runningShoes, "Stride", 11_900),
        item(7, "COF-BERG-1KG", "Bergkaffee Espresso Beans 1kg", .coffee, "Bergkaffee", 2_490),
        item(8, "COF-MORG-500", "Morgenrot Filter Coffee 500g", .coffee, "Morgenrot", 990),
        item(9, "COF-BERG-DEC", "Bergkaffee Decaf 500g", .coffee, "Bergkaffee", 1_290),
        item(10, "ORG-OAT-1L", "Organic Oat Drink 1l", .organic, "Feldgrün", 249),
        item(11, "ORG-BAN-1KG", "Organic Bananas 1kg", .organic, "Feldgrün", 299),
        item(12, "ORG-HON-500", "Organic Forest Honey 500g", .organic, "Bienenhof", 899),
        item(13, "GRO-BRD-SOUR", "Sourdough Bread 750g", .groceries, "Backstube", 450),
        item(14, "GRO-PAS-500", "Durum Pasta 500g", .groceries, "Nonna", 189),
        item(15, "TV-LUM-55", "Lumen 55\" 4K TV", .tv, "Lumen", 69_900),
        item(16, "TV-VIS-65", "Vistar 65\" OLED TV", .tv, "Vistar", 149_900),
    ]

    /// The product with this SKU.
    public static func product(sku: String) -> Product? {
        products.first { $0.sku == sku }
    }

    private static func item(
        _ number: Int, _ sku: String, _ title: String, _ category: ProductCategory, _ vendor: String, _ cents: Int
    ) -> Product {
        Product(
            productID: 8_100_000 + number, variantID: 9_200_000 + number, sku: sku, title: title,
            category: category, vendor: vendor, priceCents: cents
        )
    }
}
