import Papa from "papaparse";

/**
 * Every CSV the product writes, through one writer: quoted as RFC 4180 wants, and safe to open in
 * a spreadsheet — a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (a formula to Excel, Sheets or LibreOffice) gets a leading `'`, unless it is a plain number
 * ("-5", "-1.5"), which a spreadsheet reads as a number and nothing else. (papaparse's own default
 * pattern misses multi-line cells.)
 */
const FORMULA = /^(?!-\d+(\.\d+)?$)[=+\-@\t\r]/;

export const toCsv = (rows: unknown[][]): string => Papa.unparse(rows, { escapeFormulae: FORMULA, newline: "\n" });

/** One line of a CSV written piece by piece (streamed exports), ending with a newline. */
export const csvLine = (cells: unknown[]): string => `${toCsv([cells])}\n`;
