namespace AspireMsa.DemoData;

/// <summary>
/// The demo store, in one place: what a newcomer browses on first run. SKUs are fixed here, so every load finds the
/// products an earlier load created, and old clients' item codes (the legacy adapter) keep meaning the same product.
/// </summary>
public static class DemoCatalog
{
    public static IReadOnlyList<DemoProduct> Products { get; } =
    [
        new("SKU-000101", "Ethiopia Yirgacheffe Whole Beans 250 g", "Coffee & Tea", "Washed light roast with notes of jasmine, bergamot and lemon.", 12.90m, 120),
        new("SKU-000102", "Colombia Huila Espresso Blend 1 kg", "Coffee & Tea", "Medium-dark roast for espresso: cocoa, caramel and a syrupy body.", 32.50m, 60),
        new("SKU-000103", "Sencha Green Tea 100 g", "Coffee & Tea", "Steamed Japanese green tea, grassy and sweet; brew at 70 °C.", 9.80m, 80),
        new("SKU-000104", "Earl Grey Loose Leaf Tea 200 g", "Coffee & Tea", "Ceylon black tea with natural bergamot oil.", 8.40m, 90),
        new("SKU-000105", "Decaf Brazil Santos 500 g", "Coffee & Tea", "Swiss-water decaffeinated beans with a nutty, low-acid cup.", 15.20m, 45),
        new("SKU-000106", "Chai Spice Blend 150 g", "Coffee & Tea", "Assam black tea with cardamom, cinnamon, ginger and clove.", 7.60m, 70),
        new("SKU-000107", "Cold Brew Coffee Bags, 12 Pack", "Coffee & Tea", "Coarse-ground filter bags for one litre of cold brew each.", 11.00m, 100),
        new("SKU-000108", "Matcha Ceremonial Grade 30 g", "Coffee & Tea", "Stone-ground first-harvest matcha from Uji.", 24.90m, 35),

        new("SKU-000201", "Cast Iron Skillet 26 cm", "Kitchen", "Pre-seasoned skillet that goes from stove top to oven.", 39.00m, 40),
        new("SKU-000202", "Chef's Knife 20 cm", "Kitchen", "Forged stainless steel blade with a full tang and a walnut handle.", 79.00m, 25),
        new("SKU-000203", "Pour-Over Coffee Dripper", "Kitchen", "Ceramic cone dripper for size 02 paper filters.", 22.00m, 55),
        new("SKU-000204", "Gooseneck Kettle 1 L", "Kitchen", "Electric kettle with temperature control from 40 to 100 °C.", 64.00m, 30),
        new("SKU-000205", "Bamboo Cutting Board Set", "Kitchen", "Three boards with juice grooves, from 20 to 40 cm.", 29.50m, 50),
        new("SKU-000206", "Burr Coffee Grinder", "Kitchen", "Conical steel burrs with 40 grind settings, espresso to French press.", 119.00m, 18),
        new("SKU-000207", "Glass Food Storage Set, 10 Pieces", "Kitchen", "Oven-safe borosilicate containers with snap-lock lids.", 34.90m, 65),
        new("SKU-000208", "Digital Kitchen Scale", "Kitchen", "Weighs up to 5 kg in 0.1 g steps, with a built-in timer.", 19.90m, 75),

        new("SKU-000301", "Two-Person Backpacking Tent", "Outdoor", "Freestanding 1.6 kg tent with two doors and two vestibules.", 249.00m, 12),
        new("SKU-000302", "Down Sleeping Bag -5 °C", "Outdoor", "650-fill-power down mummy bag that packs to the size of a melon.", 189.00m, 15),
        new("SKU-000303", "Trekking Poles, Carbon", "Outdoor", "Pair of three-section carbon poles with cork grips.", 89.00m, 28),
        new("SKU-000304", "Insulated Water Bottle 750 ml", "Outdoor", "Double-walled steel: cold for 24 hours, hot for 12.", 27.50m, 110),
        new("SKU-000305", "Headlamp 400 Lumen", "Outdoor", "Rechargeable headlamp with red light and a lock mode.", 34.00m, 60),
        new("SKU-000306", "Camping Stove with Piezo Ignition", "Outdoor", "Canister stove that boils a litre of water in three and a half minutes.", 45.00m, 33),
        new("SKU-000307", "Daypack 28 L", "Outdoor", "Ventilated back panel, hip belt and a hydration sleeve.", 95.00m, 26),
        new("SKU-000308", "Merino Wool Hiking Socks, 3 Pairs", "Outdoor", "Cushioned sole, seamless toe, odour-resistant wool.", 36.00m, 85),

        new("SKU-000401", "Designing Data-Intensive Applications", "Books", "Martin Kleppmann on the ideas behind reliable, scalable and maintainable systems.", 44.90m, 40),
        new("SKU-000402", "Building Microservices, 2nd Edition", "Books", "Sam Newman on designing fine-grained systems.", 49.90m, 35),
        new("SKU-000403", "Domain-Driven Design Distilled", "Books", "Vaughn Vernon's short guide to bounded contexts and aggregates.", 29.90m, 30),
        new("SKU-000404", "Release It!, 2nd Edition", "Books", "Michael Nygard on stability patterns: circuit breakers, bulkheads, timeouts.", 39.90m, 32),
        new("SKU-000405", "Enterprise Integration Patterns", "Books", "Hohpe and Woolf's catalogue of messaging solutions.", 59.90m, 20),
        new("SKU-000406", "The Pragmatic Programmer", "Books", "Twentieth-anniversary edition of the classic on the craft of software.", 42.00m, 45),
        new("SKU-000407", "Site Reliability Engineering", "Books", "How Google runs production systems.", 47.50m, 25),
        new("SKU-000408", "Refactoring, 2nd Edition", "Books", "Martin Fowler on improving the design of existing code.", 46.90m, 28),

        new("SKU-000501", "Noise-Cancelling Headphones", "Audio", "Over-ear wireless headphones with 30 hours of battery.", 279.00m, 20),
        new("SKU-000502", "True Wireless Earbuds", "Audio", "Water-resistant earbuds with a wireless charging case.", 129.00m, 45),
        new("SKU-000503", "Bookshelf Speakers, Pair", "Audio", "Powered two-way speakers with Bluetooth and an optical input.", 219.00m, 14),
        new("SKU-000504", "USB Condenser Microphone", "Audio", "Cardioid microphone for calls and podcasts, with a desk stand.", 89.00m, 30),
        new("SKU-000505", "Portable Bluetooth Speaker", "Audio", "Rugged speaker that floats, with 12 hours of playback.", 69.00m, 50),
        new("SKU-000506", "Turntable with Built-In Preamp", "Audio", "Belt-drive turntable playing 33 and 45 rpm records.", 249.00m, 10),
        new("SKU-000507", "Studio Monitor Headphones", "Audio", "Closed-back wired headphones with a flat response for mixing.", 99.00m, 22),
        new("SKU-000508", "Headphone Amplifier and DAC", "Audio", "USB-C DAC with a balanced output for high-impedance headphones.", 149.00m, 16),

        new("SKU-000601", "Standing Desk Frame", "Home Office", "Dual-motor frame from 62 to 127 cm with four height presets.", 399.00m, 8),
        new("SKU-000602", "Ergonomic Office Chair", "Home Office", "Mesh back, adjustable lumbar support and 4D armrests.", 329.00m, 10),
        new("SKU-000603", "27-Inch 4K Monitor", "Home Office", "IPS panel with USB-C power delivery of 65 W.", 379.00m, 12),
        new("SKU-000604", "Mechanical Keyboard, Tenkeyless", "Home Office", "Hot-swappable switches and PBT keycaps.", 119.00m, 30),
        new("SKU-000605", "Wireless Ergonomic Mouse", "Home Office", "Vertical mouse that pairs with three devices.", 59.00m, 40),
        new("SKU-000606", "LED Desk Lamp with Wireless Charger", "Home Office", "Dimmable lamp with five colour temperatures.", 49.00m, 35),
        new("SKU-000607", "Laptop Stand, Aluminium", "Home Office", "Raises a laptop to eye level in six steps.", 39.00m, 55),
        new("SKU-000608", "Cable Management Tray", "Home Office", "Under-desk steel tray that hides a power strip and cables.", 24.00m, 60),
    ];
}
