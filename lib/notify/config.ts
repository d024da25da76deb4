/**
 * E-mail configuration, read from the environment on every call so a test or
 * a worker sees the current values. E-mail is off unless SMTP_URL is set, and
 * nothing in the app requires it: in-app notifications work without it.
 */

export const DEFAULT_SMTP_FROM = "Alur Kinerja <no-reply@alurkinerja.local>";

export interface EmailConfig {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
  smtpUrl: string;
  from: string;
  /** The app's public URL, without a trailing slash: the base of links in e-mails. */
  appUrl: string;
}

export class EmailConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailConfigError";
  }
}

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

export function emailEnabled(): boolean {
  return env("SMTP_URL") !== undefined;
}

export function appUrl(): string {
  return (env("APP_URL") ?? env("NEXTAUTH_URL") ?? "http://localhost:3000").replace(/\/+$/, "");
}

/** The configuration, or null when e-mail is off. Throws EmailConfigError on a malformed SMTP_URL. */
export function readEmailConfig(): EmailConfig | null {
  const smtpUrl = env("SMTP_URL");
  if (!smtpUrl) return null;
  let parsed: URL;
  try {
    parsed = new URL(smtpUrl);
  } catch {
    throw new EmailConfigError("SMTP_URL tidak valid: gunakan bentuk smtp://pengguna:sandi@host:587 atau smtps://…:465.");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    throw new EmailConfigError(`SMTP_URL harus diawali smtp:// atau smtps://, bukan ${parsed.protocol}//.`);
  }
  if (!parsed.hostname) throw new EmailConfigError("SMTP_URL tidak menyebut host server SMTP.");
  return { smtpUrl, from: env("SMTP_FROM") ?? DEFAULT_SMTP_FROM, appUrl: appUrl() };
}

/** host:port of SMTP_URL for logs, never the user name or password. */
export function describeSmtp(config: EmailConfig): string {
  const url = new URL(config.smtpUrl);
  return `${url.protocol}//${url.hostname}${url.port ? `:${url.port}` : ""}`;
}
