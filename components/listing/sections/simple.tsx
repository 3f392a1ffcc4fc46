"use client";

import { LIMITS } from "@/lib/pipedrive/limits";
import { RichTextField } from "../rich-text-field";
import { Section, TextField } from "../editor-fields";
import { GatewayChoice, type GatewayUrls } from "../gateway-choice";

export function BasicSection({ gateway }: { gateway?: GatewayUrls }) {
  return (
    <Section
      title="Basic info"
      description="Everything you type is saved as you go; Pipedrive needs the app name and the callback URL to create the app."
    >
      <TextField
        name="appName"
        label="App name"
        limit={LIMITS.appName}
        required
        help="Must be unique and must not suggest that Pipedrive built it. Changing it changes the listing URL."
      />
      {gateway ? <GatewayChoice gateway={gateway} /> : null}
      <TextField
        name="callbackUrl"
        label="Callback URL"
        type="url"
        required
        help="The OAuth redirect URI. Pipedrive also sends uninstall calls here. A critical field: after approval, a change is reviewed again."
      />
      <TextField
        name="installationUrl"
        label="Installation URL"
        type="url"
        help="Optional: where “Proceed to install” sends the user, so the app can start OAuth itself. A critical field too."
      />
    </Section>
  );
}

export function SetupSection({ onboarding }: { onboarding: React.ReactNode }) {
  return (
    <>
      <Section
        title="Instructions for users"
        description="Accurate step-by-step setup, and who to contact when self-service is not possible."
      >
        <RichTextField
          name="setupInstructions"
          label="Setup instructions"
          limit={LIMITS.setupInstructions}
          required
          help="Numbered steps read best."
        />
      </Section>
      {onboarding}
    </>
  );
}

export function SupportSection() {
  return (
    <Section
      title="Support and legal"
      description="Shown on the listing. Reviewers expect a support contact and a separate pricing page."
    >
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <TextField name="websiteUrl" label="Website URL" type="url" required />
        <TextField
          name="pricingUrl"
          label="Pricing page URL"
          type="url"
          required
          help="Required by the review checklist."
        />
        <TextField name="termsUrl" label="Terms of Service URL" type="url" required />
        <TextField name="privacyUrl" label="Privacy Policy URL" type="url" required />
        <TextField name="supportUrl" label="Support URL" type="url" />
        <TextField name="supportEmail" label="Support email" type="email" />
        <TextField name="documentationUrl" label="Documentation URL" type="url" />
        <TextField name="issueTrackerUrl" label="Issue tracker URL" type="url" />
      </div>
    </Section>
  );
}

export function ReviewSection() {
  return (
    <Section title="For Pipedrive's reviewers" description="Not shown on the listing.">
      <TextField
        name="contactEmail"
        label="Main contact email"
        type="email"
        required
        help="Receives review results and notifications of user reviews."
      />
      <TextField
        name="useCase"
        label="Use case"
        limit={LIMITS.useCase}
        multiline
        help="What the app does for a Pipedrive customer, in a few sentences."
      />
      <TextField
        name="installFlowRecordingUrl"
        label="Installation flow recording URL"
        type="url"
        help="A video of the three install flows: new user, existing user signed out, signed in."
      />
    </Section>
  );
}
