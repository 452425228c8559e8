#!/usr/bin/env python3
"""Write crates/lang/data/units.tsv from Unicode CLDR (the npm package `cldr-units-full`,
pinned below): the names (display name, every plural and German case form) and the short
symbols in German, English (US and British) and Chinese (Simplified and Traditional) of the measurement units news reports in, each under
its English short symbol (`km`, `kWh`, `m²`, `GB`).

    python3 scripts/gen_units.py            # fetches the package with `npm pack`
    python3 scripts/gen_units.py --cldr DIR # DIR holds the unpacked package

Which units are in is decided here (UNITS): lengths, masses, areas, volumes, energy, power,
speed, temperature, data sizes, frequency, voltage and current, megapixels. Left out are
durations (figures of their own kind), angles and concentrations, and units whose names are
ordinary words in news text (`point`, `stone`, `grain`, `cup`, `dot`, `em`, `bar`,
`pound` — a currency first). Symbols of one letter (`m`, `g`, `t`, `l`, `L`) are left out
too: after a number they are as often `million` or a word; claimx_lang::units decides them.
"""
import json
import pathlib

import cldr_packages

CLDR_VERSION = cldr_packages.CLDR_VERSION
# CLDR locales read, and the language each stands for; a name an earlier locale gives to one
# unit is not given to another by a later one (en-GB `gallons` are imperial, US `gallons` win)
LOCALES = [("de", "de"), ("en", "en"), ("zh", "zh"), ("en-GB", "en"), ("zh-Hant", "zh")]
OUT = pathlib.Path(__file__).resolve().parent.parent / "crates/lang/data/units.tsv"

UNITS = """
length-kilometer length-meter length-decimeter length-centimeter length-millimeter
length-micrometer length-nanometer length-mile length-yard length-foot length-inch
length-nautical-mile length-light-year
mass-tonne mass-ton mass-kilogram mass-gram mass-milligram mass-microgram mass-ounce
area-square-kilometer area-hectare area-square-meter area-square-centimeter area-square-mile
area-acre area-square-yard area-square-foot
volume-cubic-kilometer volume-cubic-meter volume-cubic-centimeter volume-megaliter
volume-hectoliter volume-liter volume-centiliter volume-milliliter volume-gallon
volume-gallon-imperial volume-barrel
energy-kilowatt-hour energy-kilocalorie energy-kilojoule energy-joule energy-calorie
power-gigawatt power-megawatt power-kilowatt power-watt power-horsepower
speed-kilometer-per-hour speed-meter-per-second speed-mile-per-hour speed-knot
temperature-celsius temperature-fahrenheit temperature-kelvin
digital-petabyte digital-terabyte digital-gigabyte digital-megabyte digital-kilobyte
digital-gigabit digital-megabit
frequency-gigahertz frequency-megahertz frequency-kilohertz frequency-hertz
electric-volt electric-ampere electric-milliampere
graphics-megapixel
""".split()

# Chinese unit names that are, after a number, classifiers more often than units: 节 (a
# knot; lessons, carriages), 卡 (a calorie; cards), 码 (a yard; sizes, codes), 匹 (horsepower;
# horses, cloth), 焦 (a joule; scorched).
ZH_CLASSIFIERS = {("zh", c) for c in "节節卡码碼匹焦"}

# Short forms that are words after a number: `5 in 10 people`.
WORD_SYMBOLS = {"in"}

# The pattern keys that hold names: the plural forms and, in German, the cases.
NAME_KEYS = ("displayName",)
COUNTS = ("zero", "one", "two", "few", "many", "other")
CASES = ("unitPattern", "accusative", "dative", "genitive")


def clean(pattern: str) -> str:
    words = pattern.replace("{0}", "").split()
    # Chinese writes no spaces between words (`攝氏  度` in CLDR is `攝氏度` in text)
    han = any("\u4e00" <= c <= "\u9fff" for c in pattern)
    return ("" if han else " ").join(words)


def main() -> None:
    cldr, tmp = cldr_packages.folder(__doc__.split("\n")[0], ["cldr-units-full"])
    units = {}
    for loc, _ in LOCALES:
        path = cldr / f"cldr-units-full/package/main/{loc}/units.json"
        units[loc] = json.loads(path.read_text(encoding="utf-8"))["main"][loc]["units"]
    rows = set()
    owner = {}
    for loc, lang in LOCALES:
        for uid in UNITS:
            symbol = clean(units["en"]["short"][uid]["unitPattern-count-other"])
            long = units[loc]["long"].get(uid, {})
            keys = list(NAME_KEYS) + [f"{c}-count-{n}" for c in CASES for n in COUNTS]
            for k in keys:
                name = clean(long.get(k, ""))
                if name and (lang, name) not in ZH_CLASSIFIERS:
                    if owner.setdefault((lang, name.lower()), symbol) == symbol:
                        rows.add((symbol, lang, "name", name))
            s = clean(units[loc]["short"].get(uid, {}).get("unitPattern-count-other", ""))
            # one ASCII letter is a word or `million` as often as a unit; marks without a
            # letter (`′`, `″`) are quotes and primes as often
            if s and not (len(s) == 1 and s.isascii()) and any(c.isalnum() for c in s):
                if (lang, s) not in ZH_CLASSIFIERS and s not in WORD_SYMBOLS:
                    # a short form with a Han character is a name (`公里`), else a symbol
                    form = "name" if any("\u4e00" <= c <= "\u9fff" for c in s) else "symbol"
                    key = (lang if form == "name" else "*", s if form == "name" else s)
                    if owner.setdefault(key, symbol) == symbol:
                        rows.add((symbol, key[0], form, s))
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"# Generated by scripts/gen_units.py from Unicode CLDR {CLDR_VERSION} "
                "(npm cldr-units-full; Unicode License v3). Do not edit.\n")
        f.write("# unit (English short symbol)\tlang\tform\ttext   (form: name | symbol)\n")
        for row in sorted(rows):
            f.write("\t".join(row) + "\n")
    print(f"wrote {OUT} ({len(rows)} names and symbols of {len(UNITS)} units)")
    if tmp:
        tmp.cleanup()


if __name__ == "__main__":
    main()
