import type { ListingDraftInput } from "../lib/listing/schema";

type DemoApp = {
  name: string;
  type: "PUBLIC" | "PRIVATE";
  status: string;
  clientId: string;
  color: string;
  accent: string;
  listing: Omit<ListingDraftInput, "appName" | "iconAssetId" | "images" | "onboarding"> & {
    imageAlts: string[];
    onboarding?: {
      blocks: { title: string; description: string }[];
      videoUrl: string;
      videoTitle: string;
      videoDescription: string;
    };
  };
};

const site = (slug: string) => `https://${slug}.example.com`;

/** Three demo apps with complete listings, written for the demo workspace. */
export const DEMO_APPS: DemoApp[] = [
  {
    name: "QuoteFlow",
    type: "PUBLIC",
    status: "PUBLISHED",
    clientId: "b6f1c2d93e4a7f10",
    color: "#4c6ef5",
    accent: "#edf2ff",
    listing: {
      callbackUrl: `${site("quoteflow")}/pipedrive/callback`,
      installationUrl: `${site("quoteflow")}/pipedrive/install`,
      scopes: [
        { id: "base", justification: "" },
        {
          id: "deals:full",
          justification:
            "Creates a quote from a deal and writes the accepted quote's value and stage back to the deal.",
        },
        { id: "products:read", justification: "Reads the deal's products and prices to fill the quote's line items." },
        { id: "contacts:read", justification: "Reads the deal's person and organization to address the quote." },
      ],
      features: [
        {
          id: "qf-panel",
          type: "custom_panel",
          name: "Quote panel",
          description: "See every quote of a deal, its status and who opened it, right in the deal view.",
        },
        {
          id: "qf-action",
          type: "link_action",
          name: "Create quote",
          description: "Start a branded quote from the deal's products in two clicks.",
        },
      ],
      categories: ["Proposals & quotes", "Document management"],
      summary: "Send branded quotes from any deal in two clicks, and see when they are opened and signed.",
      description:
        "QuoteFlow turns the products on a Pipedrive deal into a branded, e-signable quote.\n\n**What you get**\n\n- Quotes built from the deal's products, prices and discounts\n- Open and signature tracking, shown on the deal\n- Accepted quotes move the deal to the next stage automatically\n\nQuotes are available in English, German and French. See [our pricing](https://quoteflow.example.com/pricing) for plans.",
      videoUrl: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
      setupInstructions:
        "1. Click **Install** and allow QuoteFlow to access your Pipedrive account.\n2. Choose your quote template and upload your logo.\n3. Open any deal and click **Create quote**.\n\nNeed help? Write to support@quoteflow.example.com — we answer within one business day.",
      websiteUrl: site("quoteflow"),
      termsUrl: `${site("quoteflow")}/terms`,
      privacyUrl: `${site("quoteflow")}/privacy`,
      pricingUrl: `${site("quoteflow")}/pricing`,
      supportUrl: `${site("quoteflow")}/support`,
      supportEmail: "support@quoteflow.example.com",
      documentationUrl: `${site("quoteflow")}/docs/pipedrive`,
      issueTrackerUrl: "",
      contactEmail: "partners@quoteflow.example.com",
      useCase:
        "Sales teams create quotes from deals without copying products into another tool, and see quote status on the deal.",
      installFlowRecordingUrl: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
      imageAlts: [
        "A quote built from a deal's products",
        "The quote panel on a Pipedrive deal",
        "Signature tracking with the deal stage",
      ],
      onboarding: {
        blocks: [
          {
            title: "Pick your quote template",
            description: "Choose one of six layouts and add your logo and brand colours.",
          },
          {
            title: "Create your first quote",
            description: "Open a deal with products and click Create quote in the QuoteFlow panel.",
          },
        ],
        videoUrl: "https://vimeo.com/76979871",
        videoTitle: "QuoteFlow in two minutes",
        videoDescription: "From a deal's products to a signed quote.",
      },
    },
  },
  {
    name: "CallSprout",
    type: "PUBLIC",
    status: "IN_REVIEW",
    clientId: "c81d0e5f2a3b4c66",
    color: "#0ca678",
    accent: "#e6fcf5",
    listing: {
      callbackUrl: `${site("callsprout")}/oauth/pipedrive`,
      installationUrl: "",
      scopes: [
        { id: "base", justification: "" },
        { id: "phone-integration", justification: "Places and logs calls through Pipedrive's caller integration." },
        {
          id: "activities:full",
          justification: "Logs each call as an activity with its duration, outcome and recording link.",
        },
        { id: "contacts:read", justification: "Shows who is calling and matches numbers to persons." },
      ],
      features: [
        {
          id: "cs-float",
          type: "custom_floating_window",
          name: "Dialer",
          description: "A dialer that floats over Pipedrive: call, transfer and take notes without leaving the deal.",
        },
      ],
      categories: ["Calling & VoIP", "Productivity"],
      summary: "Call leads with a floating dialer and get every call logged with notes and recordings.",
      description:
        "CallSprout adds a cloud phone to Pipedrive.\n\n- Click any number to call; the dialer floats over Pipedrive\n- Every call is logged as an activity with outcome and recording\n- Local numbers in 40 countries\n\nCall recording follows your country's consent rules; see our [compliance guide](https://callsprout.example.com/compliance).",
      videoUrl: "",
      setupInstructions:
        "1. Install CallSprout and allow access.\n2. Pick or port a phone number in the CallSprout app.\n3. In Pipedrive, open **Settings → Caller** and choose CallSprout.\n\nIf your company blocks browser microphones, contact help@callsprout.example.com.",
      websiteUrl: site("callsprout"),
      termsUrl: `${site("callsprout")}/terms`,
      privacyUrl: `${site("callsprout")}/privacy`,
      pricingUrl: `${site("callsprout")}/pricing`,
      supportUrl: `${site("callsprout")}/help`,
      supportEmail: "help@callsprout.example.com",
      documentationUrl: "",
      issueTrackerUrl: "",
      contactEmail: "pipedrive@callsprout.example.com",
      useCase: "Inside sales teams call and log calls from Pipedrive without a desk phone.",
      installFlowRecordingUrl: "",
      imageAlts: ["The floating dialer over a deal", "A logged call with its recording"],
    },
  },
  {
    name: "Ledgerly Sync",
    type: "PUBLIC",
    status: "DRAFT",
    clientId: "d2e3f4a5b6c7d8e9",
    color: "#f08c00",
    accent: "#fff9db",
    listing: {
      callbackUrl: `${site("ledgerly")}/integrations/pipedrive/callback`,
      installationUrl: "",
      scopes: [
        { id: "base", justification: "" },
        { id: "deals:read", justification: "Reads won deals to create invoices." },
        { id: "products:read", justification: "" },
      ],
      features: [],
      categories: ["Accounting & invoicing"],
      summary: "Turn won Pipedrive deals into invoices in Ledgerly, and see payment status on the deal.",
      description:
        "Ledgerly Sync creates an invoice in Ledgerly when a deal is won.\n\n- Invoices from the deal's products\n- Payment status back on the deal",
      videoUrl: "",
      setupInstructions:
        "1. Install Ledgerly Sync.\n2. Connect your Ledgerly company.\n3. Choose the pipeline stage that creates invoices.",
      websiteUrl: site("ledgerly"),
      termsUrl: `${site("ledgerly")}/terms`,
      privacyUrl: `${site("ledgerly")}/privacy`,
      pricingUrl: "",
      supportUrl: "",
      supportEmail: "support@ledgerly.example.com",
      documentationUrl: "",
      issueTrackerUrl: "",
      contactEmail: "dev@ledgerly.example.com",
      useCase: "",
      installFlowRecordingUrl: "",
      imageAlts: ["An invoice created from a won deal"],
    },
  },
];

/** A screenshot-like picture of an app, drawn as SVG and rendered by sharp. */
export function screenshotSvg(app: DemoApp, index: number, width = 1280, height = 800) {
  const bars = Array.from({ length: 6 }, (_, i) => {
    const h = 80 + ((i * 53 + index * 37) % 220);
    return `<rect x="${760 + i * 70}" y="${620 - h}" width="44" height="${h}" rx="6" fill="${app.color}" opacity="${0.45 + i * 0.09}"/>`;
  }).join("");
  const rows = Array.from(
    { length: 5 },
    (_, i) => `<rect x="96" y="${300 + i * 64}" width="560" height="44" rx="8" fill="#fff" stroke="#dee2e6"/>
    <rect x="116" y="${314 + i * 64}" width="${180 + ((i * 71 + index * 29) % 220)}" height="16" rx="8" fill="#ced4da"/>`,
  ).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1280 800">
  <rect width="1280" height="800" fill="${app.accent}"/>
  <rect width="1280" height="72" fill="#ffffff"/><rect x="32" y="20" width="32" height="32" rx="8" fill="${app.color}"/>
  <text x="80" y="46" font-family="sans-serif" font-size="24" font-weight="700" fill="#212529">${app.name}</text>
  <text x="96" y="200" font-family="sans-serif" font-size="44" font-weight="700" fill="#212529">${app.listing.imageAlts[index] ?? app.name}</text>
  <text x="96" y="250" font-family="sans-serif" font-size="24" fill="#495057">${(app.listing.summary ?? "").slice(0, 70)}</text>
  ${rows}<rect x="720" y="290" width="480" height="360" rx="16" fill="#fff" stroke="#dee2e6"/>${bars}
</svg>`;
}

export function iconSvg(app: DemoApp) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512"><rect width="512" height="512" rx="112" fill="${app.color}"/>
  <text x="256" y="330" font-family="sans-serif" font-size="260" font-weight="700" fill="#fff" text-anchor="middle">${app.name[0]}</text></svg>`;
}

export function onboardingSvg(app: DemoApp, index: number) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="400"><rect width="720" height="400" fill="${app.accent}"/>
  <rect x="40" y="40" width="640" height="320" rx="16" fill="#fff"/><circle cx="120" cy="120" r="40" fill="${app.color}"/>
  <text x="120" y="136" font-family="sans-serif" font-size="44" font-weight="700" fill="#fff" text-anchor="middle">${index + 1}</text>
  <rect x="190" y="100" width="400" height="20" rx="10" fill="#ced4da"/><rect x="190" y="140" width="300" height="16" rx="8" fill="#e9ecef"/></svg>`;
}
