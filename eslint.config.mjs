import next from "eslint-config-next";

const config = [
  ...next,
  { ignores: ["lib/generated/**", ".next/**", ".share/**", "test-results/**", "playwright-report/**", "data/**"] },
];
export default config;
