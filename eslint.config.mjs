import next from "eslint-config-next";

const config = [
  ...next,
  { ignores: ["lib/generated/**", ".next/**", "test-results/**", "playwright-report/**", "data/**"] },
];
export default config;
