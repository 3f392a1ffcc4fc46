/**
 * Counted words in English, from the language's plural rules: "1 field needs attention",
 * "2 fields need attention", "0 reviews". Used wherever a number meets a noun.
 */
const rules = new Intl.PluralRules("en-US");
const number = new Intl.NumberFormat("en-US");

/** The form of `one`/`other` that goes with `count`, without the number. */
export const pluralForm = (count: number, one: string, other: string) => (rules.select(count) === "one" ? one : other);

/** The count, formatted, followed by the matching form: `plural(1200, "review", "reviews")` → "1,200 reviews". */
export const plural = (count: number, one: string, other: string) =>
  `${number.format(count)} ${pluralForm(count, one, other)}`;
