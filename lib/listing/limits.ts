/** Pipedrive's limits (MARKETPLACE.md); where Pipedrive documents none, a sensible guard. */
export const LIMITS = {
  appName: 50,
  summary: 150,
  description: 1500,
  setupInstructions: 1500,
  useCase: 350,
  featureName: 30,
  featureDescription: 150,
  scopeJustification: 500,
  imageAlt: 200,
  url: 2000,
  email: 254,
  images: 5,
  features: 20,
  categories: 5,
} as const;
