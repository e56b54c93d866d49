//! Word lists the grammars consult: units of measure, currencies, counted nouns and the class
//! each belongs to, and words that end a noun phrase. Kept apart from the grammar so that
//! adding a word never means touching a parser.

use serde::{Deserialize, Serialize};
use std::sync::LazyLock;

use super::words::{PackedTable, WordSet, pack_word};

/// What kind of thing a counted noun names. Subjects group claims by class, so "500 troops"
/// and "500-strong mission" can be compared while "29 allies" and "30 Iraqis" cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitClass {
    /// Soldiers, troops, trainers, staff, people working somewhere.
    Personnel,
    /// Countries, nations, allies, member states.
    Countries,
    /// People named by nationality: Iraqis, Russians.
    Nationals,
    /// Everyone who lives somewhere: `a city of 7.4 million people`, `its 38 million residents`.
    Population,
    /// Deaths, casualties, victims.
    Casualties,
    /// Bases, facilities, sites.
    Facilities,
    /// Aircraft, vehicles, ships.
    Vehicles,
    Money,
    Percent,
    Time,
    Measure,
}

impl UnitClass {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Personnel => "personnel",
            Self::Countries => "countries",
            Self::Nationals => "nationals",
            Self::Population => "population",
            Self::Casualties => "casualties",
            Self::Facilities => "facilities",
            Self::Vehicles => "vehicles",
            Self::Money => "money",
            Self::Percent => "percent",
            Self::Time => "time",
            Self::Measure => "measure",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        [
            Self::Personnel,
            Self::Countries,
            Self::Nationals,
            Self::Population,
            Self::Casualties,
            Self::Facilities,
            Self::Vehicles,
            Self::Money,
            Self::Percent,
            Self::Time,
            Self::Measure,
        ]
        .into_iter()
        .find(|class| class.as_str() == name)
    }

    pub const NAMES: &'static str =
        "personnel, countries, nationals, population, casualties, facilities, vehicles, money, percent, time, measure";
}

/// Units of time; a number counting them is a duration.
pub const TIME_UNITS: &[(&str, &str)] = &[
    ("years", "year"),
    ("year", "year"),
    ("months", "month"),
    ("month", "month"),
    ("weeks", "week"),
    ("week", "week"),
    ("days", "day"),
    ("day", "day"),
    ("hours", "h"),
    ("hour", "h"),
    ("minutes", "min"),
    ("minute", "min"),
    ("seconds", "s"),
    ("second", "s"),
    ("milliseconds", "ms"),
    ("millisecond", "ms"),
    ("microseconds", "µs"),
    ("microsecond", "µs"),
    ("nanoseconds", "ns"),
    ("nanosecond", "ns"),
    ("decades", "decade"),
    ("decade", "decade"),
    ("centuries", "century"),
    ("century", "century"),
];

/// Time units written as symbols, longest first, and their canonical symbol: matched
/// case-sensitively, glued to the number (`250ms`) or after a space (`5 min`).
pub const TIME_SYMBOLS: &[(&str, &str)] = &[
    ("msecs", "ms"),
    ("msec", "ms"),
    ("ms", "ms"),
    ("usecs", "µs"),
    ("usec", "µs"),
    ("µs", "µs"),
    ("μs", "µs"),
    ("us", "µs"),
    ("nsecs", "ns"),
    ("nsec", "ns"),
    ("ns", "ns"),
    ("secs", "s"),
    ("sec", "s"),
    ("s", "s"),
    ("mins", "min"),
    ("min", "min"),
    ("hrs", "h"),
    ("hr", "h"),
];

/// Units of measure as written after a number, longest first, and their canonical symbol.
/// Symbols (short or mixed-case entries) are matched case-sensitively and may be glued to the
/// number (`500g`, `7.62mm`); words are matched case-insensitively.
pub const MEASURE_UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square kilometre", "km2"),
    ("square kilometer", "km2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("square metre", "m2"),
    ("square meter", "m2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("square feet", "ft2"),
    ("square foot", "ft2"),
    ("sq km", "km2"),
    ("sq mi", "mi2"),
    ("sq ft", "ft2"),
    ("sq m", "m2"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("cubic feet", "ft3"),
    ("kilometres per hour", "km/h"),
    ("kilometers per hour", "km/h"),
    ("kilometres an hour", "km/h"),
    ("kilometers an hour", "km/h"),
    ("miles per hour", "mi/h"),
    ("miles an hour", "mi/h"),
    ("metres per second", "m/s"),
    ("meters per second", "m/s"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("degrees centigrade", "°C"),
    ("fluid ounces", "fl oz"),
    ("fl oz", "fl oz"),
    ("metric tons", "t"),
    ("metric tonnes", "t"),
    ("kilometres", "km"),
    ("kilometers", "km"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("centimetres", "cm"),
    ("centimeters", "cm"),
    ("centimetre", "cm"),
    ("centimeter", "cm"),
    ("millimetres", "mm"),
    ("millimeters", "mm"),
    ("millimetre", "mm"),
    ("millimeter", "mm"),
    ("decimetres", "dm"),
    ("decimeters", "dm"),
    ("nanometres", "nm"),
    ("nanometers", "nm"),
    ("micrometres", "µm"),
    ("micrometers", "µm"),
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("nautical miles", "nmi"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilogrammes", "kg"),
    ("kilos", "kg"),
    ("kilo", "kg"),
    ("milligrams", "mg"),
    ("milligram", "mg"),
    ("micrograms", "µg"),
    ("grams", "g"),
    ("gram", "g"),
    ("grammes", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("ounces", "oz"),
    ("ounce", "oz"),
    ("stones", "st"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("millilitre", "ml"),
    ("milliliter", "ml"),
    ("centilitres", "cl"),
    ("centiliters", "cl"),
    ("hectolitres", "hl"),
    ("hectoliters", "hl"),
    ("hectolitre", "hl"),
    ("hectoliter", "hl"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("pints", "pt"),
    ("pint", "pt"),
    ("quarts", "qt"),
    ("quart", "qt"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("cups", "cup"),
    ("cup", "cup"),
    ("tablespoons", "tbsp"),
    ("tablespoon", "tbsp"),
    ("teaspoons", "tsp"),
    ("teaspoon", "tsp"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("celsius", "°C"),
    ("centigrade", "°C"),
    ("celcius", "°C"),
    ("fahrenheit", "°F"),
    ("farenheit", "°F"),
    ("kelvin", "K"),
    ("degrees", "°"),
    ("degree", "°"),
    ("deg.", "°"),
    ("deg", "°"),
    ("radians", "rad"),
    ("radian", "rad"),
    ("rad", "rad"),
    ("kilowatt hours", "kWh"),
    ("kilowatt-hours", "kWh"),
    ("kilowatts", "kW"),
    ("megawatts", "MW"),
    ("gigawatts", "GW"),
    ("watts", "W"),
    ("terabytes", "TB"),
    ("terabyte", "TB"),
    ("gigabytes", "GB"),
    ("gigabyte", "GB"),
    ("megabytes", "MB"),
    ("megabyte", "MB"),
    ("kilobytes", "kB"),
    ("kilobyte", "kB"),
    ("tebibytes", "TiB"),
    ("gibibytes", "GiB"),
    ("mebibytes", "MiB"),
    ("kibibytes", "KiB"),
    ("bytes", "B"),
    ("byte", "B"),
    ("gigabits", "Gbit"),
    ("megabits", "Mbit"),
    ("kilobits", "kbit"),
    ("bits", "bit"),
    ("gigahertz", "GHz"),
    ("megahertz", "MHz"),
    ("kilohertz", "kHz"),
    ("hertz", "Hz"),
    ("volts", "V"),
    ("joules", "J"),
    ("british thermal units", "BTU"),
    ("british thermal unit", "BTU"),
    ("calories", "cal"),
    ("kilocalories", "kcal"),
    ("mph", "mi/h"),
    ("kph", "km/h"),
    ("km/h", "km/h"),
    ("kmh", "km/h"),
    ("km²", "km2"),
    ("km2", "km2"),
    ("m²", "m2"),
    ("m2", "m2"),
    ("°C", "°C"),
    ("°F", "°F"),
    ("ºC", "°C"),
    ("ºF", "°F"),
    ("°", "°"),
    ("º", "°"),
    ("kms", "km"),
    ("km", "km"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("dm", "dm"),
    ("nm", "nm"),
    ("µm", "µm"),
    ("mi", "mi"),
    ("yds", "yd"),
    ("yd", "yd"),
    ("ft", "ft"),
    ("kg", "kg"),
    ("mg", "mg"),
    ("µg", "µg"),
    ("gs", "g"),
    ("ml", "ml"),
    ("mL", "ml"),
    ("cl", "cl"),
    ("hl", "hl"),
    ("gal", "gal"),
    ("oz", "oz"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("tsp", "tsp"),
    ("tbsp", "tbsp"),
    ("ha", "ha"),
    ("GB", "GB"),
    ("MB", "MB"),
    ("TB", "TB"),
    ("KB", "kB"),
    ("kB", "kB"),
    ("KiB", "KiB"),
    ("MiB", "MiB"),
    ("GiB", "GiB"),
    ("TiB", "TiB"),
    ("Gbit", "Gbit"),
    ("Mbit", "Mbit"),
    ("kbit", "kbit"),
    ("Gb", "Gbit"),
    ("Mb", "Mbit"),
    ("mb", "Mbit"),
    ("kbps", "kbit/s"),
    ("Mbps", "Mbit/s"),
    ("Gbps", "Gbit/s"),
    ("kWh", "kWh"),
    ("MWh", "MWh"),
    ("GWh", "GWh"),
    ("Wh", "Wh"),
    ("kW", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("hp", "hp"),
    ("kV", "kV"),
    ("mAh", "mAh"),
    ("mA", "mA"),
    ("µA", "µA"),
    ("mV", "mV"),
    ("TeV", "TeV"),
    ("GeV", "GeV"),
    ("MeV", "MeV"),
    ("keV", "keV"),
    ("eV", "eV"),
    ("Hz", "Hz"),
    ("kHz", "kHz"),
    ("GHz", "GHz"),
    ("MHz", "MHz"),
    ("kJ", "kJ"),
    ("J", "J"),
    ("kcal", "kcal"),
    ("BTU", "BTU"),
    ("Btu", "BTU"),
    ("Pa", "Pa"),
    ("kPa", "kPa"),
    ("psi", "psi"),
    ("dB", "dB"),
    ("m", "m"),
    ("g", "g"),
    ("l", "l"),
    ("L", "l"),
    ("t", "t"),
    ("C", "°C"),
    ("F", "°F"),
    ("K", "K"),
    ("W", "W"),
    ("V", "V"),
    ("b", "bit"),
];

/// Length and mass units with their size in metres or grams, so that `5 feet 2 inches` and
/// `2 kg 300 g` can be added up.
pub fn unit_size(symbol: &str) -> Option<(&'static str, f64)> {
    Some(match symbol {
        "km" => ("length", 1000.0),
        "m" => ("length", 1.0),
        "dm" => ("length", 0.1),
        "cm" => ("length", 0.01),
        "mm" => ("length", 0.001),
        "mi" => ("length", 1609.344),
        "yd" => ("length", 0.9144),
        "ft" => ("length", 0.3048),
        "in" => ("length", 0.0254),
        "t" => ("mass", 1e6),
        "kg" => ("mass", 1000.0),
        "g" => ("mass", 1.0),
        "mg" => ("mass", 0.001),
        "st" => ("mass", 6350.29),
        "lb" => ("mass", 453.592),
        "oz" => ("mass", 28.3495),
        "l" => ("volume", 1.0),
        "cl" => ("volume", 0.01),
        "ml" => ("volume", 0.001),
        _ => return None,
    })
}

/// Currency symbols written before or after the amount, and the ISO code.
pub const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("Mex$", "MXN"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("₴", "UAH"),
    ("₡", "CRC"),
    ("₿", "BTC"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("RM", "MYR"),
];

/// ISO 4217 codes (and a few common non-ISO ones) recognised before or after an amount.
pub const CURRENCY_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "CAD", "AUD", "NZD", "INR", "MYR", "MXN", "BRL", "RUB", "KRW",
    "SGD", "HKD", "SEK", "NOK", "DKK", "PLN", "TRY", "ZAR", "SAR", "AED", "QAR", "KWD", "EGP", "BGN", "RON", "UAH",
    "MNT", "THB", "IDR", "PHP", "VND", "NGN", "KES", "ILS", "CZK", "HUF", "ARS", "CLP", "COP", "PEN", "PKR", "BDT",
    "LKR", "TWD", "ISK", "HRK", "BTC", "ETH",
];

/// The ISO code of a currency code as written, in any case (`RMB` is the yuan).
pub fn currency_code(code: &str) -> Option<&'static str> {
    static CODES: LazyLock<PackedTable<&'static str>> = LazyLock::new(|| {
        PackedTable::new(CURRENCY_CODES.iter().map(|&code| {
            let key = pack_word(code).unwrap_or_else(|| panic!("`{code}` is not a word of ASCII letters"));
            (key, if code == "RMB" { "CNY" } else { code })
        }))
    });
    CODES.get(pack_word(code)?).copied()
}

/// Codes common enough to be recognised in lower case (`usd 20`, `20 eur`); others could be
/// words (`try`, `pen`).
pub fn is_common_code(code: &str) -> bool {
    static COMMON: LazyLock<WordSet> = LazyLock::new(|| {
        WordSet::new(&[
            "usd", "eur", "gbp", "jpy", "cny", "rmb", "chf", "cad", "aud", "inr", "myr", "mxn",
        ])
    });
    COMMON.contains(code)
}

/// Currency words written after the amount, and the ISO code. Minor units keep their own name.
pub const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("us dollars", "USD"),
    ("us dollar", "USD"),
    ("u.s. dollars", "USD"),
    ("american dollars", "USD"),
    ("canadian dollars", "CAD"),
    ("australian dollars", "AUD"),
    ("new zealand dollars", "NZD"),
    ("hong kong dollars", "HKD"),
    ("singapore dollars", "SGD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("bucks", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("british pounds", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("quid", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rmb", "CNY"),
    ("indian rupees", "INR"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("swiss francs", "CHF"),
    ("francs", "CHF"),
    ("franc", "CHF"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rouble", "RUB"),
    ("malaysian ringgits", "MYR"),
    ("malaysian ringgit", "MYR"),
    ("ringgits", "MYR"),
    ("ringgit", "MYR"),
    ("pesos", "MXN"),
    ("peso", "MXN"),
    ("reais", "BRL"),
    ("rand", "ZAR"),
    ("naira", "NGN"),
    ("shekels", "ILS"),
    ("shekel", "ILS"),
    ("lira", "TRY"),
    ("liras", "TRY"),
    ("saudi riyals", "SAR"),
    ("riyals", "SAR"),
    ("riyal", "SAR"),
    ("dirhams", "AED"),
    ("dirham", "AED"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("tugriks", "MNT"),
    ("tugrik", "MNT"),
    ("zloty", "PLN"),
    ("kronor", "SEK"),
    ("kroner", "NOK"),
    ("bitcoins", "BTC"),
    ("bitcoin", "BTC"),
    ("cents", "cent"),
    ("cent", "cent"),
    ("pence", "pence"),
    ("penny", "pence"),
];

/// Minor currency units after the main amount (`3 dollars 50 cents`, `20 ringgit 43 sen`),
/// as a hundredth of the main unit.
pub const MINOR_CURRENCY: &[&str] = &[
    "cents", "cent", "c", "¢", "pence", "p", "sens", "sen", "kopiykas", "kopiyka", "kopecks", "kopeks", "paise",
];

/// Words that never head the noun a number counts: they end the search for a counted noun.
pub fn ends_noun_phrase(word: &str) -> bool {
    const STOP: &[&str] = &[
        "a", "an", "the", "of", "in", "on", "at", "to", "from", "for", "by", "with", "and", "or", "but", "as", "than",
        "that", "which", "who", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
        "could", "can", "may", "might", "per", "each", "into", "out", "over", "under", "after", "before", "since",
        "during", "about", "its", "their", "his", "her", "our", "this", "these", "those", "it", "they", "he", "she",
        "we", "not", "more", "less", "fewer", "percent", "ago", "later", "earlier", "if", "so",
    ];
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(STOP));
    SET.contains(word)
}

/// Nouns for groups a count can describe: "a team of 20", "an alliance of 29 countries".
pub fn is_group_noun(word: &str) -> bool {
    const GROUPS: &[&str] = &[
        "team",
        "mission",
        "force",
        "contingent",
        "group",
        "unit",
        "alliance",
        "coalition",
        "delegation",
        "staff",
        "crew",
        "battalion",
        "brigade",
        "company",
        "bloc",
        "union",
    ];
    static SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(GROUPS));
    SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes_are_found_in_any_case_and_only_whole() {
        assert_eq!(currency_code("USD"), Some("USD"));
        assert_eq!(currency_code("eur"), Some("EUR"));
        assert_eq!(currency_code("Rmb"), Some("CNY"));
        for not_a_code in ["US", "USDX", "ABC", "", "€", "U$D"] {
            assert_eq!(currency_code(not_a_code), None, "{not_a_code}");
        }
        assert!(CURRENCY_CODES.iter().all(|code| currency_code(code).is_some()));
        assert!(is_common_code("usd") && is_common_code("GBP"));
        assert!(!is_common_code("try") && !is_common_code("pen") && !is_common_code("usdx"));
    }
}
