import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { signInWithPassword } from "./sign-in";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

/**
 * next-auth: NIP/email + password, JWT session carrying the user id only.
 * Memberships and the active flag are re-read from the database on every
 * request (lib/authz/context.ts), so removing a member takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    CredentialsProvider({
      name: "NIP",
      credentials: { identifier: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = header(req?.headers, "x-forwarded-for")?.split(",")[0]?.trim() ?? header(req?.headers, "x-real-ip");
        const result = await signInWithPassword(credentials?.identifier ?? "", credentials?.password ?? "", {
          ip,
          userAgent: header(req?.headers, "user-agent"),
        });
        if (result.ok) return { id: result.userId };
        // next-auth passes the thrown message to the sign-in page as `error`.
        if (result.reason === "throttled") throw new Error("THROTTLED");
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return { sub: token.sub, iat: token.iat, exp: token.exp, jti: token.jti };
    },
    session({ session, token }) {
      return { expires: session.expires, user: { id: token.sub } } as typeof session;
    },
  },
};
