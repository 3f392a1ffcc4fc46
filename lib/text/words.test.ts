import { describe, expect, it } from "vitest";
import { plural, pluralForm } from "./words";

describe("plural", () => {
  it("agrees the noun and the verb with the count", () => {
    expect(plural(1, "field needs attention", "fields need attention")).toBe("1 field needs attention");
    expect(plural(2, "field needs attention", "fields need attention")).toBe("2 fields need attention");
    expect(plural(0, "review", "reviews")).toBe("0 reviews");
  });

  it("formats large counts and treats fractions as plural", () => {
    expect(plural(1200, "install", "installs")).toBe("1,200 installs");
    expect(plural(1.5, "star", "stars")).toBe("1.5 stars");
    expect(plural(-1, "day", "days")).toBe("-1 day");
  });

  it("gives the form alone", () => {
    expect(pluralForm(1, "is", "are")).toBe("is");
    expect(pluralForm(3, "is", "are")).toBe("are");
  });
});
