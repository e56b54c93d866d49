//! Word lists the grammars consult: units of measure, currencies, counted nouns and the class
//! each belongs to, and words that end a noun phrase. Kept apart from the grammar so that
//! adding a word never means touching a parser.

use serde::Serialize;

/// What kind of thing a counted noun names. Subjects group claims by class, so "500 troops"
/// and "500-strong mission" can be compared while "29 allies" and "30 Iraqis" cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitClass {
    /// Soldiers, troops, trainers, staff, people working somewhere.
    Personnel,
    /// Countries, nations, allies, member states.
    Countries,
    /// People named by nationality: Iraqis, Russians.
    Nationals,
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
        "personnel, countries, nationals, casualties, facilities, vehicles, money, percent, time, measure";
}

/// Counted nouns (lower case, as written) and their class.
const COUNTED_NOUNS: &[(&str, UnitClass)] = &[
    ("soldiers", UnitClass::Personnel),
    ("soldier", UnitClass::Personnel),
    ("troops", UnitClass::Personnel),
    ("trainers", UnitClass::Personnel),
    ("instructors", UnitClass::Personnel),
    ("advisers", UnitClass::Personnel),
    ("advisors", UnitClass::Personnel),
    ("personnel", UnitClass::Personnel),
    ("staff", UnitClass::Personnel),
    ("staffers", UnitClass::Personnel),
    ("people", UnitClass::Personnel),
    ("persons", UnitClass::Personnel),
    ("officers", UnitClass::Personnel),
    ("officials", UnitClass::Personnel),
    ("servicemen", UnitClass::Personnel),
    ("servicemembers", UnitClass::Personnel),
    ("marines", UnitClass::Personnel),
    ("sailors", UnitClass::Personnel),
    ("airmen", UnitClass::Personnel),
    ("forces", UnitClass::Personnel),
    ("fighters", UnitClass::Personnel),
    ("employees", UnitClass::Personnel),
    ("workers", UnitClass::Personnel),
    ("police", UnitClass::Personnel),
    ("policemen", UnitClass::Personnel),
    ("guards", UnitClass::Personnel),
    ("contractors", UnitClass::Personnel),
    ("experts", UnitClass::Personnel),
    ("specialists", UnitClass::Personnel),
    ("volunteers", UnitClass::Personnel),
    ("medics", UnitClass::Personnel),
    ("diplomats", UnitClass::Personnel),
    ("peacekeepers", UnitClass::Personnel),
    ("engineers", UnitClass::Personnel),
    ("countries", UnitClass::Countries),
    ("nations", UnitClass::Countries),
    ("states", UnitClass::Countries),
    ("allies", UnitClass::Countries),
    ("members", UnitClass::Countries),
    ("signatories", UnitClass::Countries),
    ("deaths", UnitClass::Casualties),
    ("dead", UnitClass::Casualties),
    ("casualties", UnitClass::Casualties),
    ("victims", UnitClass::Casualties),
    ("fatalities", UnitClass::Casualties),
    ("wounded", UnitClass::Casualties),
    ("injured", UnitClass::Casualties),
    ("bases", UnitClass::Facilities),
    ("facilities", UnitClass::Facilities),
    ("camps", UnitClass::Facilities),
    ("sites", UnitClass::Facilities),
    ("embassies", UnitClass::Facilities),
    ("planes", UnitClass::Vehicles),
    ("aircraft", UnitClass::Vehicles),
    ("jets", UnitClass::Vehicles),
    ("drones", UnitClass::Vehicles),
    ("helicopters", UnitClass::Vehicles),
    ("ships", UnitClass::Vehicles),
    ("tanks", UnitClass::Vehicles),
    ("vehicles", UnitClass::Vehicles),
];

pub fn counted_noun_class(noun: &str) -> Option<UnitClass> {
    let lower = noun.to_lowercase();
    COUNTED_NOUNS.iter().find(|(n, _)| *n == lower).map(|&(_, class)| class)
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
    ("decades", "decade"),
    ("decade", "decade"),
    ("centuries", "century"),
    ("century", "century"),
];

/// Units of measure as written after a number, longest first, and their canonical symbol.
/// Symbols are matched case-sensitively; words case-insensitively.
pub const MEASURE_UNITS: &[(&str, &str)] = &[
    ("square kilometres", "km2"),
    ("square kilometers", "km2"),
    ("square kilometre", "km2"),
    ("square kilometer", "km2"),
    ("square metres", "m2"),
    ("square meters", "m2"),
    ("square miles", "mi2"),
    ("square mile", "mi2"),
    ("square feet", "ft2"),
    ("sq km", "km2"),
    ("sq ft", "ft2"),
    ("cubic metres", "m3"),
    ("cubic meters", "m3"),
    ("cubic feet", "ft3"),
    ("kilometres per hour", "km/h"),
    ("kilometers per hour", "km/h"),
    ("miles per hour", "mi/h"),
    ("miles an hour", "mi/h"),
    ("metres per second", "m/s"),
    ("meters per second", "m/s"),
    ("degrees celsius", "°C"),
    ("degrees fahrenheit", "°F"),
    ("degrees centigrade", "°C"),
    ("fluid ounces", "fl oz"),
    ("fl oz", "fl oz"),
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
    ("metres", "m"),
    ("meters", "m"),
    ("metre", "m"),
    ("meter", "m"),
    ("miles", "mi"),
    ("mile", "mi"),
    ("yards", "yd"),
    ("yard", "yd"),
    ("feet", "ft"),
    ("foot", "ft"),
    ("inches", "in"),
    ("inch", "in"),
    ("kilograms", "kg"),
    ("kilogram", "kg"),
    ("kilos", "kg"),
    ("kilo", "kg"),
    ("milligrams", "mg"),
    ("milligram", "mg"),
    ("grams", "g"),
    ("gram", "g"),
    ("tonnes", "t"),
    ("tonne", "t"),
    ("tons", "t"),
    ("ton", "t"),
    ("ounces", "oz"),
    ("ounce", "oz"),
    ("lbs", "lb"),
    ("lb", "lb"),
    ("millilitres", "ml"),
    ("milliliters", "ml"),
    ("litres", "l"),
    ("liters", "l"),
    ("litre", "l"),
    ("liter", "l"),
    ("gallons", "gal"),
    ("gallon", "gal"),
    ("barrels", "bbl"),
    ("barrel", "bbl"),
    ("cups", "cup"),
    ("cup", "cup"),
    ("tablespoons", "tbsp"),
    ("teaspoons", "tsp"),
    ("hectares", "ha"),
    ("hectare", "ha"),
    ("acres", "acre"),
    ("acre", "acre"),
    ("celsius", "°C"),
    ("fahrenheit", "°F"),
    ("kelvin", "K"),
    ("degrees", "°"),
    ("degree", "°"),
    ("mph", "mi/h"),
    ("kph", "km/h"),
    ("km/h", "km/h"),
    ("km²", "km2"),
    ("m²", "m2"),
    ("°C", "°C"),
    ("°F", "°F"),
    ("°", "°"),
    ("km", "km"),
    ("cm", "cm"),
    ("mm", "mm"),
    ("mi", "mi"),
    ("ft", "ft"),
    ("kg", "kg"),
    ("mg", "mg"),
    ("ml", "ml"),
    ("mL", "ml"),
    ("gal", "gal"),
    ("oz", "oz"),
    ("GB", "GB"),
    ("MB", "MB"),
    ("TB", "TB"),
    ("kB", "kB"),
    ("kW", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("kWh", "kWh"),
    ("Hz", "Hz"),
    ("GHz", "GHz"),
    ("MHz", "MHz"),
    ("m", "m"),
    ("g", "g"),
    ("l", "l"),
    ("L", "l"),
    ("C", "°C"),
    ("F", "°F"),
];

/// Currencies written before the amount: symbol or code, and the ISO code.
pub const CURRENCY_PREFIXES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("USD", "USD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("¥", "JPY"),
    ("JPY", "JPY"),
    ("₹", "INR"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("CHF", "CHF"),
];

/// Currency words written after the amount, and the ISO code (cents keep their own name).
pub const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("us dollars", "USD"),
    ("u.s. dollars", "USD"),
    ("canadian dollars", "CAD"),
    ("australian dollars", "AUD"),
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("bucks", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("british pounds", "GBP"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
    ("rupee", "INR"),
    ("francs", "CHF"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("cents", "cent"),
    ("cent", "cent"),
    ("pence", "pence"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
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
    STOP.contains(&word.to_lowercase().as_str())
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
    GROUPS.contains(&word.to_lowercase().as_str())
}
