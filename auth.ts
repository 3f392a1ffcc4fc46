import NextAuth, { type DefaultSession } from "next-auth";
import { db } from "@/lib/db";
import { env } from "@/lib/server/env";
import { listingStudioAdapter } from "@/lib/auth/adapter";
import { pipedriveProvider } from "@/lib/auth/pipedrive-provider";
import { parseUsersMe } from "@/lib/pipedrive/users-me";
import { recordSignIn } from "@/lib/team/workspace";
import { log } from "@/lib/server/log";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

export const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60;

// Configured lazily: the environment is read on the first request, not when `next build` imports this file.
export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const e = env();
  return {
    adapter: listingStudioAdapter(db),
    secret: e.AUTH_SECRET,
    trustHost: true,
    useSecureCookies: e.secureCookies,
    session: { strategy: "database", maxAge: SESSION_MAX_AGE_S, updateAge: 24 * 60 * 60 },
    pages: { signIn: "/signin", error: "/signin" },
    // One line per failure: forged or expired callbacks are routine and need no stack trace.
    logger: {
      error: (error) =>
        log().warn({ auth: "type" in error ? String(error.type) : error.name }, `Sign-in: ${error.message}`),
      warn: (code) => log().warn({ auth: code }, "Sign-in warning"),
    },
    providers: [
      pipedriveProvider({
        clientId: e.AUTH_PIPEDRIVE_ID,
        clientSecret: e.AUTH_PIPEDRIVE_SECRET,
        oauthUrl: e.PIPEDRIVE_OAUTH_URL,
        apiUrl: e.PIPEDRIVE_API_URL,
      }),
    ],
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signIn({ user, profile }) {
        if (user.id && profile) await recordSignIn(user.id, parseUsersMe(profile));
      },
    },
  };
});
