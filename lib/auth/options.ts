import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";

import { clientAddressFromHeaders } from "@/lib/authz/client-address";

import { decodeSessionToken, encodeSessionToken } from "./jwt";
import type { TSignInErrorCode } from "./schemas";
import { signInWithPassword } from "./sign-in";

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

/** An error whose message next-auth may put in the sign-in page's URL: one of our codes, nothing else. */
class SignInError extends Error {
  constructor(readonly code: TSignInErrorCode) {
    super(code);
  }
}

/**
 * next-auth: NIP/email + password, JWT session carrying the user id only.
 * Memberships and the active flag are re-read from the database on every
 * request (lib/authz/context.ts), so removing a member takes effect at once.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // next-auth's token format, its key derived once per process, not twice per request (lib/auth/jwt.ts).
  jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/masuk", error: "/masuk" },
  providers: [
    CredentialsProvider({
      name: "NIP",
      credentials: { identifier: { type: "text" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        // next-auth passes a thrown message to the sign-in page as `?error=`: only our codes may
        // go there. Anything unexpected (a database error above all) is logged and answered with
        // a code, never with its own text.
        try {
          const result = await signInWithPassword(
            typeof credentials?.identifier === "string" ? credentials.identifier : "",
            typeof credentials?.password === "string" ? credentials.password : "",
            {
              ip: clientAddressFromHeaders({ get: (name) => header(req?.headers, name) }),
              userAgent: header(req?.headers, "user-agent"),
            },
            typeof credentials?.code === "string" ? credentials.code : null,
          );
          if (result.ok) return { id: result.userId };
          if (result.reason === "throttled") throw new SignInError("THROTTLED");
          if (result.reason === "nip_format") throw new SignInError("NIP_FORMAT");
          // A 2FA user's right password alone makes no session: the form asks for the code.
          if (result.reason === "two_factor_required") throw new SignInError("TWO_FACTOR_REQUIRED");
          if (result.reason === "two_factor_invalid") throw new SignInError("TWO_FACTOR_INVALID");
          return null;
        } catch (error) {
          if (error instanceof SignInError) throw error;
          console.error("[auth] sign-in failed unexpectedly", error);
          throw new SignInError("UNAVAILABLE");
        }
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
